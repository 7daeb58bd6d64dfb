"""Demo data: a believable province to explore and to test against.

Refuses to touch a database holding real (non-demo) data; loading twice changes nothing.
Later domains add their own demo records through DEMO_LOADERS.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canhgiac.accounts.agencies import create_agency
from canhgiac.accounts.models import Agency, AppMeta, User
from canhgiac.accounts.passwords import hash_password
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.accounts.users import create_user
from canhgiac.errors import Conflict

DEMO_PASSWORD = "canhgiac-demo"  # noqa: S105 - documented demo password
DEMO_FLAG = "demo_loaded"
PROVINCE = "Khánh Hòa"

# (code, name, kind, network ranges)
AGENCIES: tuple[tuple[str, str, AgencyKind, str], ...] = (
    (
        "so-tttt",
        f"Sở Thông tin và Truyền thông tỉnh {PROVINCE}",
        AgencyKind.PROVINCIAL_ICT,
        "10.56.0.0/20",
    ),
    (
        "cong-an-tinh",
        f"Công an tỉnh {PROVINCE} — Phòng An ninh mạng và PCTP sử dụng công nghệ cao",
        AgencyKind.PROVINCIAL_POLICE,
        "10.56.32.0/22",
    ),
    ("qltt", f"Chi cục Quản lý thị trường tỉnh {PROVINCE}", AgencyKind.MARKET_SURVEILLANCE, ""),
    ("hai-quan", "Chi cục Hải quan khu vực XI", AgencyKind.CUSTOMS, ""),
    ("nhnn", f"Ngân hàng Nhà nước Chi nhánh tỉnh {PROVINCE}", AgencyKind.STATE_BANK, ""),
    ("vcb-kh", f"Vietcombank Chi nhánh {PROVINCE}", AgencyKind.BANK, ""),
    ("viettel-kh", f"Viettel {PROVINCE}", AgencyKind.TELCO, ""),
    ("vnpt-kh", f"VNPT {PROVINCE}", AgencyKind.ISP, ""),
    ("mobifone-kv", "MobiFone Khu vực 7", AgencyKind.TELCO, ""),
    ("pa-vietnam", "Công ty TNHH PA Việt Nam (nhà đăng ký tên miền)", AgencyKind.REGISTRAR, ""),
    ("bao-tinh", f"Báo {PROVINCE}", AgencyKind.PRESS, ""),
    ("vp-ubnd", f"Văn phòng UBND tỉnh {PROVINCE}", AgencyKind.OTHER, "10.56.16.0/22"),
    ("so-y-te", f"Sở Y tế tỉnh {PROVINCE}", AgencyKind.OTHER, "10.56.20.0/22"),
    ("phuong-nha-trang", "UBND phường Nha Trang", AgencyKind.COMMUNE, "10.56.40.0/24"),
    ("phuong-cam-ranh", "UBND phường Cam Ranh", AgencyKind.COMMUNE, "10.56.41.0/24"),
    ("xa-cam-lam", "UBND xã Cam Lâm", AgencyKind.COMMUNE, "10.56.42.0/24"),
    ("xa-dien-khanh", "UBND xã Diên Khánh", AgencyKind.COMMUNE, "10.56.43.0/24"),
)

# (username, agency code, role, full name): one user per role at the office, one per agency.
USERS: tuple[tuple[str, str, Role, str], ...] = (
    ("admin", "so-tttt", Role.ADMIN, "Trần Quốc Bảo"),
    ("analyst", "so-tttt", Role.ANALYST, "Nguyễn Thị Minh Thư"),
    ("officer", "so-tttt", Role.OFFICER, "Lê Văn Hùng"),
    ("viewer", "so-tttt", Role.VIEWER, "Phạm Thu Hà"),
    ("congan.admin", "cong-an-tinh", Role.ADMIN, "Đại úy Võ Minh Tuấn"),
    ("congan.canbo", "cong-an-tinh", Role.OFFICER, "Thượng úy Đặng Hoàng Nam"),
    ("congan.phantich", "cong-an-tinh", Role.ANALYST, "Trung úy Huỳnh Gia Khánh"),
    ("qltt.canbo", "qltt", Role.OFFICER, "Bùi Thị Lan"),
    ("haiquan.canbo", "hai-quan", Role.OFFICER, "Ngô Đức Thắng"),
    ("nhnn.canbo", "nhnn", Role.OFFICER, "Đỗ Thị Hồng Nhung"),
    ("vcb.canbo", "vcb-kh", Role.OFFICER, "Hoàng Văn Lộc"),
    ("viettel.canbo", "viettel-kh", Role.OFFICER, "Trịnh Công Sơn"),
    ("vnpt.canbo", "vnpt-kh", Role.OFFICER, "Lý Thị Mai"),
    ("mobifone.canbo", "mobifone-kv", Role.OFFICER, "Mai Xuân Trường"),
    ("pa.canbo", "pa-vietnam", Role.OFFICER, "Vũ Ngọc Anh"),
    ("bao.phongvien", "bao-tinh", Role.VIEWER, "Cao Thị Diễm"),
    ("vpubnd.canbo", "vp-ubnd", Role.VIEWER, "Phan Thanh Tùng"),
    ("syte.canbo", "so-y-te", Role.VIEWER, "Dương Thị Kim Oanh"),
    ("nhatrang.canbo", "phuong-nha-trang", Role.OFFICER, "Tạ Văn Phúc"),
    ("camranh.canbo", "phuong-cam-ranh", Role.OFFICER, "Lâm Thị Ngọc"),
    ("camlam.canbo", "xa-cam-lam", Role.OFFICER, "Kiều Văn Định"),
    ("dienkhanh.canbo", "xa-dien-khanh", Role.OFFICER, "Âu Thị Thảo"),
)

# Later domains append "module:function" loaders taking (session) and returning a count dict.
DEMO_LOADERS: list[str] = [
    "canhgiac.indicators.demo:load_demo_indicators",
    "canhgiac.monitoring.demo:load_demo_alerts",
    "canhgiac.messages.demo:load_demo_messages",
    "canhgiac.verification.demo:load_demo_candidates",
]


@dataclass
class DemoSummary:
    created: dict[str, int] = field(default_factory=dict)
    already_loaded: bool = False


def demo_loaded(session: Session) -> bool:
    return session.get(AppMeta, DEMO_FLAG) is not None


def database_is_empty(session: Session) -> bool:
    return (session.scalar(select(func.count()).select_from(User)) or 0) == 0


def load_demo(session: Session) -> DemoSummary:
    already = demo_loaded(session)
    if not already and not database_is_empty(session):
        raise Conflict(
            "CSDL đã có dữ liệu thật; không nạp dữ liệu mẫu / the database already holds "
            "non-demo data; refusing to load demo data"
        )
    summary = DemoSummary(already_loaded=already)
    agencies: dict[str, Agency] = {a.code: a for a in session.scalars(select(Agency))}
    for code, name, kind, networks in AGENCIES:
        if code not in agencies:
            agencies[code] = create_agency(
                session, code=code, name=name, kind=kind, network_ranges=networks
            )
            summary.created["agencies"] = summary.created.get("agencies", 0) + 1
    existing = set(session.scalars(select(User.username)))
    shared_hash = hash_password(DEMO_PASSWORD)
    for username, agency_code, role, full_name in USERS:
        if username not in existing:
            create_user(
                session,
                agency=agencies[agency_code],
                username=username,
                full_name=full_name,
                role=role,
                password=DEMO_PASSWORD,
                password_hash=shared_hash,
                email=f"{username}@demo.canhgiac.local",
            )
            summary.created["users"] = summary.created.get("users", 0) + 1
    if not already:
        session.add(AppMeta(key=DEMO_FLAG, value="1"))
    for target in DEMO_LOADERS:
        module_name, _, fn_name = target.partition(":")
        loader: Callable[[Session], dict[str, int]] = getattr(
            importlib.import_module(module_name), fn_name
        )
        for key, count in loader(session).items():
            if count:
                summary.created[key] = summary.created.get(key, 0) + count
    session.flush()
    return summary
