"""ChongLuaDao (chongluadao.vn) JSON lists.

The API returns a JSON array of objects whose ``url`` field holds the listed site,
often with wildcards: ``https://*.example.com/*``. A wildcard or bare host means the
whole site (a domain indicator); a concrete path stays a URL. Optional fields are kept:
``_id``/``id``, ``type``/``category`` (category), ``createdAt``/``created_at``/``date``
(first seen), ``meta``/``description``. Plain strings in the array are read as URLs.
An object wrapper ``{"data": [...]}`` is accepted too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from canhgiac.indicators.feeds.detect import DOMAIN, URL, guess_kind
from canhgiac.indicators.feeds.jsonstream import first_char, iter_array
from canhgiac.indicators.feeds.lines import FeedSource, open_binary
from canhgiac.indicators.feeds.model import FeedEntry, FeedItem, FeedProblem, clip
from canhgiac.indicators.feeds.timeparse import parse_time

_URL_PARTS = re.compile(r"(?:([A-Za-z][A-Za-z0-9+.-]*)://)?([^/?#\s]+)(.*)", re.DOTALL)
_SITE_WIDE_PATHS = frozenset({"", "/", "/*", "*"})
_ID_FIELDS = ("_id", "id")
_CATEGORY_FIELDS = ("type", "category")
_TIME_FIELDS = ("createdAt", "created_at", "date", "updatedAt")
_NOTE_FIELDS = ("meta", "description", "title")


def parse(
    source: FeedSource, *, category: str | None = None, file: str | None = None
) -> Iterator[FeedItem]:
    with open_binary(source) as stream:
        path = ("data",) if first_char(stream) == "{" else ()
        for item in iter_array(stream, path, file=file):
            if isinstance(item, FeedProblem):
                yield item
                continue
            ordinal, element = item
            yield _entry(ordinal, element, category, file)


def site_value(url: str) -> tuple[str, str | None, dict[str, Any]]:
    """``(value, kind, extra)`` for a listed URL, collapsing site-wide wildcards."""
    match = _URL_PARTS.fullmatch(url)
    if match is None:
        return url, None, {}
    scheme, host, rest = match.groups()
    extra: dict[str, Any] = {}
    if host.startswith("*."):
        host = host[2:]
        extra["wildcard"] = True
    if rest in _SITE_WIDE_PATHS:
        if rest.endswith("*"):
            extra["wildcard"] = True
        guess = guess_kind(host)
        return guess.value, guess.kind or DOMAIN, {**guess.extra, **extra}
    full = f"{scheme or 'http'}://{host}{rest}"
    return full, URL, extra


def _entry(ordinal: int, element: object, category: str | None, file: str | None) -> FeedItem:
    if isinstance(element, str):
        element = {"url": element}
    if not isinstance(element, dict):
        return FeedProblem(
            ordinal, "phần tử không phải đối tượng / item is not an object", None, file
        )
    url = element.get("url")
    if not isinstance(url, str) or not url.strip():
        return FeedProblem(ordinal, "thiếu trường url / missing 'url'", None, file)
    url = url.strip()
    if len(url) > 8192:
        return FeedProblem(ordinal, "URL quá dài / url too long", None, file)
    value, kind, extra = site_value(url)
    if value != url:
        extra["listed_as"] = clip(url)
    for name in _ID_FIELDS:
        if element.get(name) is not None:
            extra["id"] = clip(element[name])
            break
    for name in _NOTE_FIELDS:
        if isinstance(element.get(name), str | int | float):
            extra[name] = clip(element[name])
    feed_category = next(
        (str(element[n]) for n in _CATEGORY_FIELDS if isinstance(element.get(n), str)), None
    )
    first_seen = next(
        (t for t in (parse_time(element.get(n)) for n in _TIME_FIELDS) if t is not None), None
    )
    return FeedEntry(ordinal, value, kind, feed_category or category, None, first_seen, extra, file)
