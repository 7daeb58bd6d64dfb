"""The public look-up (tra cứu): has this number, account, link or site been reported?

Answers one of official / verified / reported / disputed / delisted / unknown, with safety
advice. It never reveals who reported anything, and only answers for the exact value asked
(plus the parent domains of a host), so the database cannot be enumerated through it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from canhgiac.categories import get_category
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.allowlist import official_match, parent_domains
from canhgiac.indicators.brands import load_brand_registry
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.models import Dispute, Indicator
from canhgiac.indicators.normalize import NormalizedIndicator, normalize

log = logging.getLogger(__name__)
LOOKUP_STATUSES = ("official", "verified", "reported", "disputed", "delisted", "unknown")
_SEVERITY = {
    "listed": 3,
    "verified": 3,
    "reported": 2,
    "delisted": 1,
    "false_positive": 1,
    "expired": 0,
}

GENERIC_ADVICE = (
    "Chưa có phản ánh không có nghĩa là an toàn. Không cung cấp mã OTP, mật khẩu; không chuyển "
    "tiền cho người lạ. Nếu nghi ngờ, hãy gửi phản ánh để cơ quan chức năng xác minh.",
    "No record does not mean safe. Never share OTPs or passwords or send money to strangers; "
    "if in doubt, report it so the authorities can check.",
)
OFFICIAL_ADVICE = (
    "Đây là kênh chính thức đã đăng ký. Kẻ gian vẫn có thể giả mạo tên hiển thị; hãy kiểm tra kỹ "
    "địa chỉ và không cung cấp mã OTP cho bất kỳ ai.",
    "This is a registered official channel. Scammers can still spoof display names; check the "
    "address carefully and never share OTPs.",
)


@dataclass
class LookupAnswer:
    query: str
    status: str
    kind: str | None = None
    value: str | None = None
    display: str | None = None
    matched: str | None = None  # the record that answered, e.g. the parent domain
    category: str | None = None
    category_label: tuple[str, str] | None = None
    since: datetime | None = None
    report_count: int = 0
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    brand: dict[str, str] | None = None
    allowlist_source: str | None = None
    advice: tuple[str, str] = GENERIC_ADVICE
    notes: list[str] = field(default_factory=list)
    # For a name with no record: what the name scorer thinks of it ("looks like a fake
    # Vietcombank site"): score, brand imitated, category guess, reasons.
    suspicion: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "query": self.query,
            "status": self.status,
            "kind": self.kind,
            "value": self.value,
            "display": self.display,
            "matched": self.matched,
            "category": self.category,
            "category_label": {"vi": self.category_label[0], "en": self.category_label[1]}
            if self.category_label
            else None,
            "since": iso(self.since),
            "report_count": self.report_count,
            "first_seen": iso(self.first_seen),
            "last_seen": iso(self.last_seen),
            "brand": self.brand,
            "allowlist_source": self.allowlist_source,
            "advice": {"vi": self.advice[0], "en": self.advice[1]},
            "notes": self.notes,
            "suspicion": self.suspicion,
        }


def _candidates(ind: NormalizedIndicator) -> list[tuple[str, str]]:
    """(kind, value) pairs that answer for this value, most specific first."""
    pairs = [(ind.kind.value, ind.value)]
    host = (
        ind.extra.get("host")
        if ind.kind == IndicatorKind.URL
        else (ind.value if ind.kind == IndicatorKind.DOMAIN else None)
    )
    if host:
        pairs += [(IndicatorKind.DOMAIN.value, d) for d in parent_domains(host) if d != ind.value]
    return pairs


_DIGITS = re.compile(r"^[\d .\-]{6,30}$")


def _resolve(query: str) -> tuple[NormalizedIndicator, str | None]:
    """The indicator asked about, and the bare digits when it could also be a bank account."""
    text = query.strip()
    digits = re.sub(r"\D", "", text) if _DIGITS.match(text) else None
    if digits is not None and not 6 <= len(digits) <= 19:
        digits = None
    try:
        ind = normalize(text)
    except ValidationFailed:
        if digits is None:
            raise
        ind = NormalizedIndicator(IndicatorKind.BANK_ACCOUNT, digits, digits, {"account": digits})
    if ind.kind == IndicatorKind.BANK_ACCOUNT:
        digits = ind.extra.get("account") or digits
    return ind, digits


def _records(
    session: Session, ind: NormalizedIndicator, digits: str | None
) -> tuple[list[Indicator], dict[tuple[str, str], int]]:
    candidates = _candidates(ind)
    conditions = [and_(Indicator.kind == k, Indicator.value == v) for k, v in candidates]
    if digits:
        # An account number typed without its bank answers for that number at any bank:
        # exact keys for every bank in the registry (index look-ups, not a LIKE scan).
        banks = load_brand_registry().by_sector("bank")
        values = [digits, *(f"{bank.key}:{digits}" for bank in banks)]
        conditions.append(
            and_(Indicator.kind == IndicatorKind.BANK_ACCOUNT.value, Indicator.value.in_(values))
        )
    rows = list(
        session.scalars(
            select(Indicator).where(Indicator.merged_into_id.is_(None), or_(*conditions))
        )
    )
    order = {pair: i for i, pair in enumerate(candidates)}
    return rows, order


def _name_suspicion(ind: NormalizedIndicator) -> dict[str, Any] | None:
    """The domain-name scorer's view of an unrecorded host, when it flags it."""
    host = (
        ind.value
        if ind.kind == IndicatorKind.DOMAIN
        else (ind.extra.get("host") if ind.kind == IndicatorKind.URL else None)
    )
    if not host:
        return None
    try:
        from canhgiac.detectors.domains.scorer import load_domain_scorer

        scored = load_domain_scorer().score(host)
    except ValidationFailed:  # an IP address or odd host: no name to judge
        return None
    except Exception:  # an optional model: the look-up answers without it
        log.warning("domain name scorer unavailable for the look-up", exc_info=True)
        return None
    if not scored.is_suspicious:
        return None
    brand = load_brand_registry().get(scored.brand) if scored.brand else None
    return {
        "score": round(scored.score, 4),
        "brand": scored.brand,
        "brand_name": brand.short_name if brand else None,
        "category": scored.category,
        "reasons": list(scored.reasons),
    }


def lookup(session: Session, query: str) -> LookupAnswer:
    """Raises ValidationFailed (field ``value``) for input that is no known kind of indicator."""
    ind, digits = _resolve(query)
    answer = LookupAnswer(
        query=query, status="unknown", kind=ind.kind.value, value=ind.value, display=ind.display
    )
    official = official_match(session, ind)
    if official is not None:
        answer.status = "official"
        answer.matched = official.matched_value
        answer.advice = OFFICIAL_ADVICE
        answer.allowlist_source = official.source
        if official.brand is not None:
            answer.brand = {
                "key": official.brand.key,
                "name": official.brand.short_name,
                "full_name": official.brand.name,
            }
        return answer

    rows, order = _records(session, ind, digits)
    if not rows:
        answer.suspicion = _name_suspicion(ind)
        return answer
    # The most severe record wins; among equals, the most specific.
    best = max(
        rows, key=lambda r: (_SEVERITY.get(r.status, 0), -order.get((r.kind, r.value), len(order)))
    )
    answer.matched = best.value
    answer.category = best.category
    category = get_category(best.category) if best.category else None
    if category is not None:
        answer.category_label = (category.label_vi, category.label_en)
        answer.advice = (category.advice_vi, category.advice_en)
    answer.report_count = best.report_count
    answer.first_seen, answer.last_seen = best.first_seen, best.last_seen
    if (
        best.kind == IndicatorKind.DOMAIN.value
        and best.value != ind.value
        and ind.kind != IndicatorKind.DOMAIN
    ):
        answer.notes.append("matched_host")
    elif best.value != ind.value:
        answer.notes.append("matched_parent_domain")
    open_dispute = session.scalar(
        select(Dispute.id).where(Dispute.indicator_id == best.id, Dispute.status == "open").limit(1)
    )
    if open_dispute is not None and best.status in ("listed", "verified", "reported"):
        answer.status = "disputed"
    elif best.status in ("listed", "verified"):
        answer.status = "verified"
        answer.since = best.listed_at or best.first_seen
    elif best.status == "reported":
        answer.status = "reported"
    elif best.status in ("delisted", "false_positive"):
        answer.status = "delisted"
        answer.advice = GENERIC_ADVICE
    else:  # expired: it left its feeds; say so without calling it a scam today
        answer.notes.append("expired")
        answer.advice = GENERIC_ADVICE
    return answer
