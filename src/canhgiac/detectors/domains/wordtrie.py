"""Compile a set of literal words into one trie-shaped regular expression.

A plain ``a|b|c`` alternation of hundreds of words is tried branch by branch at every
position; nesting the words by shared prefix lets the engine reject most positions on the
first character, which keeps scanning a whole batch of names in one pass fast.
``matches_by_row`` runs such a pattern once over a batch joined by newlines and tells which
text each match is in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

_END = ""


def _insert(trie: dict[str, Any], word: str) -> None:
    node = trie
    for ch in word:
        node = node.setdefault(ch, {})
    node[_END] = {}


def _render(node: dict[str, Any]) -> str:
    ends_here = _END in node
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Greedy optional tail: the longest word wins, a shorter one still matches.
        return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
    return body


def trie_pattern(words: Iterable[str]) -> str:
    """Regex source matching any of ``words`` (longest first at each position)."""
    trie: dict[str, Any] = {}
    for word in words:
        if word:
            _insert(trie, word)
    if not trie:
        return "(?!)"
    return "(?:" + _render(trie) + ")"


class Joined(NamedTuple):
    """A batch of texts joined by newlines, with each text's start offset."""

    text: str
    starts: npt.NDArray[np.int64]


def join_rows(texts: list[str]) -> Joined:
    """Texts must not contain newlines (host names cannot)."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
    starts = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    return Joined("\n".join(texts), starts)


def matches_by_row(
    pattern: re.Pattern[str], texts: list[str] | Joined
) -> list[tuple[int, re.Match[str]]]:
    """All matches of ``pattern`` in a batch, scanned in one pass, with the text they are in."""
    joined = texts if isinstance(texts, Joined) else join_rows(texts)
    if not joined.starts.size:
        return []
    found = list(pattern.finditer(joined.text))
    if not found:
        return []
    rows = np.searchsorted(joined.starts, [mt.start() for mt in found], side="right") - 1
    return list(zip(rows.tolist(), found, strict=True))
