"""Demo names for the verification queue, fed through the real sources and scorer: a morning's
new registrations and a provincial office resolver's log (written for the demo)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canhgiac.detectors.domains.scorer import load_domain_scorer
from canhgiac.verification.models import DomainCandidate
from canhgiac.verification.service import enqueue_names
from canhgiac.verification.sources import names_in_lines

# Names "registered this morning": fakes of banks, public services and shops beside the
# ordinary small businesses of the province that register every day too.
DEMO_NEW_REGISTRATIONS = (
    "vcb-sinhtrachoc-capnhat.top",
    "dichvucong-capnhat-vneid.com",
    "hoantien-shopee-vn.xyz",
    "vaytien-nhanh-tpbank.online",
    "evn-thanhtoan-tiendien.com",
    "acb-online-xacminh.info",
    "banhmi-co-ba-nhatrang.vn",
    "khachsan-bienxanh-camranh.com.vn",
    "nhakhoa-dienkhanh.vn",
    "trungtam-tienganh-camlam.edu.vn",
)

# BIND query log of the provincial offices' resolver: staff reading the news, filing on the
# public-service portal, and two look-ups of names from scam messages.
_QUERIES = (
    ("10.20.4.11", "vnexpress.net"),
    ("10.20.4.11", "dichvucong.gov.vn"),
    ("10.20.4.12", "zalo.me"),
    ("10.20.4.15", "bidv-smartbanking-capnhat.com"),
    ("10.20.4.12", "thuedientu.gdt.gov.vn"),
    ("10.20.4.18", "hoanthue-canhan-tct.xyz"),
    ("10.20.4.18", "15.4.20.10.in-addr.arpa"),
    ("10.20.4.19", "wpad.ubnd.local"),
    ("10.20.4.15", "bidv-smartbanking-capnhat.com"),
    ("10.20.4.11", "baokhanhhoa.vn"),
)
DEMO_RESOLVER_LOG = tuple(
    f"03-Dec-2026 07:{i:02d}:05.120 queries: info: client @0x7f3a1c {ip}#5{i:04d} ({name}): "
    f"query: {name} IN A +E(0)K (10.20.0.53)"
    for i, (ip, name) in enumerate(_QUERIES)
)


def load_demo_candidates(session: Session) -> dict[str, int]:
    if session.scalar(select(func.count()).select_from(DomainCandidate)):
        return {}
    scorer = load_domain_scorer()
    registered = enqueue_names(session, scorer, DEMO_NEW_REGISTRATIONS, source="nrd")
    resolver = enqueue_names(
        session, scorer, names_in_lines(DEMO_RESOLVER_LOG, "bind"), source="monitoring"
    )
    return {"domain_candidates": registered.queued + resolver.queued}
