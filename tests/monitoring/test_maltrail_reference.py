"""Engine vs reference on real maltrail indicators (a sample of the trail files)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from canhgiac.monitoring.engine import MonitorEngine
from canhgiac.monitoring.indicators import iter_indicators
from tests.datasets_path import require_dataset
from tests.monitoring.test_engine import engine_alerts, ref_alerts, reference_for

pytestmark = pytest.mark.datasets


def _sample_trails(root: Path, tmp: Path) -> Path:
    """Every 25th trail file (plus the small suspicious ones), copied into a temp tree."""
    files = sorted(root.glob("*/*.txt"))
    keep = [f for i, f in enumerate(files) if i % 60 == 0 or f.name in ("domain.txt", "onion.txt")]
    keep = [f for f in keep if f.parent.name != "whitelist" and f.stat().st_size < 3_000_000]
    out = tmp / "trails"
    for f in keep:
        dest = out / f.parent.name / f.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(f.read_bytes())
    return out


def _logs(tmp: Path, indicators) -> tuple[Path, Path, Path]:
    rng = random.Random(6)
    domains = [i.domain for i in indicators if i.kind == "domain"]
    ips = [i.value for i in indicators if i.kind == "ip" and i.port is None and ":" not in i.value]
    ports = [i for i in indicators if i.kind == "ip" and i.port is not None and "[" not in i.value]
    urls = [i for i in indicators if i.kind == "url" and i.host]
    cidrs = [i.value for i in indicators if i.kind == "cidr" and ":" not in i.value]
    names = []
    for d in rng.sample(domains, 300):
        names += [d, f"sub{rng.randint(1, 9)}.{d}", f"x{d}", d.upper() + "."]
    names += [f"host{i}.tinmoi24h.vn" for i in range(200)]
    cidr_ips = []
    for c in cidrs:
        base = c.split("/")[0].rsplit(".", 1)[0]
        cidr_ips += [f"{base}.{rng.randint(1, 254)}" for _ in range(3)]
    answer_pool = rng.sample(ips, min(200, len(ips))) + cidr_ips + ["203.113.1.1", "203.113.1.2"]
    dns = ["#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-",
           "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tquery\t"
           "rcode_name\tanswers"]  # fmt: skip
    for k in range(4000):
        q = rng.choice(names)
        ans = ",".join(rng.sample(answer_pool, rng.randint(1, 3))) if k % 3 else "-"
        dns.append(
            f"{1777593600 + k * 0.5:.3f}\tC{k}\t10.20.{k % 7}.{k % 50 + 1}\t5000\t10.0.0.53\t53\t"
            f"udp\t{q}\tNOERROR\t{ans}"
        )
    dns_path = tmp / "dns.log"
    dns_path.write_text("\n".join(dns) + "\n", encoding="utf-8")
    conn = [
        "#separator \\x09",
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto",
    ]
    for k in range(3000):
        if k % 3 == 0 and ports:
            ind = rng.choice(ports)
            dst, port = ind.value.rsplit(":", 1)
            port = port if k % 2 else "1"
        else:
            dst, port = rng.choice(answer_pool), str(rng.choice([80, 443, 8080]))
        conn.append(
            f"{1777593600 + k:.1f}\tC{k}\t10.30.{k % 5}.{k % 40 + 1}\t4000\t{dst}\t{port}\ttcp"
        )
    conn_path = tmp / "conn.log"
    conn_path.write_text("\n".join(conn) + "\n", encoding="utf-8")
    squid = []
    for k, ind in enumerate(rng.sample(urls, min(300, len(urls)))):
        suffix = "" if k % 3 == 0 else ("/more" if k % 3 == 1 else "x")
        squid.append(
            f"{1777593600 + k}.000 10 10.40.0.{k % 20 + 1} TCP_MISS/200 100 GET "
            f"http://{ind.host}{ind.path}{suffix} - HIER_DIRECT/203.113.1.1 text/html"
        )
    squid_path = tmp / "access.log"
    squid_path.write_text("\n".join(squid) + "\n", encoding="utf-8")
    return dns_path, conn_path, squid_path


def test_engine_agrees_with_reference_on_maltrail(tmp_path):
    root = require_dataset("trails/maltrail")
    trails = _sample_trails(root, tmp_path)
    indicators = list(iter_indicators([trails]))
    assert len(indicators) > 5_000
    allow = list(iter_indicators([root / "whitelist" / "whitelist.txt"]))
    eng = MonitorEngine()
    eng.set_indicators(indicators)
    eng.add_allow_entries(allow)
    for log, fmt in zip(
        _logs(tmp_path, indicators), ("zeek-dns", "zeek-conn", "squid"), strict=True
    ):
        for fast in (True, False) if fmt == "zeek-dns" else (True,):
            res = eng.scan([log], fmt=fmt, fast=fast)
            ref, _ = reference_for([log], fmt, indicators, allow)
            got = engine_alerts(res)
            assert got == ref_alerts(ref), (log.name, fast)
            assert res.summary()["matched_lines"] == ref.matched_lines
            assert len(got) > 5, log.name
