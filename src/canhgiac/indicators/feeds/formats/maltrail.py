"""Maltrail static trails: ``<category>/<family>.txt``, one trail per line.

Folder = category (malware, malicious, suspicious), file name = family. Files at the
top level (``mass_scanner.txt``) take their stem as category. The ``whitelist`` folder
is Maltrail's own false-positive list, not trails, and is left out. Regex trails and
path-only trails (``/gate.php``) are reported as skipped so the counts add up.
A tar archive of the repository (``…/trails/static/…``) is read in place, unextracted.
"""

from __future__ import annotations

import io
import os
import tarfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from canhgiac.indicators.feeds.detect import (
    DOMAIN,
    IP,
    IPV4_WITH_PORT,
    SIMPLE_DOMAIN,
    guess_kind,
    is_plain_host,
    looks_like_regex,
    plain_domain,
)
from canhgiac.indicators.feeds.formats.plain import strip_comment
from canhgiac.indicators.feeds.lines import iter_lines, open_binary
from canhgiac.indicators.feeds.model import (
    MAX_LINE_CHARS,
    NO_EXTRA,
    FeedBlock,
    FeedChunk,
    FeedEntry,
    FeedItem,
    FeedProblem,
    expand_blocks,
)

EXCLUDED_FOLDERS = frozenset({"whitelist"})
_IP_PORT = "ip:port"  # a run of address:port lines (values and extras collected apart)
REGEX_SKIPPED = "biểu thức chính quy, bỏ qua / regular expression, skipped"
LINE_TOO_LONG = f"dòng quá dài / line longer than {MAX_LINE_CHARS} characters"
WHOLE_FILE_BYTES = 32 * 1024 * 1024
ARCHIVE_MAX_BYTES = 2 * 1024 * 1024 * 1024


# A trail file: its path, category, family and name relative to the trails root.
TrailFile = tuple[Path, str, str | None, str]


def trail_files(root: Path) -> Iterator[tuple[Path, str, str | None]]:
    """``(path, category, family)`` for every trail file, in a stable order."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in EXCLUDED_FOLDERS)
        folder = Path(dirpath)
        rel = folder.relative_to(root).parts
        for name in sorted(filenames):
            where = classify_path((*rel, name))
            if where is not None:
                yield folder / name, where[0], where[1]


def parse_file(
    path: Path, category: str | None, family: str | None, file: str | None = None
) -> Iterator[FeedItem]:
    return expand_blocks(file_chunks(path, category, family, file))


def file_chunks(
    path: Path, category: str | None, family: str | None, file: str | None = None
) -> Iterator[FeedChunk]:
    """Like :func:`parse_file`, runs of plain host names and IPv4 addresses as blocks."""
    if path.stat().st_size <= WHOLE_FILE_BYTES:
        # Trail files are small: one read and split beats a readline loop.
        yield from bytes_chunks(path.read_bytes(), category, family, file)
        return
    with open_binary(path) as stream:
        yield from _parse_stream(stream, category, family, file)


def parse_bytes(
    data: bytes, category: str | None, family: str | None, file: str | None
) -> Iterator[FeedItem]:
    return expand_blocks(bytes_chunks(data, category, family, file))


def bytes_chunks(
    data: bytes, category: str | None, family: str | None, file: str | None
) -> Iterator[FeedChunk]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # The line reader reports exactly which lines are bad.
        yield from _parse_stream(io.BytesIO(data), category, family, file)
        return
    # Hot loop (1.8 M lines). A line that is a bare lower-case host name, a dotted-quad
    # address or one with a port is exactly what the per-line path (_line_item) turns
    # into a domain or ip entry with the line (the address) as its value; runs of such
    # lines leave as one block.
    lines = text.split("\n")
    simple, address = SIMPLE_DOMAIN.fullmatch, IPV4_WITH_PORT.fullmatch
    run_kind: str | None = None  # DOMAIN, IP, or _IP_PORT (values and extras in lists)
    run_start = 0
    values: list[str] = []
    extras: list[Mapping[str, Any]] = []
    for index, line in enumerate(lines):
        kind: str | None = None
        found = None
        if not line or line[0] == "#":  # blank or comment: breaks a run, yields nothing
            if run_kind is not None:
                yield _block(
                    lines, run_start, index, run_kind, values, extras, category, family, file
                )
                values, extras, run_kind = [], [], None
            continue
        if len(line) <= 253 and simple(line) is not None:
            kind = DOMAIN
        else:
            found = address(line)
            if found is not None:
                port = found.group(2)
                if port is None:
                    kind = IP
                elif 0 < int(port) < 65536:
                    kind = _IP_PORT
        if kind != run_kind:
            if run_kind is not None:
                yield _block(
                    lines, run_start, index, run_kind, values, extras, category, family, file
                )
                values, extras = [], []
            run_kind, run_start = kind, index
        if kind is None:
            item = _line_item(index + 1, line, category, family, file)
            if item is not None:
                yield item
        elif kind == _IP_PORT and found is not None:
            values.append(found.group(1))
            extras.append({"port": int(found.group(2))})
    if run_kind is not None:
        yield _block(lines, run_start, len(lines), run_kind, values, extras, category, family, file)


def _block(
    lines: list[str],
    start: int,
    stop: int,
    kind: str,
    values: list[str],
    extras: list[Mapping[str, Any]],
    category: str | None,
    family: str | None,
    file: str | None,
) -> FeedBlock:
    if kind == _IP_PORT:
        return FeedBlock(start + 1, values, IP, category, family, file, extras)
    return FeedBlock(start + 1, lines[start:stop], kind, category, family, file)


def _line_item(
    line_no: int, line: str, category: str | None, family: str | None, file: str | None
) -> FeedItem | None:
    line = line.strip()
    if not line or line[0] == "#":
        return None
    if len(line) > MAX_LINE_CHARS:
        return FeedProblem(line_no, LINE_TOO_LONG, None, file)
    if len(line) <= 253 and SIMPLE_DOMAIN.fullmatch(line):
        return FeedEntry(line_no, line, DOMAIN, category, family, None, NO_EXTRA, file)
    return _item(line_no, line, category, family, file)


def _parse_stream(
    stream: BinaryIO, category: str | None, family: str | None, file: str | None
) -> Iterator[FeedItem]:
    for item in iter_lines(stream, file=file):
        if isinstance(item, FeedProblem):
            yield item
            continue
        line_no, line = item
        line = line.strip()
        if line and line[0] != "#":
            yield _item(line_no, line, category, family, file)


def _item(
    line_no: int, line: str, category: str | None, family: str | None, file: str | None
) -> FeedItem:
    if "#" in line:
        line = strip_comment(line)
        if not line:
            return FeedProblem(line_no, "dòng trống / empty line", None, file, skipped=True)
    if plain_domain(line):
        return FeedEntry(line_no, line, DOMAIN, category, family, None, NO_EXTRA, file)
    address = IPV4_WITH_PORT.fullmatch(line)  # second most common: 1.2.3.4 and 1.2.3.4:80
    if address is not None:
        port = address.group(2)
        if port is None:
            return FeedEntry(line_no, line, IP, category, family, None, NO_EXTRA, file)
        if 0 < int(port) < 65536:
            ip, extra = address.group(1), {"port": int(port)}
            return FeedEntry(line_no, ip, IP, category, family, None, extra, file)
    if is_plain_host(line):
        pass
    elif " " in line or "\t" in line:
        return FeedProblem(line_no, "có khoảng trắng / contains blanks", line, file)
    elif looks_like_regex(line):
        return FeedProblem(line_no, REGEX_SKIPPED, line, file, skipped=True)
    guess = guess_kind(line)
    if guess.unsupported:
        return FeedProblem(line_no, guess.unsupported, line, file, skipped=True)
    if guess.kind is None:
        return FeedProblem(line_no, "không nhận ra chỉ báo / unrecognised trail", line, file)
    return FeedEntry(line_no, guess.value, guess.kind, category, family, None, guess.extra, file)


def classify_path(parts: tuple[str, ...]) -> tuple[str, str | None] | None:
    """``(category, family)`` for a trail file's path relative to the trails root."""
    if not parts or not parts[-1].endswith(".txt"):
        return None
    stem = parts[-1][: -len(".txt")]
    if len(parts) == 1:  # trails are lower-case; this skips LICENSE, README, SOURCE...
        return (stem, None) if stem == stem.lower() else None
    if parts[0] in EXCLUDED_FOLDERS:
        return None
    return parts[0], stem


def parse(source: Path | str) -> Iterator[FeedItem]:
    """Parse a trail directory, a tar archive of one, or a single trail file."""
    return expand_blocks(chunks(source))


def chunks(source: Path | str) -> Iterator[FeedChunk]:
    """What :func:`parse` yields, with runs of plain entries as :class:`FeedBlock`."""
    root = Path(source)
    if root.is_file():
        if tarfile.is_tarfile(root):
            yield from archive_chunks(root)
        else:
            yield from file_chunks(root, root.parent.name or None, root.stem, root.name)
        return
    if not root.is_dir():
        raise FileNotFoundError(f"không tìm thấy thư mục trail / no trail directory at {root}")
    yield from files_chunks(_named(root))


def _named(root: Path) -> list[TrailFile]:
    return [
        (path, category, family, path.relative_to(root).as_posix())
        for path, category, family in trail_files(root)
    ]


def files_chunks(files: list[TrailFile]) -> Iterator[FeedChunk]:
    for path, category, family, name in files:
        yield from file_chunks(path, category, family, name)


def split_files(
    root: Path, shares: tuple[float, ...], *, min_bytes: int
) -> list[list[TrailFile]] | None:
    """The trail files of folder ``root`` in runs of consecutive files, one per share, each
    about that share of the bytes, for parsing in parallel; None when the folder is under
    ``min_bytes``."""
    files = _named(root)
    sizes = [path.stat().st_size for path, *_ in files]
    total = sum(sizes)
    if total < min_bytes or len(files) < len(shares):
        return None
    runs: list[list[TrailFile]] = []
    start, done, goal = 0, 0, 0.0
    for index, size in enumerate(sizes):
        done += size
        if len(runs) < len(shares) - 1 and done >= total * (goal + shares[len(runs)]):
            goal += shares[len(runs)]
            runs.append(files[start : index + 1])
            start = index + 1
    runs.append(files[start:])
    return runs


def _relative_parts(name: str) -> tuple[str, ...] | None:
    """Path inside the trails root: after ``trails/static/`` (a repository archive) or
    after the archive's top folder. None for anything odd (absolute, ``..``)."""
    parts = PurePosixPath(name).parts
    if not parts or parts[0] == "/" or ".." in parts:
        return None
    for i in range(len(parts) - 1):
        if parts[i] == "trails" and parts[i + 1] == "static":
            return parts[i + 2 :]
    return parts[1:] if len(parts) > 1 else parts


def parse_archive(path: Path, *, max_total_bytes: int = ARCHIVE_MAX_BYTES) -> Iterator[FeedItem]:
    """Trails straight from a (gzip/bzip2/xz) tar archive, e.g. a repository snapshot.

    Nothing is extracted to disk; only regular ``.txt`` members are read, each bounded,
    and the archive's total is bounded too. Links and odd paths are ignored.
    """
    return expand_blocks(archive_chunks(path, max_total_bytes=max_total_bytes))


def archive_chunks(path: Path, *, max_total_bytes: int = ARCHIVE_MAX_BYTES) -> Iterator[FeedChunk]:
    total = 0
    try:
        with tarfile.open(path, "r:*") as archive:
            for member in archive:
                if not member.isfile():
                    continue
                parts = _relative_parts(member.name)
                where = classify_path(parts) if parts is not None else None
                if where is None or parts is None:
                    continue
                name = "/".join(parts)
                total += member.size
                if total > max_total_bytes:
                    yield FeedProblem(
                        0, f"kho lưu trữ quá lớn / archive over {max_total_bytes} bytes", None, name
                    )
                    return
                handle = archive.extractfile(member)
                if handle is None:
                    continue
                with handle:
                    if member.size <= WHOLE_FILE_BYTES:
                        yield from bytes_chunks(handle.read(), where[0], where[1], name)
                    else:
                        yield from _parse_stream(handle, where[0], where[1], name)  # type: ignore[arg-type]
    except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
        yield FeedProblem(
            0, f"kho lưu trữ hỏng / corrupt archive: {str(exc)[:120]}", None, path.name
        )
