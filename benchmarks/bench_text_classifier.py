"""Scam-message detector speed: batch messages/second on one core, single-message latency.

Messages are the project's seed corpus (realistic SMS lengths, links, numbers), distinct and
shuffled; each batch figure is the best of three passes (the machine is shared).
The batch figure is one process (= one core). Indicator extraction (links, phone numbers,
bank accounts for the ``indicators`` field) is measured separately because callers that only
need verdicts can skip it.

Usage: python benchmarks/bench_text_classifier.py [--messages N] [--single N] [--passes N]
"""

from __future__ import annotations

import argparse
import os

# One core means one thread: keep numpy's BLAS from spreading over others.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from canhgiac.detectors.text.classifier import load_text_classifier  # noqa: E402
from canhgiac.detectors.text.corpus import load_seed_corpus  # noqa: E402
from canhgiac.detectors.text.model import SHIPPED_MODEL, load_model  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--single", type=int, default=2_000)
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--passes", type=int, default=3, help="batch passes; the best counts")
    args = parser.parse_args()

    started = time.perf_counter()
    load_model(SHIPPED_MODEL)
    model_load = time.perf_counter() - started
    started = time.perf_counter()
    classifier = load_text_classifier()
    full_load = time.perf_counter() - started

    rng = random.Random(7)
    corpus = load_seed_corpus()
    # Distinct messages (no repeats that caches could exploit), shuffled.
    rows = rng.sample(corpus, min(args.messages, len(corpus)))
    texts = [r.text for r in rows]
    senders = [r.sender for r in rows]
    classifier.classify_many(texts[:200], senders[:200])  # warm caches

    cpu_started = time.process_time()
    sum(range(10_000_000))
    reference = time.process_time() - cpu_started
    print(
        f"host speed: sum(range(10**7)) takes {reference:.3f} s CPU "
        "(≈0.12-0.15 s on a typical modern core; figures below scale with it)"
    )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"cpu_count={os.cpu_count()}  load average={load}  messages={len(texts)}  "
        f"mean length={statistics.mean(len(t) for t in texts):.0f} chars"
    )
    print(
        f"model file load: {model_load * 1000:.0f} ms; classifier incl. brand registry: "
        f"{full_load * 1000:.0f} ms"
    )
    for with_indicators in (False, True):
        best_cpu = best_wall = float("inf")
        for _ in range(args.passes):
            started, cpu_started = time.perf_counter(), time.process_time()
            for start in range(0, len(texts), args.batch_size):
                classifier.classify_many(
                    texts[start : start + args.batch_size],
                    senders[start : start + args.batch_size],
                    with_indicators=with_indicators,
                )
            best_wall = min(best_wall, time.perf_counter() - started)
            best_cpu = min(best_cpu, time.process_time() - cpu_started)
        label = "with indicators" if with_indicators else "verdicts only "
        # CPU time of this single-threaded process = time on one core, robust to a busy host.
        print(
            f"batch ({label}): {len(texts) / best_cpu:,.0f} messages/s per core (CPU time); "
            f"{len(texts) / best_wall:,.0f}/s wall-clock (best of {args.passes} passes)"
        )

    latencies = []
    cpu_latencies = []
    for text, sender in zip(texts[: args.single], senders[: args.single], strict=True):
        started, cpu_started = time.perf_counter(), time.thread_time()
        classifier.classify(text, sender)
        latencies.append((time.perf_counter() - started) * 1000)
        cpu_latencies.append((time.thread_time() - cpu_started) * 1000)
    cpu_latencies.sort()
    latencies.sort()
    p50 = latencies[len(latencies) // 2]
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(
        f"single message (with indicators): p50={p50:.2f} ms  p99={p99:.2f} ms  "
        f"max={latencies[-1]:.2f} ms wall-clock (n={len(latencies)}); CPU time "
        f"p50={cpu_latencies[len(cpu_latencies) // 2]:.2f} ms  "
        f"p99={cpu_latencies[int(len(cpu_latencies) * 0.99) - 1]:.2f} ms"
    )


if __name__ == "__main__":
    main()
