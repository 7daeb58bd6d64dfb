"""Scans against the platform's own indicators, stored as alerts per agency.

The engine works standalone on files (``canhgiac monitor scan``); here it is fed the
store's verified and listed network indicators and the allow-lists, and its per-host
results become alerts. The loaded engine is kept per process and reloaded only when the
indicators or allow-lists changed.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canhgiac.accounts.models import Agency
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.brands import load_brand_registry
from canhgiac.indicators.models import AllowlistEntry
from canhgiac.indicators.models import Indicator as StoredIndicator
from canhgiac.monitoring.alerts import AgencyNetworks, AlertRow, RecordResult, record_alerts
from canhgiac.monitoring.engine import MonitorEngine
from canhgiac.monitoring.indicators import Indicator, parse_indicator

NETWORK_KINDS = ("domain", "ip", "cidr", "url")
MAX_BATCH_LINES = 200_000
MAX_BATCH_BYTES = 64 * 1024 * 1024
FORMATS = (
    "auto",
    "zeek-dns",
    "zeek-conn",
    "bind",
    "unbound",
    "dnsmasq",
    "suricata",
    "squid",
    "csv",
)


def _store_indicators(session: Session) -> Iterator[Indicator]:
    query = select(StoredIndicator.value, StoredIndicator.category, StoredIndicator.family).where(
        StoredIndicator.kind.in_(NETWORK_KINDS),
        StoredIndicator.status.in_(("verified", "listed")),
        StoredIndicator.merged_into_id.is_(None),
    )
    for value, category, family in session.execute(query.execution_options(yield_per=50_000)):
        parsed = parse_indicator(
            value, category=category or "suspicious", family=family or "", source="canhgiac"
        )
        if isinstance(parsed, Indicator):
            yield parsed


def _allow_entries(values: Sequence[tuple[str, str]]) -> list[Indicator]:
    out = []
    for kind, value in values:
        if kind not in NETWORK_KINDS:
            continue
        parsed = parse_indicator(value, source="allowlist")
        if isinstance(parsed, Indicator):
            out.append(parsed)
    return out


def _fingerprint(session: Session) -> tuple[Any, ...]:
    ind = session.execute(select(func.count(), func.max(StoredIndicator.updated_at))).one()
    allow = session.execute(select(func.count(), func.max(AllowlistEntry.created_at))).one()
    nets = session.scalar(
        select(func.group_concat(Agency.network_ranges))
        if session.get_bind().dialect.name == "sqlite"
        else select(func.string_agg(Agency.network_ranges, ","))
    )
    return (*ind, *allow, nets)


_ENGINE_LOCK = threading.Lock()
_CACHED: dict[str, tuple[tuple[Any, ...], MonitorEngine]] = {}


def engine_for(session: Session) -> MonitorEngine:
    """A MonitorEngine loaded with the store's indicators and allow-lists (cached)."""
    key = str(session.get_bind().engine.url)
    fingerprint = _fingerprint(session)
    with _ENGINE_LOCK:
        cached = _CACHED.get(key)
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
        engine = MonitorEngine()
        engine.set_indicators(_store_indicators(session))
        official = [("domain", d) for d in sorted(load_brand_registry().all_official_domains())]
        global_allow = list(
            session.execute(
                select(AllowlistEntry.kind, AllowlistEntry.value).where(
                    AllowlistEntry.agency_id.is_(None)
                )
            )
        )
        engine.add_allow_entries(_allow_entries([*official, *[tuple(r) for r in global_allow]]))
        for agency in session.scalars(select(Agency).where(Agency.network_ranges != "")):
            own = list(
                session.execute(
                    select(AllowlistEntry.kind, AllowlistEntry.value).where(
                        AllowlistEntry.agency_id == agency.id
                    )
                )
            )
            if own:
                engine.add_allow_entries(
                    _allow_entries([tuple(r) for r in own]), scope=agency.network_ranges.split()
                )
        _CACHED[key] = (fingerprint, engine)
        return engine


@dataclass
class IngestResult:
    summary: dict[str, Any]
    alerts: RecordResult


def _epoch(value: float | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if value else None


def scan_into_alerts(
    session: Session, paths: Sequence[Path], *, fmt: str = "auto", sensor: str | None = None
) -> IngestResult:
    if fmt not in FORMATS:
        raise ValidationFailed(
            f"Định dạng không hỗ trợ: {fmt}; chọn {', '.join(FORMATS)}", field="format"
        )
    engine = engine_for(session)
    with _ENGINE_LOCK:  # one DuckDB connection: scans take turns
        result = engine.scan(list(paths), fmt)
        rows = [
            AlertRow(
                src=src,
                indicator=indicator,
                kind=kind,
                category=category,
                family=family,
                source=source,
                hits=int(hits),
                first_seen=_epoch(first),
                last_seen=_epoch(last),
                example=example,
            )
            for src, indicator, kind, category, family, source, hits, first, last, example in result.alerts()
            .project(
                "src, indicator, kind, category, family, source, hits, first_seen, last_seen, example"
            )
            .fetchall()
        ]
        summary = result.summary()
    recorded = record_alerts(session, rows, sensor=sensor, networks=AgencyNetworks.load(session))
    return IngestResult(summary=summary, alerts=recorded)


def ingest_lines(
    session: Session, lines: Sequence[str], *, fmt: str, sensor: str | None
) -> IngestResult:
    """A sensor's pushed batch: bounded, written to a private temp file, scanned like a file."""
    if fmt == "auto":
        raise ValidationFailed(
            "Lô đẩy lên phải nêu định dạng / pushed batches must name their format", field="format"
        )
    if len(lines) > MAX_BATCH_LINES:
        raise ValidationFailed(
            f"Tối đa {MAX_BATCH_LINES} dòng mỗi lô / at most {MAX_BATCH_LINES} lines", field="lines"
        )
    if sum(len(line) for line in lines) > MAX_BATCH_BYTES:
        raise ValidationFailed("Lô quá lớn / batch too large", field="lines")
    with tempfile.TemporaryDirectory(prefix="canhgiac-batch-") as tmp:
        path = Path(tmp) / "batch.log"
        with path.open("w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(line.replace("\n", " ").replace("\r", " ") + "\n")
        return scan_into_alerts(session, [path], fmt=fmt, sensor=sensor)
