"""The matching SQL, written once and rendered for DuckDB or Spark SQL.

Inputs (tables/views): ``agg`` (src, name, answers, dst, dport, url, rcode, n, first_seen,
last_seen: log events already counted per distinct row), ``ind_meta``/``ind_dom``/``ind_ipx``/
``ind_cidr``/``ind_url`` (from :func:`indicator_prep`), ``allow_dom``/``allow_ip``/
``allow_scope`` (allow-lists; ``scope_id`` -1 is global). Every step works on distinct values
(names, answer sets, addresses, URLs) and only joins back to rows for the few that hit.
"""

# ruff: noqa: S608 -- SQL here is assembled from constant fragments and validated names;
# data reaches DuckDB/Spark only as files, parameters or rows, never as SQL text.

from __future__ import annotations

from dataclasses import dataclass

from canhgiac.monitoring.iputil import IPV4_PATTERN, V4_PREFIX


@dataclass(frozen=True)
class Dialect:
    name: str
    # suffixes(col) -> SQL expression of an array of the name and each parent domain
    suffixes: str
    # path_prefixes(col) -> array of "/a", "/a/b", ... of a path
    path_prefixes: str
    regex_match: str  # regex_match(col, pattern)
    split: str  # split(col, sep) -> array
    explode: str  # explode(array) -> rows (a table function or generator)


DUCKDB = Dialect(
    name="duckdb",
    suffixes=(
        "list_transform(range(1, len(string_split({c}, '.')) + 1), "
        "i -> array_to_string(string_split({c}, '.')[i:], '.'))"
    ),
    path_prefixes=(
        "list_transform(range(2, len(string_split({c}, '/')) + 1), "
        "i -> array_to_string(string_split({c}, '/')[1:i], '/'))"
    ),
    regex_match="regexp_full_match({c}, '{p}')",
    split="string_split({c}, '{s}')",
    explode="unnest({a})",
)

SPARK = Dialect(
    name="spark",
    suffixes=(
        "transform(sequence(1, size(split({c}, '[.]'))), "
        "i -> array_join(slice(split({c}, '[.]'), i, size(split({c}, '[.]')) - i + 1), '.'))"
    ),
    path_prefixes=(
        "CASE WHEN size(split({c}, '/')) < 2 THEN CAST(array() AS ARRAY<STRING>) ELSE "
        "transform(sequence(2, size(split({c}, '/'))), "
        "i -> array_join(slice(split({c}, '/'), 1, i), '/')) END"
    ),
    regex_match="({c} RLIKE '{p}')",
    split="split({c}, '{s}')",
    explode="explode({a})",
)


def _ipkey(d: Dialect, col: str) -> str:
    """SQL for the hex key of an address column (see iputil); IPv6 goes to ip6_key()."""
    octets = [f"CAST(split_part({col}, '.', {i}) AS BIGINT)" for i in (1, 2, 3, 4)]
    num = f"({octets[0]} * 16777216 + {octets[1]} * 65536 + {octets[2]} * 256 + {octets[3]})"
    v4 = f"concat('{V4_PREFIX}', lpad(lower(hex({num})), 8, '0'))"
    pattern = IPV4_PATTERN.replace("\\", "\\\\") if d.name == "spark" else IPV4_PATTERN
    is_v4 = d.regex_match.format(c=col, p=pattern)
    return f"CASE WHEN {col} LIKE '%:%' THEN ip6_key({col}) WHEN {is_v4} THEN {v4} END"


def indicator_prep(d: Dialect, table: str = "indicators") -> list[tuple[str, str]]:
    """(name, SELECT) pairs deriving the lookup tables from the loaded indicator table."""
    return [
        (
            "ind_meta",
            "SELECT ind_id, kind, value, category, family, source, domain, lo, hi, port, host, "
            f"path FROM {table}",
        ),
        ("ind_dom", "SELECT domain, ind_id FROM ind_meta WHERE kind = 'domain'"),
        ("ind_ipx", "SELECT lo AS key, port, ind_id FROM ind_meta WHERE kind = 'ip'"),
        ("ind_cidr", "SELECT lo, hi, ind_id FROM ind_meta WHERE kind = 'cidr'"),
        (
            "ind_url",
            "SELECT coalesce(host, '') AS host, path, ind_id FROM ind_meta WHERE kind = 'url'",
        ),
    ]


def allow_prep(table: str = "allow_raw") -> list[tuple[str, str]]:
    """Allow-list lookup tables from ``allow_raw`` (indicator columns + scope_id)."""
    return [
        ("allow_dom", f"SELECT DISTINCT domain, scope_id FROM {table} WHERE kind = 'domain'"),
        (
            "allow_ip",
            f"SELECT DISTINCT lo, hi, scope_id FROM {table} WHERE kind IN ('ip', 'cidr')",
        ),
    ]


def matching_steps(d: Dialect) -> list[tuple[str, str]]:
    """(view name, SELECT) in order; the last ones are ``row_hits`` and ``alerts``."""
    ex = d.explode
    items = ex.format(a=d.split.format(c="answers", s=","))
    return [
        # Distinct answer sets, split into trimmed items.
        (
            "m_ans_items",
            f"SELECT answers, item FROM (SELECT answers, TRIM(TRAILING '.' FROM raw) AS item "
            f"FROM (SELECT answers, {items} AS raw FROM "
            f"(SELECT DISTINCT answers FROM agg WHERE answers IS NOT NULL) a) x) y "
            f"WHERE item <> ''",
        ),
        ("m_ans_keys", f"SELECT DISTINCT item, {_ipkey(d, 'item')} AS key FROM m_ans_items"),
        # Every distinct name seen: queried/requested names and answer names (CNAMEs).
        (
            "m_names",
            "SELECT name FROM agg WHERE name IS NOT NULL "
            "UNION SELECT item AS name FROM m_ans_keys WHERE key IS NULL",
        ),
        (
            "m_name_hits",
            f"SELECT DISTINCT c.name, dm.ind_id FROM ("
            f"SELECT name, {ex.format(a=d.suffixes.format(c='name'))} AS cand FROM m_names) c "
            f"JOIN ind_dom dm ON dm.domain = c.cand",
        ),
        # Every distinct address: destinations and answer addresses.
        (
            "m_ips",
            f"SELECT ip, {_ipkey(d, 'ip')} AS key FROM "
            f"(SELECT DISTINCT dst AS ip FROM agg WHERE dst IS NOT NULL) t "
            f"UNION SELECT item AS ip, key FROM m_ans_keys WHERE key IS NOT NULL",
        ),
        (
            "m_ip_hits",
            "SELECT i.ip, x.port, x.ind_id FROM m_ips i JOIN ind_ipx x ON x.key = i.key "
            "UNION SELECT i.ip, CAST(NULL AS INT) AS port, c.ind_id FROM m_ips i "
            "JOIN ind_cidr c ON i.key >= c.lo AND i.key <= c.hi",
        ),
        # URLs: host + every path prefix on '/' boundaries; path-only indicators for any host.
        (
            "m_url_cands",
            f"SELECT url, split_part(url, '/', 1) AS host, "
            f"substr(cand, length(split_part(url, '/', 1)) + 1) AS path FROM ("
            f"SELECT url, {ex.format(a=d.path_prefixes.format(c='url'))} AS cand FROM "
            f"(SELECT DISTINCT url FROM agg WHERE url IS NOT NULL) u) p",
        ),
        (
            "m_url_hits",
            "SELECT DISTINCT c.url, iu.ind_id FROM m_url_cands c JOIN ind_url iu "
            "ON iu.path = c.path AND (iu.host = '' OR iu.host = c.host)",
        ),
        # Back to rows: each (row, indicator, observed value) once.
        (
            "m_row_hits_all",
            "SELECT a.*, h.ind_id, a.name AS observed, 'name' AS via FROM agg a "
            "JOIN m_name_hits h ON h.name = a.name "
            "UNION ALL SELECT a.*, h.ind_id, t.item AS observed, 'answer' AS via FROM agg a "
            "JOIN m_ans_items t ON t.answers = a.answers JOIN m_name_hits h ON h.name = t.item "
            "UNION ALL SELECT a.*, h.ind_id, t.item AS observed, 'answer' AS via FROM agg a "
            "JOIN m_ans_items t ON t.answers = a.answers "
            "JOIN m_ip_hits h ON h.ip = t.item AND h.port IS NULL "
            "UNION ALL SELECT a.*, h.ind_id, a.dst AS observed, 'destination' AS via FROM agg a "
            "JOIN m_ip_hits h ON h.ip = a.dst AND (h.port IS NULL OR h.port = a.dport) "
            "UNION ALL SELECT a.*, h.ind_id, a.url AS observed, 'url' AS via FROM agg a "
            "JOIN m_url_hits h ON h.url = a.url",
        ),
        # Allow-lists: an observed value under an allowed domain / in an allowed range, for
        # everyone (scope -1) or for sources inside the scope's networks.
        (
            "m_obs",
            "SELECT DISTINCT observed, split_part(observed, '/', 1) AS obs_host "
            "FROM m_row_hits_all",
        ),
        (
            "m_allowed",
            f"SELECT o.observed, ad.scope_id FROM (SELECT observed, "
            f"{ex.format(a=d.suffixes.format(c='obs_host'))} AS cand FROM m_obs) o "
            f"JOIN allow_dom ad ON ad.domain = o.cand "
            f"UNION SELECT o.observed, ai.scope_id FROM (SELECT observed, "
            f"{_ipkey(d, 'obs_host')} AS key FROM m_obs) o "
            f"JOIN allow_ip ai ON o.key >= ai.lo AND o.key <= ai.hi",
        ),
        (
            "m_src_scope",
            # Keys (IPv6 ones through a Python function) only when some scope exists.
            f"SELECT s.src, sc.scope_id FROM (SELECT src, {_ipkey(d, 'src')} AS key FROM "
            f"(SELECT DISTINCT src FROM m_row_hits_all "
            f"WHERE EXISTS (SELECT 1 FROM allow_scope)) t) s "
            f"JOIN allow_scope sc ON s.key >= sc.lo AND s.key <= sc.hi",
        ),
        (
            "m_blocked",
            "SELECT DISTINCT r.src, r.observed FROM "
            "(SELECT DISTINCT src, observed FROM m_row_hits_all) r "
            "JOIN m_allowed al ON al.observed = r.observed "
            "LEFT JOIN m_src_scope ss ON ss.src = r.src AND ss.scope_id = al.scope_id "
            "WHERE al.scope_id = -1 OR ss.src IS NOT NULL",
        ),
        (
            "row_hits",
            "SELECT r.* FROM m_row_hits_all r WHERE NOT EXISTS (SELECT 1 FROM m_blocked b "
            "WHERE b.src = r.src AND b.observed = r.observed)",
        ),
        # One line counts once per indicator even when it hits it twice (name and answer).
        (
            "m_row_ind",
            "SELECT src, name, answers, dst, dport, url, rcode, n, first_seen, last_seen, "
            "ind_id, min(observed) AS observed, min(via) AS via FROM row_hits "
            "GROUP BY src, name, answers, dst, dport, url, rcode, n, first_seen, last_seen, ind_id",
        ),
        (
            "alerts",
            "SELECT a.src, m.value AS indicator, m.kind, m.category, m.family, m.source, "
            "a.hits, a.first_seen, a.last_seen, a.example, a.via, a.ind_id FROM ("
            "SELECT src, ind_id, sum(n) AS hits, min(first_seen) AS first_seen, "
            "max(last_seen) AS last_seen, min(observed) AS example, min(via) AS via "
            "FROM m_row_ind GROUP BY src, ind_id) a JOIN ind_meta m ON m.ind_id = a.ind_id",
        ),
        (
            "matched_rows",
            "SELECT DISTINCT src, name, answers, dst, dport, url, rcode, n FROM row_hits",
        ),
    ]


def value_hit_sql(column: str, d: Dialect = DUCKDB) -> str:
    """SELECT the ids of distinct raw log values that hit an indicator, for the compiled
    Zeek reader: the same normalisation as :func:`canhgiac.monitoring.sources.zeek_tsv_sql`
    and the same joins as :func:`matching_steps`, before allow-lists (so the lines chosen
    by these ids are a superset of the lines that match). Input: ``vals(id, raw)``.

    ``column`` is ``query`` (a name and its parents), ``answers`` (items: names or
    addresses) or ``dst`` (an address, any port).
    """
    ex = d.explode

    def name_hits(src: str, col: str) -> str:
        return (
            f"SELECT DISTINCT c.id FROM (SELECT id, {ex.format(a=d.suffixes.format(c=col))} "
            f"AS cand FROM ({src}) s) c JOIN ind_dom dm ON dm.domain = c.cand"
        )

    def ip_hits(src: str, col: str) -> str:
        keyed = f"SELECT id, {_ipkey(d, col)} AS key FROM ({src}) s"
        return (
            f"SELECT k.id FROM ({keyed}) k JOIN ind_ipx x ON x.key = k.key "
            f"UNION SELECT k.id FROM ({keyed}) k JOIN ind_cidr c "
            f"ON k.key >= c.lo AND k.key <= c.hi"
        )

    if column == "query":
        return name_hits("SELECT id, nullif(lower(rtrim(raw, '.')), '') AS name FROM vals", "name")
    if column == "dst":
        return ip_hits("SELECT id, lower(raw) AS ip FROM vals", "ip")
    if column == "answers":
        items = (
            f"SELECT id, item FROM (SELECT id, TRIM(TRAILING '.' FROM raw_item) AS item FROM "
            f"(SELECT id, {ex.format(a=d.split.format(c='lower(raw)', s=','))} AS raw_item "
            f"FROM vals) x) y WHERE item <> ''"
        )
        keyed = f"SELECT id, item, {_ipkey(d, 'item')} AS key FROM ({items}) i"
        return (
            f"{name_hits(f'SELECT id, item FROM ({keyed}) n WHERE key IS NULL', 'item')} "
            f"UNION {ip_hits(f'SELECT id, item FROM ({keyed}) a WHERE key IS NOT NULL', 'item')}"
        )
    raise ValueError(f"unknown column {column!r}")
