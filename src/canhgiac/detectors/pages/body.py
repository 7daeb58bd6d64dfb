"""Bounded body decoding: gzip/deflate inflated with a hard output cap (no bombs)."""

from __future__ import annotations

import zlib


class BodyTooLarge(Exception):
    """More decoded bytes than allowed; the body read so far is kept, truncated."""


class UnsupportedEncoding(Exception):
    pass


class BoundedDecoder:
    """Feeds raw chunks, returns decoded bytes, never producing more than ``limit`` in total.

    ``zlib``'s ``max_length`` bounds each step's output, so a 10 KB gzip bomb that inflates
    to 10 GB costs at most ``limit`` bytes of memory.
    """

    def __init__(self, content_encoding: str, limit: int) -> None:
        encodings = [e.strip().lower() for e in content_encoding.split(",") if e.strip()]
        encodings = [e for e in encodings if e != "identity"]
        if len(encodings) > 1:
            raise UnsupportedEncoding(content_encoding)
        self._limit = limit
        self.produced = 0
        self._zlib: zlib._Decompress | None = None
        if encodings:
            if encodings[0] in ("gzip", "x-gzip"):
                self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
            elif encodings[0] == "deflate":
                self._zlib = zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib or gzip header
            else:
                raise UnsupportedEncoding(encodings[0])

    def feed(self, chunk: bytes) -> bytes:
        if self._zlib is None:
            return self._take(chunk)
        out = bytearray()
        data = chunk
        while data:
            room = self._limit - self.produced - len(out) + 1  # +1 detects overflow
            try:
                piece = self._zlib.decompress(data, room)
            except zlib.error as exc:
                raise UnsupportedEncoding(f"corrupt compressed body: {exc}") from exc
            out += piece
            if self.produced + len(out) > self._limit:
                break
            data = self._zlib.unconsumed_tail
            if self._zlib.eof:
                break
        return self._take(bytes(out))

    def _take(self, data: bytes) -> bytes:
        room = self._limit - self.produced
        if len(data) > room:
            self.produced = self._limit
            raise BodyTooLarge(data[:room])
        self.produced += len(data)
        return data
