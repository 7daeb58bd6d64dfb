"""Threat indicators: parsing plain lists and maltrail trail directories, loading into DuckDB.

An indicator line is normalised once here; the engine and the reference matcher both consume
the normalised form, so they can only disagree on matching, never on what a line means.

Shapes: a domain (matches itself and every sub-domain; a leading dot as in ``.cc`` is a
suffix, the same thing), an IPv4/IPv6 address, optionally with a port (``1.2.3.4:443``,
``[2001:db8::1]:53``), a CIDR range, and a URL ``host/path`` or bare ``/path`` (scheme and
query stripped) that matches proxy requests. Regex "wildcard" trails are skipped and counted.
"""

# ruff: noqa: S608 -- SQL here is assembled from constant fragments and validated names;
# data reaches DuckDB/Spark only as files, parameters or rows, never as SQL text.

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from canhgiac.errors import ValidationFailed
from canhgiac.monitoring.iputil import indicator_ip_key as ip_key
from canhgiac.monitoring.iputil import network_bounds

MAX_INDICATOR_LEN = 1024
MAX_FILES = 20_000
MAX_FILE_BYTES = 512 * 1024 * 1024
# Folders of a trail directory that are not threat categories.
SKIPPED_TRAIL_DIRS = frozenset({"whitelist"})

_DOMAIN_RE = re.compile(
    r"^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$"
)
_REGEX_CHARS = re.compile(r"[\\()\[\]|*+?{}^$]")
_V4_PORT_RE = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$")
_V6_PORT_RE = re.compile(r"^\[([0-9a-f:.]+)\]:(\d{1,5})$")
_ADDRISH_RE = re.compile(r"^(?:[0-9.]+|\[?[0-9a-f:.]*:[0-9a-f:.%]*\]?)$")
_HOST_PORT_RE = re.compile(r"^(.*?)(?::(\d{1,5}))?$")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One normalised indicator with its provenance.

    ``kind`` is ``domain``, ``ip`` (single address, ``port`` optional), ``cidr`` or ``url``.
    For ``ip``/``cidr`` ``lo``/``hi`` are the hex keys from :mod:`iputil`; for ``url``
    ``host`` may be empty (path-only) and ``path`` has no trailing slash.
    """

    kind: str
    value: str
    category: str
    family: str
    source: str
    domain: str = ""
    lo: str = ""
    hi: str = ""
    port: int | None = None
    host: str = ""
    path: str = ""


@dataclass
class LoadStats:
    files: int = 0
    lines: int = 0
    indicators: int = 0
    skipped_regex: int = 0
    invalid: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


def _clean_token(line: str) -> str:
    line = line.strip()
    if not line or line.startswith("#"):
        return ""
    return line.split()[0].lower()


def _valid_port(text: str | None) -> int | None:
    if text is None:
        return None
    port = int(text)
    return port if 0 < port < 65536 else -1


def parse_indicator(
    line: str, *, category: str = "", family: str = "", source: str = ""
) -> Indicator | str | None:
    """Normalise one line. Returns the Indicator, None for blank/comment lines, or a reason
    string (``"regex"`` / ``"invalid"``) for a line that is skipped."""
    token = _clean_token(line)
    if not token:
        return None
    if len(token) > MAX_INDICATOR_LEN:
        return "invalid"
    meta: dict[str, Any] = {"category": category, "family": family, "source": source}
    for scheme in ("http://", "https://"):
        if token.startswith(scheme):
            token = token[len(scheme) :]
            break
    host, slash, rest = token.partition("/")
    path = ""
    if slash:
        path = "/" + rest.split("?", 1)[0].split("#", 1)[0]
        while "//" in path:
            path = path.replace("//", "/")
        path = path.rstrip("/")
        # A network ("10.0.0.0/8") is also host/path shaped.
        if host and rest.isdigit():
            bounds = network_bounds(token)
            if bounds is not None:
                return Indicator("cidr", token, lo=bounds[0], hi=bounds[1], **meta)
            return "invalid"
    if path:
        if _REGEX_CHARS.search(host):
            return "regex"
        host_only = _HOST_PORT_RE.match(host)
        url_host = host_only.group(1) if host_only else host
        url_host = url_host.strip("[]").rstrip(".")
        if url_host and not (_DOMAIN_RE.match(url_host) or ip_key(url_host)):
            return "invalid"
        if any(c.isspace() for c in path):
            return "invalid"
        return Indicator("url", url_host + path, host=url_host, path=path, **meta)
    return _parse_host(host, meta)


def _parse_host(host: str, meta: dict[str, Any]) -> Indicator | str:
    m = _V4_PORT_RE.match(host) or _V6_PORT_RE.match(host)
    if m:
        key = ip_key(m.group(1))
        port = _valid_port(m.group(2))
        if key is None or port == -1:
            return "invalid"
        return Indicator("ip", host, lo=key, hi=key, port=port, **meta)
    # Only address-shaped tokens go to ipaddress (its ValueError is slow on 1M+ names).
    key = ip_key(host) if _ADDRISH_RE.match(host) else None
    if key is not None:
        return Indicator("ip", host, lo=key, hi=key, **meta)
    if _REGEX_CHARS.search(host):
        return "regex"
    name = host.strip(".")
    if ":" in name:  # "evil.com:8080": the port of a name is not tracked
        name, _, port_text = name.partition(":")
        if not port_text.isdigit():
            return "invalid"
    # A listed "www.x" stays as listed: it does not imply "x".
    if not name or not _DOMAIN_RE.match(name):
        return "invalid"
    return Indicator("domain", name, domain=name, **meta)


def iter_list_file(
    path: Path, *, category: str, family: str, source: str, stats: LoadStats
) -> Iterator[Indicator]:
    """Indicators of one file, one per line (``#`` comments, inline ``# note`` allowed)."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValidationFailed(
            f"Tệp chỉ dấu quá lớn / indicator file too large: {path}", field="indicators"
        )
    stats.files += 1
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            stats.lines += 1
            parsed = parse_indicator(line, category=category, family=family, source=source)
            if parsed is None:
                continue
            if parsed == "regex":
                stats.skipped_regex += 1
            elif isinstance(parsed, str):
                stats.invalid += 1
            else:
                stats.indicators += 1
                stats.by_kind[parsed.kind] = stats.by_kind.get(parsed.kind, 0) + 1
                yield parsed


def iter_indicators(
    paths: Iterable[Path | str], stats: LoadStats | None = None
) -> Iterator[Indicator]:
    """Indicators from plain list files and maltrail-style trail directories.

    A directory's sub-folders are categories and each ``*.txt`` file's name is the family
    (``malware/emotet.txt`` → category ``malware``, family ``emotet``); files directly in the
    directory and a ``whitelist`` folder are not threat lists and are ignored. A plain file's
    category and family are its name; source is always the path given plus the file.
    """
    stats = stats if stats is not None else LoadStats()
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            files = sorted(
                p
                for p in root.glob("*/**/*.txt")
                if p.is_file() and p.relative_to(root).parts[0] not in SKIPPED_TRAIL_DIRS
            )
            if len(files) > MAX_FILES:
                raise ValidationFailed(
                    f"Quá nhiều tệp chỉ dấu / too many indicator files in {root}",
                    field="indicators",
                )
            for path in files:
                rel = path.relative_to(root)
                yield from iter_list_file(
                    path,
                    category=rel.parts[0],
                    family=path.stem,
                    source=str(rel),
                    stats=stats,
                )
        elif root.is_file():
            yield from iter_list_file(
                root, category=root.stem, family=root.stem, source=root.name, stats=stats
            )
        else:
            raise ValidationFailed(
                f"Không tìm thấy đường dẫn chỉ dấu / indicator path not found: {root}",
                field="indicators",
            )


INDICATOR_COLUMNS = (
    "ind_id", "kind", "value", "category", "family", "source", "domain", "lo", "hi", "port", "host", "path"
)  # fmt: skip


def load_indicators(
    con: duckdb.DuckDBPyConnection,
    paths: Iterable[Path | str],
    *,
    table: str = "indicators",
    stats: LoadStats | None = None,
) -> LoadStats:
    """Load indicators into ``table`` (replaced), once, for every later scan on ``con``.

    Rows stream through a temporary TSV that DuckDB reads in bulk (no per-row inserts).
    """
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", table):
        raise ValidationFailed("Tên bảng không hợp lệ / invalid table name", field="table")
    stats = stats if stats is not None else LoadStats()
    write_indicator_table(con, iter_indicators(paths, stats), table=table)
    return stats


_TYPES = {"port": "INTEGER", "ind_id": "BIGINT"}


def write_indicator_table(
    con: duckdb.DuckDBPyConnection, indicators: Iterable[Indicator], *, table: str
) -> None:
    fd, tmp = tempfile.mkstemp(prefix="canhgiac-ind-", suffix=".tsv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            for ind_id, ind in enumerate(indicators, 1):
                row = (
                        str(ind_id), ind.kind, _tsv(ind.value), _tsv(ind.category), _tsv(ind.family),
                        _tsv(ind.source), ind.domain, ind.lo, ind.hi,
                        "" if ind.port is None else str(ind.port), _tsv(ind.host), _tsv(ind.path),
                )  # fmt: skip
                fh.write("\t".join(row) + "\n")
        columns = ", ".join(f"'{c}': '{_TYPES.get(c, 'VARCHAR')}'" for c in INDICATOR_COLUMNS)
        con.execute(
            f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_csv(?, delim='\t', "
            f"header=false, quote='', escape='', columns={{{columns}}}, "
            f"nullstr='', auto_detect=false)",
            [tmp],
        )
    finally:
        os.unlink(tmp)


def _tsv(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
