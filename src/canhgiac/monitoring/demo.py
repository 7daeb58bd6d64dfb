"""Demo alerts: a day of DNS logs from the province's networks, matched against the demo indicators."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canhgiac.indicators import store
from canhgiac.monitoring.models import Alert
from canhgiac.monitoring.service import ingest_lines

DEMO_NETWORK_INDICATORS = (
    ("xmr-pool-minexmr.cc", "miner", "xmrig"),
    ("update-flashplayer-vn.top", "malware", "agenttesla"),
    ("cdn-sync-mirai.xyz", "c2", "mirai"),
)
# (host, query, answer) as an agency's resolver logged them
DEMO_QUERIES = (
    ("10.56.16.21", "pool.xmr-pool-minexmr.cc", "198.51.100.23"),
    ("10.56.16.21", "xmr-pool-minexmr.cc", "198.51.100.23"),
    ("10.56.20.14", "update-flashplayer-vn.top", "203.0.113.80"),
    ("10.56.20.31", "api.cdn-sync-mirai.xyz", "203.0.113.99"),
    ("10.56.40.5", "vietcombank-xacminh-taikhoan.xyz", "203.0.113.10"),
    ("10.56.2.8", "www.vietcombank.com.vn", "203.0.113.200"),
    ("10.56.2.9", "dichvucong.gov.vn", "203.0.113.201"),
)
FIELDS = "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\ttrans_id\tquery\trcode_name\tanswers"


def load_demo_alerts(session: Session) -> dict[str, int]:
    if session.scalar(select(func.count()).select_from(Alert)):
        return {}
    for value, category, family in DEMO_NETWORK_INDICATORS:
        indicator = store.record_indicator(
            session, raw=value, source="maltrail-demo", category=category, family=family
        )
        if indicator.status == "reported":
            store.change_status(
                session, indicator, status="verified", reason="Dữ liệu mẫu / demo data"
            )
    lines = ["#separator \\x09", "#path\tdns", f"#fields\t{FIELDS}"]
    for i, (host, query, answer) in enumerate(DEMO_QUERIES * 3):
        lines.append(
            f"{1795000000 + 37 * i}.2\tCdemo{i}\t{host}\t5353\t10.56.0.53\t53\tudp\t{i}\t{query}\tNOERROR\t{answer}"
        )
    result = ingest_lines(session, lines, fmt="zeek-dns", sensor="token:demo-sensor")
    return {"alerts": result.alerts.created}
