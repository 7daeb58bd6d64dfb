"""The names and links in a checked message or a report that the verification queue takes:
kept apart from the file and log sources, so that the messages and look-up code that use
them do not pull in the monitoring log parsers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from canhgiac.indicators.kinds import IndicatorKind


def link_hosts(indicators: Iterable[Mapping[str, Any]]) -> list[str]:
    """Host names among indicators found in a message or report (``NormalizedIndicator.
    to_dict()`` rows, as in the text detector's verdict): domains and links' hosts, once each.
    """
    names: list[str] = []
    for ind in indicators:
        if ind.get("kind") == IndicatorKind.DOMAIN:
            names.append(ind["value"])
        elif ind.get("kind") == IndicatorKind.URL and isinstance(ind.get("host"), str):
            names.append(ind["host"])
    return list(dict.fromkeys(names))


def link_samples(indicators: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The first web link found on each host among the same indicators: the page an analyst
    wants captured (a kit's login path), where the host's home page may show nothing."""
    samples: dict[str, str] = {}
    for ind in indicators:
        host, value = ind.get("host"), ind.get("value")
        if ind.get("kind") != IndicatorKind.URL or not isinstance(host, str):
            continue
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            samples.setdefault(host, value[:2048])
    return samples
