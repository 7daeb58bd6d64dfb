"""A straightforward pure-Python matcher: one event at a time, dictionaries and loops.

It exists to check the engine: the same indicators and events must give exactly the same
alerts and counts. Slow by design; use it on test-sized inputs only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from canhgiac.monitoring.indicators import Indicator
from canhgiac.monitoring.iputil import ip_key, network_bounds
from canhgiac.monitoring.parsers.base import Event


@dataclass
class RefAlert:
    hits: int = 0
    first_seen: float | None = None
    last_seen: float | None = None


@dataclass
class RefResult:
    lines: int
    matched_lines: int
    # (src, indicator index (1-based load order)) -> counts
    alerts: dict[tuple[str, int], RefAlert] = field(default_factory=dict)

    def summary(self, indicators: Sequence[Indicator]) -> dict[str, int]:
        pairs = {(src, indicators[i - 1].value) for src, i in self.alerts}
        return {
            "lines": self.lines,
            "matched_lines": self.matched_lines,
            "hosts": len({src for src, _ in self.alerts}),
            "alerts": len(pairs),
        }


def _allow_sets(
    scope: list[tuple[str, str]] | None, entries: Iterable[Indicator]
) -> tuple[list[tuple[str, str]] | None, set[str], list[tuple[str, str]]]:
    items = list(entries)
    domains = {e.domain for e in items if e.kind == "domain"}
    ranges = [(e.lo, e.hi) for e in items if e.kind in ("ip", "cidr")]
    return scope, domains, ranges


def _suffixes(name: str) -> list[str]:
    labels = name.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


class ReferenceMatcher:
    def __init__(
        self,
        indicators: Sequence[Indicator],
        allow: Iterable[Indicator] = (),
        scoped_allow: Iterable[tuple[Sequence[str], Iterable[Indicator]]] = (),
    ) -> None:
        self.indicators = list(indicators)
        self.domains: dict[str, list[int]] = defaultdict(list)
        self.ips: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
        self.cidrs: list[tuple[str, str, int]] = []
        self.urls: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for idx, ind in enumerate(self.indicators, 1):
            if ind.kind == "domain":
                self.domains[ind.domain].append(idx)
            elif ind.kind == "ip":
                self.ips[ind.lo].append((idx, ind.port))
            elif ind.kind == "cidr":
                self.cidrs.append((ind.lo, ind.hi, idx))
            elif ind.kind == "url":
                self.urls[ind.path].append((ind.host, idx))
        # (scope networks or None for global, allowed domains, allowed address ranges)
        self.allow: list[tuple[list[tuple[str, str]] | None, set[str], list[tuple[str, str]]]] = [
            _allow_sets(None, allow)
        ]
        for nets, entries in scoped_allow:
            bounds = [b for b in (network_bounds(n) for n in nets) if b is not None]
            self.allow.append(_allow_sets(bounds, entries))

    def _name_hits(self, name: str) -> list[int]:
        out: list[int] = []
        for suffix in _suffixes(name):
            out.extend(self.domains.get(suffix, ()))
        return out

    def _ip_hits(self, text: str, port: int | None, *, any_port: bool) -> list[int]:
        key = ip_key(text)
        if key is None:
            return []
        out = [idx for idx, p in self.ips.get(key, ()) if p is None or (not any_port and p == port)]
        out.extend(idx for lo, hi, idx in self.cidrs if lo <= key <= hi)
        return out

    def _url_hits(self, url: str) -> list[int]:
        host = url.split("/", 1)[0]
        path = url[len(host) :]
        out: list[int] = []
        # Every prefix of the path that ends at a '/' boundary, the whole path included.
        cuts = [i for i, ch in enumerate(path) if ch == "/" and i > 0] + [len(path)]
        for cut in cuts:
            for h, idx in self.urls.get(path[:cut], ()):
                if h == "" or h == host:
                    out.append(idx)
        return out

    def _allowed(self, observed: str, src: str) -> bool:
        host = observed.split("/", 1)[0]
        key = ip_key(host)
        src_key = ip_key(src)
        for scope, domains, ranges in self.allow:
            if scope is not None and (
                src_key is None or not any(lo <= src_key <= hi for lo, hi in scope)
            ):
                continue
            if any(s in domains for s in _suffixes(host)):
                return True
            if key is not None and any(lo <= key <= hi for lo, hi in ranges):
                return True
        return False

    def event_hits(self, ev: Event) -> set[int]:
        found: list[tuple[int, str]] = []
        if ev.name is not None:
            found += [(i, ev.name) for i in self._name_hits(ev.name)]
        if ev.answers is not None:
            for raw in ev.answers.split(","):
                item = raw.rstrip(".")
                if not item:
                    continue
                if ip_key(item) is None:
                    found += [(i, item) for i in self._name_hits(item)]
                else:
                    found += [(i, item) for i in self._ip_hits(item, None, any_port=True)]
        if ev.dst is not None:
            found += [(i, ev.dst) for i in self._ip_hits(ev.dst, ev.dport, any_port=False)]
        if ev.url is not None:
            found += [(i, ev.url) for i in self._url_hits(ev.url)]
        return {i for i, observed in found if not self._allowed(observed, ev.src)}

    def run(self, events: Iterable[Event]) -> RefResult:
        result = RefResult(lines=0, matched_lines=0)
        for ev in events:
            result.lines += 1
            hits = self.event_hits(ev)
            if hits:
                result.matched_lines += 1
            for idx in hits:
                a = result.alerts.setdefault((ev.src, idx), RefAlert())
                a.hits += 1
                if ev.ts is not None:
                    a.first_seen = ev.ts if a.first_seen is None else min(a.first_seen, ev.ts)
                    a.last_seen = ev.ts if a.last_seen is None else max(a.last_seen, ev.ts)
        return result
