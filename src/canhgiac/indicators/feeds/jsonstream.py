"""Stream the elements of a JSON array without loading the whole document.

Big JSON feeds (ChongLuaDao lists, STIX bundles) are arrays of small objects. This reads
the text in chunks, walks to the array (optionally under keys of top-level objects:
``path=("objects",)``) and decodes one element at a time with the standard decoder.
Each element is bounded by ``max_item_bytes``; a corrupt document stops the stream with
a problem after the elements already read.
"""

from __future__ import annotations

import codecs
import json
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from canhgiac.indicators.feeds.lines import CORRUPT_COMPRESSED
from canhgiac.indicators.feeds.model import MAX_JSON_ITEM_BYTES, FeedProblem

_CHUNK = 1 << 20
_WS = " \t\r\n"


class _Corrupt(Exception):
    pass


class _Reader:
    def __init__(self, stream: BinaryIO, max_item_bytes: int) -> None:
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.max_item = max_item_bytes
        self.json = json.JSONDecoder()

    def more(self) -> bool:
        if self.eof:
            return False
        try:
            chunk = self.stream.read(_CHUNK)
        except (EOFError, OSError, zlib.error) as exc:  # truncated or corrupt gzip
            raise _Corrupt(CORRUPT_COMPRESSED) from exc
        try:
            text = self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise _Corrupt("không phải UTF-8 / not valid UTF-8") from exc
        if not chunk:
            self.eof = True
        if self.pos > _CHUNK:  # drop consumed text so memory stays bounded
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += text
        return bool(chunk)

    def peek(self) -> str:
        """The next non-blank character ('' at end of input)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""

    def expect(self, char: str) -> None:
        found = self.peek()
        if found != char:
            raise _Corrupt(f"cần '{char}', gặp '{found[:1]}' / expected '{char}', found '{found}'")
        self.pos += 1

    def _number_may_continue(self, value: object, end: int) -> bool:
        if self.eof or not _is_number(value):
            return False
        return all(ch in _NUMBER_CHARS for ch in self.buf[end:])

    def value(self) -> Any:
        """Decode the next complete JSON value, reading more text as needed."""
        self.peek()
        while True:
            try:
                value, end = self.json.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if len(self.buf) - self.pos > self.max_item:
                    raise _Corrupt(
                        f"phần tử quá lớn / item larger than {self.max_item} bytes"
                    ) from exc
                if not self.more():
                    raise _Corrupt(f"JSON hỏng / malformed JSON: {exc.msg}") from exc
                continue
            if self._number_may_continue(value, end) and self.more():
                continue  # "1" at a chunk's end may be the start of "1.5e3"
            self.pos = end
            return value


_NUMBER_CHARS = frozenset("0123456789+-.eE")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def iter_array(
    stream: BinaryIO,
    path: tuple[str, ...] = (),
    *,
    max_item_bytes: int = MAX_JSON_ITEM_BYTES,
    file: str | None = None,
) -> Iterator[tuple[int, Any] | FeedProblem]:
    """Yield ``(ordinal, element)`` for the array at ``path``; problems on corruption."""
    reader = _Reader(stream, max_item_bytes)
    ordinal = 0
    try:
        if not _descend(reader, path):
            yield FeedProblem(
                0, f"không có mảng tại / no array at {'.'.join(path) or 'top'}", None, file
            )
            return
        reader.expect("[")
        if reader.peek() == "]":
            return
        while True:
            ordinal += 1
            yield ordinal, reader.value()
            sep = reader.peek()
            if sep == ",":
                reader.pos += 1
                continue
            if sep == "]":
                return
            raise _Corrupt(f"cần ',' hoặc ']' / expected ',' or ']', found '{sep}'")
    except _Corrupt as exc:
        yield FeedProblem(ordinal, str(exc), None, file)


def _descend(reader: _Reader, path: tuple[str, ...]) -> bool:
    """Position the reader at the array under ``path``; False when it is absent."""
    for key in path:
        if reader.peek() != "{":
            return False
        reader.pos += 1
        while True:
            if reader.peek() == "}":
                return False
            name = reader.value()
            reader.expect(":")
            if name == key:
                break
            reader.value()  # skip a sibling value (bounded by max_item_bytes)
            if reader.peek() == ",":
                reader.pos += 1
    return reader.peek() == "["


def first_char(stream: BinaryIO) -> str:
    """The first non-blank character of a peekable stream, without consuming it."""
    peek = getattr(stream, "peek", None)
    try:
        head = peek(64) if peek else b""
    except (EOFError, OSError, zlib.error):
        return ""  # corrupt compressed data: the reader reports it
    return head.decode("utf-8", "ignore").lstrip("\ufeff" + _WS)[:1]
