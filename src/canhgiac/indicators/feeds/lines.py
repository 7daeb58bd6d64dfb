"""Bounded, streaming line reading for text feeds (plain, CSV, maltrail, URLhaus)."""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from canhgiac.indicators.feeds.model import MAX_LINE_CHARS, FeedProblem

FeedSource = Path | str | BinaryIO

_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"
CORRUPT_COMPRESSED = "dữ liệu nén hỏng / corrupt or truncated compressed data"


@contextmanager
def open_binary(source: FeedSource) -> Iterator[BinaryIO]:
    """Open a path or pass a binary stream through.

    gzip content is decompressed; a zip archive (from a path) yields its first file.
    """
    if isinstance(source, str | Path):
        handle: BinaryIO = open(source, "rb")  # noqa: SIM115 - closed below
        owned = True
    else:
        handle, owned = source, False
    try:
        buffered = (
            handle
            if isinstance(handle, io.BufferedReader)
            else io.BufferedReader(_RawAdapter(handle))
        )
        head = buffered.peek(4)[:4]
        if head[:2] == _GZIP_MAGIC:
            with gzip.GzipFile(fileobj=buffered, mode="rb") as unzipped:
                yield unzipped  # type: ignore[misc]
        elif head == _ZIP_MAGIC and buffered.seekable():
            # Feeds published as a one-file zip (URLhaus full dump): read its first file.
            with _first_zip_member(buffered) as member:
                yield member
        else:
            yield buffered
    finally:
        if owned:
            handle.close()


@contextmanager
def _first_zip_member(stream: BinaryIO) -> Iterator[BinaryIO]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError):
        stream.seek(0)
        yield stream  # not really a zip: the parser reports its lines
        return
    with archive:
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir() and not info.filename.startswith("__MACOSX")
        ]
        if not members:
            yield io.BytesIO(b"")
            return
        with archive.open(members[0]) as member:
            yield member  # type: ignore[misc]


class _RawAdapter(io.RawIOBase):
    """Lets any binary stream be wrapped in a BufferedReader (for peek)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def iter_lines(
    stream: BinaryIO, *, max_chars: int = MAX_LINE_CHARS, file: str | None = None
) -> Iterator[tuple[int, str] | FeedProblem]:
    """Yield ``(line_no, text)`` without the line ending, or a problem for a bad line.

    A line longer than ``max_chars`` bytes is skipped in chunks (never held in memory)
    and reported; undecodable bytes are reported rather than guessed at.
    """
    limit = max_chars + 1
    line_no = 0
    while True:
        try:
            raw = stream.readline(limit)
            too_long = len(raw) == limit and not raw.endswith(b"\n")
            while too_long:  # drain the rest of the over-long line, never holding it
                rest = stream.readline(limit)
                if not rest or rest.endswith(b"\n"):
                    break
        except (EOFError, OSError, zlib.error):  # truncated or corrupt gzip
            yield FeedProblem(line_no + 1, CORRUPT_COMPRESSED, None, file)
            return
        if not raw:
            return
        line_no += 1
        if too_long:
            yield FeedProblem(
                line_no, f"dòng quá dài / line longer than {max_chars} bytes", None, file
            )
            continue
        if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield FeedProblem(
                line_no, "không phải UTF-8 / not valid UTF-8", raw[:80].decode("latin-1"), file
            )
            continue
        yield line_no, text.rstrip("\r\n")
