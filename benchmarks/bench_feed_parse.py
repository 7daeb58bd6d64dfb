"""Benchmark: parse maltrail's static trails (~1.6 M indicators) with the feed parser.

Measures the pure parsing stage of an import (no normalisation, no database): files read,
lines classified, entries and problems yielded. Prints entries/s, wall and CPU time, peak
memory (RSS), the entry/problem counts and ``os.cpu_count()``.
Needs ../shared/datasets/trails/maltrail (or CANHGIAC_DATASETS_DIR).
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

from canhgiac.indicators.feeds import FeedStats, parse_feed

REPO = Path(__file__).resolve().parents[1]
TRAILS = (
    Path(os.environ.get("CANHGIAC_DATASETS_DIR", REPO.parent / "shared" / "datasets"))
    / "trails"
    / "maltrail"
)


def main() -> int:
    if not TRAILS.is_dir():
        print(f"maltrail trails not found at {TRAILS}; skipping", file=sys.stderr)
        return 0
    stats = FeedStats()
    wall, cpu = time.perf_counter(), time.process_time()
    for item in parse_feed("maltrail", TRAILS):
        stats.add(item)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"entries: {stats.entries:,}  malformed: {stats.malformed:,}  skipped: {stats.skipped:,}")
    for reason, count in sorted(stats.skipped_reasons.items()):
        print(f"  skipped {count:,}: {reason}")
    print(f"wall: {wall:.2f} s  cpu: {cpu:.2f} s  peak RSS: {rss_mb:.0f} MB")
    print(f"rate: {stats.entries / wall:,.0f} entries/s (wall), {stats.entries / cpu:,.0f} (cpu)")
    print(f"os.cpu_count(): {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
