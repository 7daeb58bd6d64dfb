"""The Spark path gives exactly the DuckDB engine's alerts (Spark local mode)."""

from __future__ import annotations

import pytest

pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark

from canhgiac.monitoring.engine import MonitorEngine  # noqa: E402
from canhgiac.monitoring.indicators import iter_indicators  # noqa: E402
from tests.monitoring import samples  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from canhgiac.monitoring.spark import local_session

    session = local_session("canhgiac-test")
    yield session
    session.stop()


def test_spark_matches_like_duckdb(spark, tmp_path):
    from canhgiac.monitoring.spark import SparkMatcher

    ind_path, allow_path = samples.write_lists(tmp_path)
    indicators = list(iter_indicators([ind_path]))
    allow = list(iter_indicators([allow_path]))
    logs = [samples.write(tmp_path, k) for k in ("zeek-dns", "squid")]
    sm = SparkMatcher(spark)
    sm.set_indicators(indicators)
    sm.set_allow(allow)
    sm.events_of(logs)
    got = {
        (r["src"], int(r["ind_id"]), int(r["hits"]), r["first_seen"], r["last_seen"])
        for r in sm.match().collect()
    }
    eng = MonitorEngine()
    eng.set_indicators(indicators)
    eng.add_allow_entries(allow)
    res = eng.scan(logs)
    want = set(res.alerts().project("src, ind_id, hits, first_seen, last_seen").fetchall())
    assert got == want
    s = sm.summary()
    d = res.summary()
    assert s["matched_lines"] == d["matched_lines"]
    assert s["alerts"] == d["alerts"] and s["hosts"] == d["hosts"]
