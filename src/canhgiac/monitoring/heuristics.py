"""Signs beyond the lists, computed on a scan's per-line counts (``heur_agg``: src, name,
rcode, n; filled when the scan is asked for heuristics):

* DGA-like names: the registered label looks random (long, high character entropy, few
  vowels or many digits), as domain-generation malware produces;
* unusually long names or labels (DNS tunnelling, data exfiltration);
* hosts producing many NXDOMAIN answers (a DGA bot walking its list).

Names are scored once each (distinct names, bounded), not once per line.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

import duckdb

MAX_NAMES = 500_000
SECOND_LEVEL = frozenset(
    {"com", "net", "org", "gov", "edu", "ac", "co", "info", "int", "name", "biz"}
)
VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class Thresholds:
    dga_min_len: int = 10
    dga_min_entropy: float = 3.0
    dga_min_consonant_run: int = 5
    dga_min_digits: int = 3
    long_name: int = 100
    long_label: int = 50
    nxdomain_min: int = 50
    nxdomain_ratio: float = 0.3


def registered_label(name: str) -> str:
    """The label that was registered: ``x`` in ``a.x.com`` / ``a.x.com.vn``."""
    labels = [label for label in name.split(".") if label]
    if len(labels) < 2:
        return labels[0] if labels else ""
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2]


def entropy(text: str) -> float:
    if not text:
        return 0.0
    counts = Counter(text)
    n = len(text)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def dga_score(name: str, t: Thresholds = Thresholds()) -> float | None:
    """A score in [0, 1] when the name looks generated, else None."""
    label = registered_label(name).replace("-", "")
    if len(label) < t.dga_min_len or label.startswith("xn"):
        return None
    ent = entropy(label)
    vowels = sum(ch in VOWELS for ch in label) / len(label)
    digits = sum(ch.isdigit() for ch in label)
    if ent < t.dga_min_entropy:
        return None
    # Words, Vietnamese without diacritics included, rarely stack 5 consonants ("ngh" is 3).
    if _consonant_run(label) < t.dga_min_consonant_run and digits < t.dga_min_digits:
        return None
    score = min(1.0, (ent - t.dga_min_entropy) / 1.5 + (0.3 - min(vowels, 0.3)) + digits / 20)
    return round(max(score, 0.05), 3)


def _consonant_run(label: str) -> int:
    best = run = 0
    for ch in label:
        run = run + 1 if ch.isalpha() and ch not in VOWELS else 0
        best = max(best, run)
    return best


def heuristic_findings(
    con: duckdb.DuckDBPyConnection, t: Thresholds = Thresholds(), limit: int = 50
) -> dict[str, Any]:
    """Findings over the current ``heur_agg`` table, as plain data (top ``limit`` of each)."""
    names = con.execute(
        "SELECT name, count(DISTINCT src), sum(n) FROM heur_agg WHERE name IS NOT NULL "
        "GROUP BY name ORDER BY sum(n) DESC LIMIT ?",
        [MAX_NAMES],
    ).fetchall()
    dga: list[dict[str, Any]] = []
    long_names: list[dict[str, Any]] = []
    for name, hosts, lines in names:
        score = dga_score(name, t)
        if score is not None:
            dga.append({"name": name, "score": score, "hosts": int(hosts), "lines": int(lines)})
        longest = max((len(label) for label in name.split(".")), default=0)
        if len(name) > t.long_name or longest > t.long_label:
            long_names.append(
                {"name": name, "length": len(name), "hosts": int(hosts), "lines": int(lines)}
            )
    dga.sort(key=lambda d: (-d["score"], -d["lines"], d["name"]))
    long_names.sort(key=lambda d: (-d["length"], d["name"]))
    nx = con.execute(
        "SELECT src, sum(n) FILTER (WHERE upper(rcode) = 'NXDOMAIN') AS nx, sum(n) AS total "
        "FROM heur_agg WHERE name IS NOT NULL GROUP BY src "
        "HAVING coalesce(sum(n) FILTER (WHERE upper(rcode) = 'NXDOMAIN'), 0) >= ? "
        "AND sum(n) FILTER (WHERE upper(rcode) = 'NXDOMAIN') >= ? * sum(n) "
        "ORDER BY nx DESC, src LIMIT ?",
        [t.nxdomain_min, t.nxdomain_ratio, limit],
    ).fetchall()
    return {
        "dga_like": dga[:limit],
        "long_names": long_names[:limit],
        "nxdomain_hosts": [
            {"src": s, "nxdomain": int(x), "lines": int(total), "ratio": round(x / total, 3)}
            for s, x, total in nx
        ],
        "counts": {"dga_like": len(dga), "long_names": len(long_names), "nxdomain_hosts": len(nx)},
    }
