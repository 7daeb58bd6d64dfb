"""Undo the "defanging" analysts and scammers use to keep links from being clickable."""

from __future__ import annotations

import re

# Characters that render as nothing or as a dot; scammers insert them to dodge filters.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_DOT_LIKE = {ord(c): "." for c in "\u3002\uff0e\uff61"}
_TRANSLATE = {**_INVISIBLE, **_DOT_LIKE}

_PLAIN = re.compile(r"[A-Za-z0-9.\-_:/?#=&%+~@!$,;']*")
_DEFANGED_SCHEME_HINT = re.compile(r"xx|fxp", re.I)
_SCHEME = re.compile(r"\bh(?:xx|XX|Xx|xX|\*\*|tt)p(s?)(?=\s*(?:\[:\]|\(:\)|\{:\}|:))", re.I)
_FXP = re.compile(r"\bfxp(?=\s*(?:\[:\]|:)//)", re.I)
_COLON_SLASHES = re.compile(r"(?:\[:\]|\(:\)|\{:\}|\[://\]|:\[//\])\s*(?://)?")
_DOT = re.compile(r"\s*(?:[\[\(\{]\s*(?:\.|dot|chấm|cham)\s*[\]\)\}])\s*", re.I)
_AT = re.compile(r"\s*(?:[\[\(\{]\s*(?:@|at)\s*[\]\)\}])\s*", re.I)
_SLASH = re.compile(r"\[/\]")
# "bit . ly", "abc .xyz": whitespace around a dot between two word characters.
_SPACED_DOT = re.compile(r"(?<=\w)[ \t]*\.[ \t]+(?=\w)|(?<=\w)[ \t]+\.[ \t]*(?=\w)")


def undefang(text: str) -> str:
    """Return ``text`` with defanged forms restored.

    Understood: ``hxxp``/``hxxps``/``h**p`` schemes, ``[:]//``, ``[.]``, ``(.)``, ``{.}``,
    ``[dot]``, ``(dot)``, ``[at]``, ``[@]``, ``[/]``, spaces around dots, zero-width
    characters and full-width dots. Meant for a single value or a short snippet: spaces
    around a dot are closed up, which would also join two sentences.
    """
    if _PLAIN.fullmatch(text) and not _DEFANGED_SCHEME_HINT.search(text):
        return text  # the common case: nothing to undo
    out = text.translate(_TRANSLATE)
    if "x" in out or "X" in out or "*" in out or "t" in out:
        out = _SCHEME.sub(lambda m: "http" + m.group(1), out)
    out = _FXP.sub("ftp", out)
    if "[" in out or "(" in out or "{" in out:
        out = _COLON_SLASHES.sub("://", out)
        out = _DOT.sub(".", out)
        out = _AT.sub("@", out)
        out = _SLASH.sub("/", out)
    return _SPACED_DOT.sub(".", out)
