"""An exact pre-filter for the Zeek TSV fast path: keep per-host detail only for lines that
could match, and count the rest in one group.

Grouping every line by (host, name, answers, ...) costs a hash table as large as the log's
distinct rows. Almost no line hits, so instead each line is probed against small keys
derived from the indicators, and only possible hits keep their detail:

* a name can only match a listed domain with the same last two labels (key
  ``hash(label[-2], label[-1])``), or a listed one-label suffix (``.cc``);
* answers are up to three canonical IPv4 addresses, each probed exactly; anything else
  (CNAMEs, IPv6, more answers, odd spellings) is kept for the exact stage;
* the destination is probed exactly the same way (IPv6 or odd spellings are kept).

CIDR ranges are expanded to addresses when small (IPv4, /20 or longer); with any larger or
IPv6 range the filter is not used. The exact matching runs afterwards on what is kept, so
results are identical with and without the filter (the tests check both).
"""

# ruff: noqa: S608 -- SQL assembled from constant fragments only.

from __future__ import annotations

import ipaddress

import duckdb

from canhgiac.monitoring.iputil import IPV4_PATTERN, V4_PREFIX

MAX_CIDR_EXPANSION = 4096
NAME_KEY = "hash(split_part({c}, '.', -2), split_part({c}, '.', -1))"
_IPV4 = IPV4_PATTERN[1:-1]
ANSWERS_SIMPLE = f"^{_IPV4}(,{_IPV4}){{0,2}}$"


def _key_text(key: str) -> str:
    if key.startswith(V4_PREFIX):
        return str(ipaddress.IPv4Address(int(key[len(V4_PREFIX) :], 16)))
    return str(ipaddress.IPv6Address(int(key, 16)))


def build(con: duckdb.DuckDBPyConnection) -> bool:
    """Create ``pf_name``/``pf_tld``/``pf_ip`` from ``ind_meta``; False when not usable."""
    cidrs = con.execute("SELECT lo, hi FROM ind_meta WHERE kind = 'cidr'").fetchall()
    expanded: list[str] = []
    for lo, hi in cidrs:
        if not lo.startswith(V4_PREFIX) or not hi.startswith(V4_PREFIX):
            return False
        a, b = int(lo[len(V4_PREFIX) :], 16), int(hi[len(V4_PREFIX) :], 16)
        if b - a + 1 > MAX_CIDR_EXPANSION:
            return False
        expanded += [str(ipaddress.IPv4Address(x)) for x in range(a, b + 1)]
    keys = {
        k for (k,) in con.execute("SELECT DISTINCT lo FROM ind_meta WHERE kind = 'ip'").fetchall()
    }
    texts = sorted({_key_text(k) for k in keys} | set(expanded))
    con.execute("CREATE OR REPLACE TABLE pf_ip_text (t VARCHAR)")
    if texts:
        con.executemany("INSERT INTO pf_ip_text VALUES (?)", [(t,) for t in texts])
    con.execute("CREATE OR REPLACE TABLE pf_ip AS SELECT DISTINCT hash(t) AS k FROM pf_ip_text")
    con.execute(
        f"CREATE OR REPLACE TABLE pf_name AS SELECT DISTINCT {NAME_KEY.format(c='domain')} AS k "
        "FROM ind_dom WHERE domain LIKE '%.%'"
    )
    con.execute(
        "CREATE OR REPLACE TABLE pf_tld AS SELECT DISTINCT domain AS k FROM ind_dom "
        "WHERE domain NOT LIKE '%.%'"
    )
    return True


def filtered_agg_sql(events: str) -> str:
    """Counted rows of ``events`` where non-candidate lines collapse into one row whose
    ``keep`` is false (its ``n`` counts them)."""
    cond = (
        "(fn.k IS NOT NULL OR ft.k IS NOT NULL OR a1.k IS NOT NULL OR a2.k IS NOT NULL "
        "OR a3.k IS NOT NULL OR d.k IS NOT NULL "
        f"OR (e.answers IS NOT NULL AND NOT regexp_full_match(e.answers, '{ANSWERS_SIMPLE}')) "
        f"OR (e.dst IS NOT NULL AND NOT regexp_full_match(e.dst, '{IPV4_PATTERN}')))"
    )
    cols = ("src", "name", "answers", "dst", "dport", "url", "rcode")
    keyed = ", ".join(f"CASE WHEN keep THEN {c} END AS {c}" for c in cols)
    return (
        f"SELECT {keyed}, count(*) AS n, min(ts) AS first_seen, max(ts) AS last_seen, keep "
        f"FROM (SELECT e.*, {cond} AS keep FROM ({events}) e "
        f"LEFT JOIN pf_name fn ON fn.k = {NAME_KEY.format(c='e.name')} "
        f"LEFT JOIN pf_tld ft ON ft.k = split_part(e.name, '.', -1) "
        f"LEFT JOIN pf_ip a1 ON a1.k = hash(split_part(e.answers, ',', 1)) "
        f"LEFT JOIN pf_ip a2 ON a2.k = hash(nullif(split_part(e.answers, ',', 2), '')) "
        f"LEFT JOIN pf_ip a3 ON a3.k = hash(nullif(split_part(e.answers, ',', 3), '')) "
        f"LEFT JOIN pf_ip d ON d.k = hash(e.dst)) f GROUP BY ALL"
    )
