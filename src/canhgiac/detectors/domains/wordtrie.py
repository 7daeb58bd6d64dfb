"""Compile a set of literal words into one trie-shaped regular expression.

A plain ``a|b|c`` alternation of hundreds of words is tried branch by branch at every
position; nesting the words by shared prefix lets the engine reject most positions on the
first character, which keeps scanning a whole batch of names in one pass fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

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
