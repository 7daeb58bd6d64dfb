"""Plain lists: one indicator per line, ``#`` comments, kind guessed per line.

Also understood, because public blocklists use them: hosts-file lines
(``0.0.0.0 evil.example``) and AdBlock domain rules (``||evil.example^``).
"""

from __future__ import annotations

from collections.abc import Iterator

from canhgiac.indicators.feeds.detect import guess_kind, looks_like_phone
from canhgiac.indicators.feeds.lines import FeedSource, iter_lines, open_binary
from canhgiac.indicators.feeds.model import FeedEntry, FeedItem, FeedProblem

_HOSTS_SINKS = frozenset({"0.0.0.0", "127.0.0.1", "::", "::1", "0", "255.255.255.255"})  # noqa: S104


def strip_comment(line: str) -> str:
    """Drop a ``#`` comment: at line start, or after a blank (URLs keep ``#fragment``)."""
    text = line.strip()
    if not text or text[0] in "#;!":
        return ""
    cut = text.find(" #")
    tab = text.find("\t#")
    if tab != -1 and (cut == -1 or tab < cut):
        cut = tab
    return text[:cut].rstrip() if cut != -1 else text


def line_value(text: str) -> str | None:
    """The indicator in a comment-free line, or None when the line has several tokens."""
    if text.startswith("||"):
        text = text[2:].split("^", 1)[0].split("$", 1)[0]
    parts = text.split()
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2 and parts[0] in _HOSTS_SINKS:
        return parts[1]
    if looks_like_phone(text):  # "0912 345 678": one number written with blanks
        return text
    return None


def parse(
    source: FeedSource,
    *,
    category: str | None = None,
    family: str | None = None,
    file: str | None = None,
) -> Iterator[FeedItem]:
    with open_binary(source) as stream:
        for item in iter_lines(stream, file=file):
            if isinstance(item, FeedProblem):
                yield item
                continue
            line_no, line = item
            text = strip_comment(line)
            if not text:
                continue
            value = line_value(text)
            if value is None:
                yield FeedProblem(
                    line_no, "nhiều giá trị trên một dòng / several values on one line", text, file
                )
                continue
            guess = guess_kind(value)
            if guess.unsupported:
                yield FeedProblem(line_no, guess.unsupported, value, file, skipped=True)
                continue
            yield FeedEntry(
                line_no, guess.value, guess.kind, category, family, None, guess.extra, file
            )
