"""Public look-up latency at 2 million stored indicators on the embedded database (SQLite).

Seeds a throw-away SQLite database with synthetic indicators through the real bulk path,
then times the look-up service (normalise, brand registry, allow-list, indicator query,
dispute check) on a mix of hits, misses, sub-domains of listed domains, URLs and phones.

    .venv/bin/python benchmarks/bench_lookup.py [--indicators 2000000] [--queries 5000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from canhgiac.db import migrate
from canhgiac.db.engine import build_engine, session_factory, unit_of_work
from canhgiac.indicators.bulk import bulk_upsert
from canhgiac.indicators.lookup import lookup

TLDS = ("xyz", "top", "vip", "cc", "shop", "online", "com", "net", "vn", "com.vn", "club")
WORDS = (
    "vay",
    "nhanh",
    "hotro",
    "xacminh",
    "taikhoan",
    "nhanqua",
    "hoantien",
    "bet",
    "win",
    "88",
    "shopee",
    "vcb",
    "acb",
    "mb",
    "tpbank",
    "giaohang",
    "khuyenmai",
    "sim5g",
    "vneid",
    "thue",
)


def synthetic(n: int, rng: random.Random):
    for i in range(n):
        r = i % 10
        if r < 7:
            name = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}{i}.{rng.choice(TLDS)}"
            yield ("domain", name, name, "phishing", None)
        elif r < 9:
            phone = f"+849{i % 100_000_000:08d}"
            yield ("phone", phone, phone, "fraud.impersonation.bank", None)
        else:
            acct = f"vietcombank:{10_000_000_000 + i}"
            yield ("bank_account", acct, acct, "fraud.task_job", None)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--indicators", type=int, default=2_000_000)
    parser.add_argument("--queries", type=int, default=5_000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        engine = build_engine(f"sqlite:///{Path(tmp) / 'lookup.db'}")
        migrate.upgrade(engine)
        t0 = time.perf_counter()
        with unit_of_work(session_factory(engine)) as session:
            result = bulk_upsert(session, synthetic(args.indicators, rng), source="bench")
        seeded = time.perf_counter() - t0
        names = [f"{WORDS[i % 20]}-{WORDS[(i * 7) % 20]}{i}" for i in range(0, args.indicators, 10)]
        queries: list[str] = []
        for i in range(args.queries):
            pick = i % 5
            if pick == 0:
                queries.append(
                    f"{rng.choice(WORDS)}-{rng.choice(WORDS)}{rng.randrange(args.indicators)}.xyz"
                )
            elif pick == 1:
                queries.append(f"https://login.secure.{rng.choice(names)}.top/otp?id={i}")
            elif pick == 2:
                queries.append(f"09{rng.randrange(10**8):08d}")
            elif pick == 3:
                queries.append("https://vcbdigibank.vietcombank.com.vn/")
            else:
                queries.append(f"{10_000_000_000 + rng.randrange(args.indicators)}")
        factory = session_factory(engine)
        timings = []
        statuses: dict[str, int] = {}
        with unit_of_work(factory) as session:
            for q in queries[:200]:  # warm caches
                lookup(session, q)
            for q in queries:
                t = time.perf_counter()
                answer = lookup(session, q)
                timings.append((time.perf_counter() - t) * 1000)
                statuses[answer.status] = statuses.get(answer.status, 0) + 1
        timings.sort()
        p = lambda q: timings[min(len(timings) - 1, int(q * len(timings)))]  # noqa: E731
        print(
            f"cores={os.cpu_count()} indicators={result.distinct:,} seeded_in={seeded:.1f}s queries={len(timings):,}"
        )
        print(
            f"lookup latency ms: p50={p(0.50):.2f} p95={p(0.95):.2f} p99={p(0.99):.2f} "
            f"max={timings[-1]:.2f} mean={statistics.fmean(timings):.2f}"
        )
        print(f"answers: {statuses}")


if __name__ == "__main__":
    main()
