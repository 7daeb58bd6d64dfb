"""Demo indicators: what a province's analysts would have on file after a few months."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from canhgiac.db.base import utcnow
from canhgiac.indicators import store

# (value, kind or None, category, status, reports, days ago first seen, source)
DEMO_INDICATORS: tuple[tuple[str, str | None, str, str, int, int, str], ...] = (
    (
        "vietcombank-xacminh-taikhoan.xyz",
        None,
        "fraud.impersonation.bank",
        "listed",
        14,
        60,
        "analyst:analyst",
    ),
    ("bidv.com.vn-ebank.top", None, "fraud.impersonation.bank", "listed", 9, 45, "analyst:analyst"),
    (
        "dichvucong-hoantienthue.online",
        None,
        "fraud.impersonation.authority",
        "listed",
        6,
        30,
        "cong-an-tinh",
    ),
    (
        "vneid-dinhdanh-muc2.site",
        None,
        "fraud.impersonation.authority",
        "verified",
        4,
        12,
        "cong-an-tinh",
    ),
    (
        "ghtk-phigiaohang.click",
        None,
        "fraud.impersonation.brand",
        "verified",
        3,
        9,
        "analyst:analyst",
    ),
    ("shopee-hoantien-donhang.vip", None, "fraud.impersonation.brand", "reported", 2, 3, "tip"),
    ("789bet-vip.club", None, "gambling", "listed", 1, 90, "analyst:analyst"),
    ("nohu-doithuong88.win", None, "gambling", "verified", 1, 20, "analyst:analyst"),
    ("vaynhanh-24h-khongthechap.site", None, "fraud.loan", "verified", 5, 25, "tip"),
    ("evn-thanhtoan-tiendien.xyz", None, "fraud.impersonation.authority", "reported", 1, 2, "tip"),
    ("0878 123 456", "phone", "fraud.impersonation.authority", "verified", 11, 40, "tip"),
    ("0567 889 900", "phone", "fraud.task_job", "reported", 3, 7, "tip"),
    ("0923 456 111", "phone", "loan_shark", "reported", 2, 5, "tip"),
    ("Techcombank 19038811223344", "bank_account", "fraud.task_job", "verified", 7, 35, "tip"),
    ("MB 0561234567890", "bank_account", "fraud.investment", "reported", 2, 6, "tip"),
    ("https://t.me/ctv_shopee_hoahong_cao", None, "fraud.task_job", "reported", 3, 10, "tip"),
)


def load_demo_indicators(session: Session) -> dict[str, int]:
    now = utcnow()
    created = 0
    for raw, kind, category, status, reports, days, source in DEMO_INDICATORS:
        seen = now - timedelta(days=days)
        indicator = store.record_indicator(
            session, raw=raw, kind=kind, source=source, category=category, seen_at=seen
        )
        if indicator.report_count == 0:
            indicator.report_count = reports
            created += 1
        if status != indicator.status and status in store.TRANSITIONS[indicator.status]:
            store.change_status(session, indicator, status=status, reason="Dữ liệu mẫu / demo data")
    return {"indicators": created}
