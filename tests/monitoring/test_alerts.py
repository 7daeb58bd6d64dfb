"""Scans against the store's indicators become alerts per agency, de-duplicated and triaged."""

from __future__ import annotations

import pytest

from canhgiac.accounts.roles import AgencyKind
from canhgiac.errors import ValidationFailed
from canhgiac.indicators import store
from canhgiac.indicators.allowlist import add_allowlist_entry
from canhgiac.monitoring import alerts, service

pytestmark = pytest.mark.db

FIELDS = "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\ttrans_id\tquery\trcode_name\tanswers"


def zeek_dns(rows: list[tuple[str, str, str]]) -> list[str]:
    out = ["#separator \\x09", "#path\tdns", f"#fields\t{FIELDS}"]
    for i, (src, query, answers) in enumerate(rows):
        out.append(
            f"{1777593600 + i}.5\tC{i}\t{src}\t5353\t10.56.0.53\t53\tudp\t{i}\t{query}\tNOERROR\t{answers}"
        )
    return out


@pytest.fixture
def province(db, factories):
    office = factories.agency(kind=AgencyKind.PROVINCIAL_ICT, network_ranges="10.56.0.0/20")
    hospital = factories.agency(kind=AgencyKind.OTHER, network_ranges="10.56.20.0/22")
    for raw, category in (
        ("c2-botnet.xyz", "c2"),
        ("203.0.113.66", "miner"),
        ("phish-vcb.top", "phishing"),
    ):
        ind = store.record_indicator(
            db, raw=raw, source="analyst", category=category, family="test-family"
        )
        store.change_status(db, ind, status="listed", reason="Đã xác minh")
    store.record_indicator(
        db, raw="only-reported.xyz", source="tip", category="phishing"
    )  # not verified
    return office, hospital


def test_batch_becomes_alerts_per_agency(db, province):
    office, hospital = province
    lines = zeek_dns(
        [
            ("10.56.20.7", "update.c2-botnet.xyz", "203.0.113.66"),
            ("10.56.20.7", "c2-botnet.xyz", "-"),
            ("10.56.1.9", "phish-vcb.top", "-"),
            ("10.99.0.1", "c2-botnet.xyz", "-"),
            ("10.56.1.9", "only-reported.xyz", "-"),
            ("10.56.1.9", "vietcombank.com.vn", "-"),
        ]
    )
    result = service.ingest_lines(db, lines, fmt="zeek-dns", sensor="sensor-sotttt")
    assert result.summary["lines"] == 6
    page = alerts.list_alerts(db)
    found = {(a.src_host, a.indicator_value): a for a in page.items}
    assert ("10.56.20.7", "c2-botnet.xyz") in found and ("10.56.1.9", "phish-vcb.top") in found
    assert ("10.56.20.7", "203.0.113.66") in found  # DNS answers are matched too
    assert not any(v == "only-reported.xyz" for _, v in found)
    assert found[("10.56.20.7", "c2-botnet.xyz")].hits == 2
    assert found[("10.56.20.7", "c2-botnet.xyz")].agency_id == hospital.id
    assert found[("10.56.1.9", "phish-vcb.top")].agency_id == office.id
    assert (
        found[("10.99.0.1", "c2-botnet.xyz")].agency_id is None and result.alerts.unattributed == 1
    )
    # The same batch again adds hits to the same alerts rather than new alerts.
    again = service.ingest_lines(db, lines, fmt="zeek-dns", sensor="sensor-sotttt")
    assert again.alerts.created == 0 and again.alerts.updated == page.total
    assert alerts.get_alert(db, found[("10.56.20.7", "c2-botnet.xyz")].id).hits == 4
    assert alerts.list_alerts(db, agency_id=hospital.id).total == 2


def test_agency_allow_list_suppresses_only_its_own_networks(db, province):
    _office, hospital = province
    add_allowlist_entry(
        db, raw="phish-vcb.top", reason="Máy thử nghiệm của bệnh viện", agency_id=hospital.id
    )
    service.ingest_lines(
        db,
        zeek_dns([("10.56.20.8", "phish-vcb.top", "-"), ("10.56.1.2", "phish-vcb.top", "-")]),
        fmt="zeek-dns",
        sensor=None,
    )
    hosts = {a.src_host for a in alerts.list_alerts(db).items}
    assert hosts == {"10.56.1.2"}


def test_triage_and_summary(db, province, factories):
    service.ingest_lines(
        db,
        zeek_dns(
            [("10.56.20.7", "c2-botnet.xyz", "203.0.113.66"), ("10.56.1.9", "phish-vcb.top", "-")]
        ),
        fmt="zeek-dns",
        sensor=None,
    )
    page = alerts.list_alerts(db)
    analyst = factories.user()
    with pytest.raises(ValidationFailed) as err:
        alerts.triage_alert(
            db, page.items[0], status="false_positive", reason="", by_user_id=analyst.id
        )
    assert err.value.field == "reason"
    phishing = next(a for a in page.items if a.category == "phishing")
    alerts.triage_alert(
        db,
        phishing,
        status="false_positive",
        reason="Máy quét bảo mật nội bộ",
        by_user_id=analyst.id,
    )
    summary = alerts.summarize_alerts(db)
    assert "phishing" not in summary["categories"]
    assert summary["categories"]["c2"]["hosts"] == 1
    assert summary["categories"]["miner"]["families"]["test-family"]["alerts"] == 1


def test_bad_batches_are_refused(db):
    with pytest.raises(ValidationFailed) as err:
        service.ingest_lines(db, ["x"], fmt="auto", sensor=None)
    assert err.value.field == "format"
    with pytest.raises(ValidationFailed) as err:
        service.ingest_lines(db, ["x"], fmt="excel", sensor=None)
    assert err.value.field == "format"
