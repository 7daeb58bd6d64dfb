"""Maltrail static trails: ``<category>/<family>.txt``, one trail per line.

Folder = category (malware, malicious, suspicious), file name = family. Files at the
top level (``mass_scanner.txt``) take their stem as category. The ``whitelist`` folder
is Maltrail's own false-positive list, not trails, and is left out. Regex trails and
path-only trails (``/gate.php``) are reported as skipped so the counts add up.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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
    FeedEntry,
    FeedItem,
    FeedProblem,
)

EXCLUDED_FOLDERS = frozenset({"whitelist"})
REGEX_SKIPPED = "biểu thức chính quy, bỏ qua / regular expression, skipped"
LINE_TOO_LONG = f"dòng quá dài / line longer than {MAX_LINE_CHARS} characters"
WHOLE_FILE_BYTES = 32 * 1024 * 1024


def trail_files(root: Path) -> Iterator[tuple[Path, str, str | None]]:
    """``(path, category, family)`` for every trail file, in a stable order."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in EXCLUDED_FOLDERS)
        folder = Path(dirpath)
        rel = folder.relative_to(root)
        for name in sorted(filenames):
            if not name.endswith(".txt"):
                continue
            stem = name[: -len(".txt")]
            if rel.parts:
                yield folder / name, rel.parts[0], stem
            elif stem == stem.lower():  # trails are lower-case; skips LICENSE, README...
                yield folder / name, stem, None


def parse_file(
    path: Path, category: str | None, family: str | None, file: str | None = None
) -> Iterator[FeedItem]:
    if path.stat().st_size <= WHOLE_FILE_BYTES:
        # Fast path: trail files are small; one read and split beats a readline loop.
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            pass  # fall through to the line reader, which reports the bad lines
        else:
            # Hot loop (1.6 M lines): locals and tuple.__new__ skip attribute look-ups and
            # the NamedTuple constructor's Python-level frame.
            new, entry_type, simple = tuple.__new__, FeedEntry, SIMPLE_DOMAIN.fullmatch
            for line_no, line in enumerate(text.split("\n"), start=1):
                line = line.strip()
                if not line or line[0] == "#":
                    continue
                if len(line) > MAX_LINE_CHARS:
                    yield FeedProblem(line_no, LINE_TOO_LONG, None, file)
                elif len(line) <= 253 and simple(line):  # the bulk of all trails
                    yield new(
                        entry_type, (line_no, line, DOMAIN, category, family, None, NO_EXTRA, file)
                    )
                else:
                    yield _item(line_no, line, category, family, file)
            return
    with open_binary(path) as stream:
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


def parse(source: Path | str) -> Iterator[FeedItem]:
    """Parse a trail directory (or a single trail file, category from its folder)."""
    root = Path(source)
    if root.is_file():
        yield from parse_file(root, root.parent.name or None, root.stem, root.name)
        return
    if not root.is_dir():
        raise FileNotFoundError(f"không tìm thấy thư mục trail / no trail directory at {root}")
    for path, category, trail_family in trail_files(root):
        yield from parse_file(path, category, trail_family, path.relative_to(root).as_posix())
