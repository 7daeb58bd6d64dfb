"""Opening log files: plain or gzip (by magic bytes, not by name), text with bad bytes kept."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import IO


def is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def open_text(path: Path) -> IO[str]:
    """A text stream of the (possibly gzip-compressed) log; undecodable bytes replaced."""
    if is_gzip(path):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return path.open("r", encoding="utf-8", errors="replace", newline="")
