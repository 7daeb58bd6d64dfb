"""Bulk import of maltrail's static trails (~1.6 M indicators) into the embedded database.

Runs the real path — parse the trail folder, normalise each line, stage and merge in bulk —
into a throw-away SQLite file, twice: the first import, then the same import again (which
must change nothing). Prints indicators per second (entries / wall seconds of each import),
the CPU seconds each took (this process and its parsing worker), the load average, and
peak memory. The machine may be shared:
wall time counts CPU time other processes took, so compare CPU seconds too.

    .venv/bin/python benchmarks/bench_import_maltrail.py [PATH_TO_MALTRAIL_TRAILS]
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from canhgiac.db import migrate
from canhgiac.db.engine import build_engine, session_factory, unit_of_work
from canhgiac.indicators.importer import import_path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "trails" / "maltrail"


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the parsing worker)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    trails = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not trails.exists():
        print(f"maltrail trails not found at {trails}; pass the path as the first argument")
        sys.exit(0)
    with tempfile.TemporaryDirectory() as tmp:
        engine = build_engine(f"sqlite:///{Path(tmp) / 'import.db'}")
        migrate.upgrade(engine)
        factory = session_factory(engine)
        for label in ("first import", "re-import"):
            started, cpu_started = time.perf_counter(), _cpu_seconds()
            with unit_of_work(factory) as session:
                report = import_path(session, trails, fmt="maltrail", source="maltrail")
            elapsed = time.perf_counter() - started
            cpu = _cpu_seconds() - cpu_started
            bulk = report.bulk
            assert bulk is not None
            print(
                f"{label}: entries={report.entries:,} stored={report.stored:,} distinct={bulk.distinct:,} "
                f"created={bulk.created:,} linked={bulk.linked:,} malformed={report.malformed:,} "
                f"skipped={report.skipped:,} in {elapsed:.1f}s = {report.entries / elapsed:,.0f} indicators/s "
                f"(CPU {cpu:.1f}s = {report.entries / cpu:,.0f}/CPU-s; "
                f"load average {os.getloadavg()[0]:.2f})"
            )
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"cores={os.cpu_count()} peak_rss={peak_mb:,.0f} MB "
            f"(parsing worker process: {worker_mb:,.0f} MB)"
        )


if __name__ == "__main__":
    main()
