"""Benchmark: ``monitor scan`` of a 10M-line Zeek dns.log against the maltrail indicators.

Generates a deterministic, realistic Zeek dns.log (popular names with a Zipf-like skew,
CDN/tracking long tail, NXDOMAIN noise, some listed names, sub-domains of listed names and
listed answer IPs) into benchmarks/out/ (not committed), then in one run measures

  1. baseline: DuckDB reading the file and counting its lines (``count(*)`` over read_csv);
  2. the whole scan: parse, match query names and answers, count per source host.

Prints lines/s, both times, their ratio, peak memory (RSS) and ``os.cpu_count()``.
Needs ../shared/datasets/trails/maltrail (the indicators); ``--lines`` scales the log.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
TRAILS = (
    Path(os.environ.get("CANHGIAC_DATASETS_DIR", REPO.parent / "shared" / "datasets"))
    / "trails"
    / "maltrail"
)
OUT = REPO / "benchmarks" / "out"

FIELDS = [
    "ts",
    "uid",
    "id.orig_h",
    "id.orig_p",
    "id.resp_h",
    "id.resp_p",
    "proto",
    "trans_id",
    "rtt",
    "query",
    "qclass",
    "qclass_name",
    "qtype",
    "qtype_name",
    "rcode",
    "rcode_name",
    "AA",
    "TC",
    "RD",
    "RA",
    "Z",
    "answers",
    "TTLs",
    "rejected",
]

# Written for this benchmark: Vietnamese and global-looking services, none from a dataset.
BASES = [
    "tinmoi24h.vn", "baodientu-hcm.vn", "nganhang-so.com.vn", "dichvucong-tinh.gov.vn",
    "thuedientu-demo.gov.vn", "muasamnhanh.vn", "video-giaitri.net", "mangxahoi-viet.com",
    "thoitiet-hanoi.vn", "bando-dulich.vn", "hocvien-truc-tuyen.edu.vn", "cloud-cdn-edge.net",
    "static-assets-cdn.com", "analytics-collector.io", "update-service.example.com",
    "mail-congvu.gov.vn", "chat-noibo.vn", "office-suite-online.com", "os-update-mirror.org",
    "time-sync-ntp.org", "antivirus-defs.net", "captive-check.net", "app-telemetry.com",
    "ads-network-asia.com", "fonts-provider.net", "maps-tiles.net", "payment-gateway.vn",
    "ecommerce-shop.vn", "news-aggregator.vn", "search-engine.example.net",
]  # fmt: skip
SUBS = ["www", "api", "cdn", "img", "static", "m", "mail", "login", "s1", "s2", "edge", "v"]


def _listed_samples(rng: random.Random, n: int) -> tuple[list[str], list[str]]:
    """A deterministic sample of listed domains and IPv4 addresses from the trails."""
    domains: list[str] = []
    ips: list[str] = []
    for path in sorted(TRAILS.glob("malware/*.txt"))[::7]:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            tok = line.split("#", 1)[0].strip().lower()
            if not tok or "/" in tok or ":" in tok:
                continue
            if tok.replace(".", "").isdigit():
                ips.append(tok)
            elif "." in tok and tok.replace(".", "").replace("-", "").isalnum():
                domains.append(tok)
    rng.shuffle(domains)
    rng.shuffle(ips)
    return domains[:n], ips[: max(1, n // 4)]


def generate(path: Path, lines: int, seed: int = 6) -> None:
    """Write a deterministic Zeek dns.log of ``lines`` records to ``path``."""
    rng = random.Random(seed)
    listed, listed_ips = _listed_samples(rng, 3000)
    hosts = [f"10.{20 + i // 4000}.{(i // 250) % 16}.{i % 250 + 2}" for i in range(3000)]
    hosts += [f"2001:db8:a{i // 256:x}::{i % 256 + 1:x}" for i in range(200)]
    resolvers = ["10.0.0.53", "10.0.0.54", "2001:db8::53"]
    names: list[str] = []
    for b in BASES:
        names.append(b)
        names.extend(f"{s}.{b}" for s in SUBS)
    names.extend(f"node{i}.region{i % 37}.cloud-cdn-edge.net" for i in range(4000))
    names.extend(f"shop{i}.ecommerce-shop.vn" for i in range(3000))
    weights = [1.0 / (i + 1) ** 0.9 for i in range(len(names))]
    cum: list[float] = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    answers_pool = [f"203.113.{i // 250}.{i % 250 + 1}" for i in range(20000)]
    # Each name resolves to one of two answer sets (CDN rotation); some go through a CNAME.
    variants = {
        n: [
            ",".join(rng.sample(answers_pool, rng.randint(1, 3)))
            if i % 9
            else f"edge{i % 50}.cloud-cdn-edge.net," + answers_pool[i % 20000]
            for _ in range(2)
        ]
        for i, n in enumerate(names)
    }
    # A host keeps returning to its own working set of names (caches expire, apps poll).
    working = [
        [names[_zipf(rng, cum, acc)] for _ in range(40 + (h % 7) * 40)] for h in range(len(hosts))
    ]
    header = (
        "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n"
        "#path\tdns\n#open\t2026-05-01-00-00-00\n#fields\t" + "\t".join(FIELDS) + "\n"
        "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tcount\tinterval\tstring\tcount\t"
        "string\tcount\tstring\tcount\tstring\tbool\tbool\tbool\tbool\tcount\tvector[string]\t"
        "vector[interval]\tbool\n"
    )
    ts = 1777593600.0
    nh = len(hosts)
    with path.open("w", encoding="utf-8") as fh:
        fh.write(header)
        buf: list[str] = []
        for i in range(lines):
            ts += rng.random() * 0.0005
            hidx = int(nh * rng.random() ** 2)
            host = hosts[hidx]
            r = rng.random()
            rcode, rname = "0", "NOERROR"
            if r < 0.002:
                base = listed[int(r * 1e7) % len(listed)]
                q = base if r < 0.001 else f"x{i % 97}.{base}"
                ans = listed_ips[i % len(listed_ips)] if r < 0.0005 else "198.51.100.7"
            elif r < 0.0025:
                q = names[i % len(names)]
                ans = listed_ips[(i // 7) % len(listed_ips)]
            elif r < 0.02:
                q = f"{rng.getrandbits(40):010x}.t.app-telemetry.com"
                ans, rcode, rname = "-", "3", "NXDOMAIN"
            elif r < 0.04:
                q = f"img{rng.getrandbits(16)}.static-assets-cdn.com"
                ans = answers_pool[i % len(answers_pool)]
            elif r < 0.12:
                q = names[_zipf(rng, cum, acc)]
                ans = variants[q][i & 1]
            else:
                ws = working[hidx]
                q = ws[int(len(ws) * rng.random() ** 2)]
                ans = variants[q][(i >> 3) & 1]
            qtype, qname = ("28", "AAAA") if i % 5 == 0 else ("1", "A")
            ttls = ",".join("300.000000" for _ in ans.split(",")) if ans != "-" else "-"
            buf.append(
                f"{ts:.6f}\tC{i:017x}\t{host}\t{49152 + i % 16000}\t"
                f"{resolvers[i % 3 if ':' in host else i % 2]}\t53\tudp\t{i % 65536}\t"
                f"0.00{i % 10}123\t{q}\t1\tC_INTERNET\t{qtype}\t{qname}\t{rcode}\t{rname}\t"
                f"F\tF\tT\tT\t0\t{ans}\t{ttls}\tF\n"
            )
            if len(buf) >= 50000:
                fh.write("".join(buf))
                buf.clear()
        fh.write("".join(buf))
        fh.write("#close\t2026-05-01-06-00-00\n")


def _zipf(rng: random.Random, cum: list[float], total: float) -> int:
    x = rng.random() * total
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def baseline_count(con: duckdb.DuckDBPyConnection, path: Path) -> tuple[int, float]:
    """DuckDB merely reading the file and counting its records (same reader options)."""
    cols = ", ".join(f"'{f}': 'VARCHAR'" for f in FIELDS)
    sql = (
        f"SELECT count(*) FROM read_csv('{path}', delim='\\t', header=false, comment='#', "
        f"quote='', escape='', columns={{{cols}}}, auto_detect=false)"
    )
    t = time.perf_counter()
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=10_000_000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--log", type=Path, default=None, help="use this Zeek dns.log instead")
    args = ap.parse_args()
    if not TRAILS.is_dir():
        print(f"maltrail trails not found at {TRAILS}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO / "src"))
    from canhgiac.monitoring.engine import MonitorEngine

    OUT.mkdir(parents=True, exist_ok=True)
    log = args.log or OUT / f"zeek-dns-{args.lines}.log"
    if args.log is None and not log.exists():
        t = time.perf_counter()
        generate(log, args.lines)
        print(f"generated {log} in {time.perf_counter() - t:.1f}s")
    size_gb = log.stat().st_size / 1e9

    engine = MonitorEngine()
    t = time.perf_counter()
    stats = engine.load_indicators([TRAILS])
    load_s = time.perf_counter() - t
    print(f"indicators: {stats.indicators:,} loaded in {load_s:.1f}s (once) {stats.by_kind}")

    base_times: list[float] = []
    scan_times: list[float] = []
    summary: dict[str, object] = {}
    for r in range(args.rounds):
        n, b = baseline_count(engine.con, log)
        t = time.perf_counter()
        result = engine.scan([log], fmt="zeek-dns")
        summary = result.summary()
        s = time.perf_counter() - t
        base_times.append(b)
        scan_times.append(s)
        print(f"round {r + 1}: baseline {b:.2f}s ({n:,} lines)  scan {s:.2f}s  ratio {s / b:.2f}")
    base, scan = min(base_times), min(scan_times)
    lines = int(summary["lines"])  # type: ignore[call-overload]
    print(
        f"file {size_gb:.2f} GB, {lines:,} lines; matched_lines {summary['matched_lines']:,}, "
        f"hosts {summary['hosts']:,}, alerts {summary['alerts']:,}, malformed {summary['malformed']}"
    )
    print(f"baseline (DuckDB read+count): {base:.2f}s")
    print(f"scan (parse, match names+answers, count per host): {scan:.2f}s")
    print(f"lines/s: {lines / scan:,.0f}")
    print(f"ratio scan/baseline: {scan / base:.2f}")
    print(f"peak memory (RSS): {peak_rss_mb():,.0f} MB")
    print(f"os.cpu_count(): {os.cpu_count()}")
    print(f"load average: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
