"""Bulk merge paths (all new, partly known, re-import) and the two-process parse."""

from __future__ import annotations

import sys
from datetime import timedelta

import pytest
from sqlalchemy import select

from canhgiac.db.base import utcnow
from canhgiac.indicators import collect
from canhgiac.indicators.bulk import BulkRow, bulk_upsert
from canhgiac.indicators.bulk_stage import BulkSet
from canhgiac.indicators.collect import collect_feed
from canhgiac.indicators.importer import import_path
from canhgiac.indicators.models import Indicator, IndicatorSource
from tests.indicators.feeds.conftest import FIXTURES


def _links(db, source):
    rows = db.execute(
        select(Indicator.value, Indicator.display, Indicator.category, IndicatorSource)
        .join(IndicatorSource, IndicatorSource.indicator_id == Indicator.id)
        .where(IndicatorSource.source == source)
    )
    return {
        value: (display, category, link.category, link.family, link.reference, link.active)
        for value, display, category, link in rows
    }


@pytest.mark.db
def test_all_new_rows_link_to_their_own_indicators(db):
    bulk_upsert(db, [BulkRow("domain", "old.example", "old.example", "malware")], source="a")
    rows = [
        BulkRow("domain", "z.example", "z.example", "phishing", "kit", "f1"),
        BulkRow("url", "http://xn--vitcombank-dv3e.com/", "http://việtcombank.com/", "phishing"),
        BulkRow("domain", "b.example", "b.example", "malware", None, "f2"),
        BulkRow("domain", "b.example", "b.example", "phishing", None, "f3"),  # first one wins
        BulkRow("domain", 'q"uote\\back.example', 'q"uote\\back.example', "c2", None, "f4"),
    ]
    result = bulk_upsert(db, rows, source="b")
    assert (result.rows, result.distinct, result.created, result.linked) == (5, 4, 4, 4)
    assert _links(db, "b") == {
        "z.example": ("z.example", "phishing", "phishing", "kit", "f1", True),
        "http://xn--vitcombank-dv3e.com/": (
            "http://việtcombank.com/", "phishing", "phishing", None, None, True,
        ),
        "b.example": ("b.example", "malware", "malware", None, "f2", True),
        'q"uote\\back.example': ('q"uote\\back.example', "c2", "c2", None, "f4", True),
    }  # fmt: skip
    assert set(_links(db, "a")) == {"old.example"}


@pytest.mark.db
def test_a_snapshot_of_only_new_entries_ages_out_all_old_ones(db):
    t0 = utcnow() - timedelta(days=1)
    rows = [BulkRow("domain", v, v, "phishing") for v in ("a.example", "b.example")]
    bulk_upsert(db, rows, source="feed", full_snapshot=True, now=t0)
    bulk_upsert(db, [BulkRow("domain", "a.example", "a.example")], source="other")
    fresh = [BulkRow("domain", v, v, "phishing") for v in ("c.example", "d.example")]
    result = bulk_upsert(db, fresh, source="feed", full_snapshot=True)
    assert (result.created, result.linked, result.aged_out) == (2, 2, 2)
    links = _links(db, "feed")
    assert {v for v, link in links.items() if link[-1]} == {"c.example", "d.example"}
    status = dict(db.execute(select(Indicator.value, Indicator.status)).all())
    # b.example has no active source left; a.example is still listed by "other".
    assert status == {
        "a.example": "verified",
        "b.example": "expired",
        "c.example": "verified",
        "d.example": "verified",
    }


@pytest.mark.db
def test_partly_known_rows_take_the_general_path(db):
    bulk_upsert(db, [BulkRow("domain", "known.example", "known.example")], source="x")
    rows = [BulkRow("domain", v, v, "malware") for v in ("known.example", "new.example")]
    result = bulk_upsert(db, rows, source="y", full_snapshot=True)
    assert (result.created, result.linked, result.aged_out) == (1, 2, 0)
    assert set(_links(db, "y")) == {"known.example", "new.example"}
    again = bulk_upsert(db, rows, source="y", full_snapshot=True)
    assert (again.created, again.linked, again.revived, again.aged_out) == (0, 0, 0, 0)


@pytest.mark.db
def test_values_json_cannot_carry_are_staged_as_they_are(db):
    if db.get_bind().dialect.name != "sqlite":
        pytest.skip("PostgreSQL text cannot hold NUL at all; SQLite's JSON path is the concern")
    odd = "nul\x00inside.example"
    result = bulk_upsert(
        db, [BulkRow("domain", odd, odd), BulkRow("ip", "192.0.2.1", "192.0.2.1")], source="z"
    )
    assert result.created == 2
    assert db.scalar(select(Indicator.value).where(Indicator.kind == "domain")) == odd


def test_bulk_set_keeps_first_sightings_and_absorbs_later_parts():
    first = BulkSet()
    m = first.meta("malware", "a", "f1")
    first.add_plain("domain", ["b.example", "a.example", "b.example"], m)
    first.add("domain", "a.example", "A.example", first.meta("phishing", None, None))
    later = BulkSet(first_meta=100)
    n = later.meta("c2", None, "f2")
    later.add_plain("domain", ["a.example", "c.example"], n)
    later.add("url", "http://x/", "http://X/", n)
    first.absorb(later)
    assert (first.rows, first.distinct) == (7, 4)
    assert [row[0] for row in first.meta_rows] == [0, 1, 100]
    assert list(first.drain_sorted()) == [
        ("domain", ["a.example", "b.example", "c.example"], [m, m, n]),
        ("url", ["http://x/"], [(n, "http://X/")]),
    ]


def _summary(bulk, tally):
    kinds = {kind: dict(values) for kind, values in bulk.by_kind.items()}
    metas = {number: meta for number, *meta in [(r[0], r[1:]) for r in bulk.meta_rows]}
    named = {
        kind: {value: (metas[t if isinstance(t, int) else t[0]], t) for value, t in values.items()}
        for kind, values in kinds.items()
    }
    return named, (tally.entries, tally.stored, tally.malformed, tally.problems), tally.stats


@pytest.mark.parametrize("worker", ["process", "broken", "missing"])
def test_two_process_parse_equals_one_pass(monkeypatch, worker):
    root = FIXTURES / "maltrail"
    alone = collect_feed("maltrail", root, category_map={}, max_problems=100)
    monkeypatch.setattr(collect, "PARALLEL_MIN_BYTES", 0)
    if worker == "broken":
        monkeypatch.setattr(sys, "executable", "/bin/false")
    elif worker == "missing":
        monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    split = collect_feed("maltrail", root, category_map={}, max_problems=100)
    one, two = _summary(*alone), _summary(*split)
    # Meta numbers differ between the parts; what each value says must not.
    assert {k: {v: m for v, (m, _) in d.items()} for k, d in one[0].items()} == {
        k: {v: m for v, (m, _) in d.items()} for k, d in two[0].items()
    }
    assert one[1:] == two[1:]


@pytest.mark.db
def test_folder_import_in_two_processes_stores_the_same(db, monkeypatch):
    monkeypatch.setattr(collect, "PARALLEL_MIN_BYTES", 0)
    report = import_path(db, FIXTURES / "maltrail", fmt="maltrail", source="maltrail")
    assert report.stored == report.bulk.created > 0
    assert report.malformed == 2 and report.skipped == 4
    links = _links(db, "maltrail")
    assert links["kho-lenh.example.org"][2:5] == ("malware", "emotet", "malware/emotet.txt")
    # mass_scanner is not one of our categories: no category, provenance kept.
    assert links["192.0.2.200"][2:5] == (None, None, "mass_scanner.txt")
