from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from canhgiac.accounts.audit import list_events
from canhgiac.db.base import utcnow
from canhgiac.errors import ValidationFailed
from canhgiac.indicators import store
from canhgiac.indicators.bulk import BulkRow, bulk_upsert
from canhgiac.indicators.models import Indicator, IndicatorSource

pytestmark = pytest.mark.db


def _rows(values, category="phishing", family=None):
    return [BulkRow("domain", v, v, category, family) for v in values]


def test_one_thing_one_record_across_spellings(db):
    a = store.record_indicator(
        db, raw="0912 345 678", source="analyst", category="fraud.impersonation.bank"
    )
    b = store.record_indicator(db, raw="+84-912-345-678", source="tip", count_as_report=True)
    c = store.record_indicator(db, raw="0912.345.678", source="tip", count_as_report=True)
    assert a.id == b.id == c.id
    assert a.value == "+84912345678" and a.report_count == 2
    assert {s.source for s in a.sources} == {"analyst", "tip"}


def test_record_validation_names_fields(db):
    with pytest.raises(ValidationFailed) as err:
        store.record_indicator(db, raw="evil.xyz", source="x", category="false_information")
    assert err.value.field == "category"
    with pytest.raises(ValidationFailed) as err:
        store.record_indicator(db, raw="evil.xyz", source="x", tlp="purple")
    assert err.value.field == "tlp"
    with pytest.raises(ValidationFailed) as err:
        store.record_indicator(db, raw="not an indicator at all", source="x")
    assert err.value.field == "value"


def test_status_lifecycle_is_enforced_and_audited(db):
    ind = store.record_indicator(
        db, raw="vietcombank-xacminh.xyz", source="analyst", category="phishing"
    )
    with pytest.raises(ValidationFailed):
        store.change_status(db, ind, status="delisted", reason="x")  # reported cannot be delisted
    with pytest.raises(ValidationFailed) as err:
        store.change_status(db, ind, status="listed", reason=" ")
    assert err.value.field == "reason"
    store.change_status(db, ind, status="listed", reason="Đã xác minh trang giả mạo")
    assert ind.listed_at is not None
    history = store.indicator_history(db, ind)
    assert any(e.after and e.after.get("status") == "listed" for e in history)


def test_merge_moves_sources_and_counts(db):
    keep = store.record_indicator(db, raw="acb-hotro.top", source="feed-a", count_as_report=True)
    url = store.record_indicator(db, raw="acb-hotro.top/login", kind="url", source="feed-b")
    # A legacy spelling stored before today's normalisation rules: the case merging is for.
    legacy = Indicator(
        kind="domain", value="ACB-HOTRO.TOP.", display="ACB-HOTRO.TOP.", report_count=1
    )
    db.add(legacy)
    db.flush()
    store.record_sighting(db, legacy, source_kind="monitoring")
    db.add(IndicatorSource(indicator_id=legacy.id, source="feed-b"))
    db.flush()
    db.refresh(legacy)
    store.merge_indicators(db, keep=keep, duplicate=legacy)
    assert keep.report_count == 2 and {s.source for s in keep.sources} == {"feed-a", "feed-b"}
    assert len(store.sightings_of(db, keep)) == 1
    assert legacy.merged_into_id == keep.id
    with pytest.raises(ValidationFailed):
        store.merge_indicators(db, keep=keep, duplicate=url)  # kinds differ


def test_bulk_upsert_is_idempotent_and_set_based(db):
    first = bulk_upsert(db, _rows(["a.xyz", "b.xyz", "a.xyz"]), source="feed-x")
    assert (first.rows, first.distinct, first.created, first.linked) == (3, 2, 2, 2)
    second = bulk_upsert(db, _rows(["a.xyz", "b.xyz"]), source="feed-x")
    assert (second.created, second.linked, second.revived, second.unchanged) == (0, 0, 0, 2)
    other = bulk_upsert(db, _rows(["b.xyz"]), source="feed-other")
    assert (other.created, other.linked) == (0, 1)
    assert db.scalar(select(func.count()).select_from(Indicator)) == 2
    assert db.scalar(select(func.count()).select_from(IndicatorSource)) == 3
    assert list_events(db, action="indicators.bulk_import")


def test_bulk_never_overrides_analyst_decisions(db):
    bulk_upsert(db, _rows(["fp.xyz"]), source="feed-x")
    ind = db.scalar(select(Indicator).where(Indicator.value == "fp.xyz"))
    store.change_status(db, ind, status="false_positive", reason="Trang hợp pháp của doanh nghiệp")
    bulk_upsert(db, _rows(["fp.xyz"], category="malware"), source="feed-x")
    db.refresh(ind)
    assert ind.status == "false_positive" and ind.category == "phishing"


def test_entries_missing_from_a_feed_age_out_not_deleted(db):
    t0 = utcnow() - timedelta(days=1)
    bulk_upsert(db, _rows(["stay.xyz", "gone.xyz"]), source="feed-y", now=t0, full_snapshot=True)
    result = bulk_upsert(db, _rows(["stay.xyz"]), source="feed-y", full_snapshot=True)
    assert result.aged_out == 1
    gone = db.scalar(select(Indicator).where(Indicator.value == "gone.xyz"))
    stay = db.scalar(select(Indicator).where(Indicator.value == "stay.xyz"))
    assert gone.status == "expired" and stay.status == "verified"
    assert not gone.sources[0].active
    # It comes back when the feed lists it again.
    back = bulk_upsert(db, _rows(["gone.xyz", "stay.xyz"]), source="feed-y", full_snapshot=True)
    assert back.revived == 2 and back.aged_out == 0
    db.refresh(gone)
    assert gone.status == "verified" and gone.sources[0].active


def test_search(db):
    bulk_upsert(
        db,
        _rows(["shopee-hoantien.vip", "lazada-quatang.top"], category="fraud.impersonation.brand"),
        source="feed-z",
    )
    page = store.search_indicators(db, q="shopee")
    assert page.total == 1 and page.items[0].value == "shopee-hoantien.vip"
    assert store.search_indicators(db, category="fraud.impersonation.brand").total == 2
    assert store.search_indicators(db, source="feed-z", kind="ip").total == 0
