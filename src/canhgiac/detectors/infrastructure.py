"""Registration and DNS facts about a name, where the network allows.

RDAP gives the registration date (a name registered last week is a warning sign), the
registrar, the status and the name servers; DNS (dnspython) gives the A, AAAA, NS and MX
records. Every look-up is bounded: RDAP goes through the sandboxed page fetcher (address
policy on every redirect, size and time caps), DNS has a lifetime. Answers are cached per
registrable domain, RDAP requests are spaced out (registries throttle), and nothing here
fails its caller: offline, refused or malformed, the facts carry an error instead.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import dns.exception
import dns.resolver

from canhgiac.detectors.domains.hostnames import clean_host, split_host
from canhgiac.detectors.pages.fetch import PageFetcher
from canhgiac.errors import ValidationFailed
from canhgiac.settings import Settings

RECORD_TYPES = ("A", "AAAA", "NS", "MX")
MAX_ITEMS = 20  # per list: hostile registries and zones can return thousands
MAX_TEXT = 200
MAX_CACHE = 10_000
_INSTANCES: dict[tuple[object, ...], InfrastructureLookup] = {}
_INSTANCES_LOCK = threading.Lock()


@dataclass
class InfrastructureFacts:
    name: str  # the registrable domain looked up
    registered: str | None = None  # ISO 8601, from RDAP's "registration" event
    age_days: int | None = None
    expires: str | None = None
    registrar: str | None = None
    status: list[str] = field(default_factory=list)
    nameservers: list[str] = field(default_factory=list)
    dns: dict[str, list[str]] = field(default_factory=dict)
    rdap_error: str | None = None
    dns_error: str | None = None
    checked_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _text(value: object) -> str | None:
    return value.strip()[:MAX_TEXT] if isinstance(value, str) and value.strip() else None


def _registrar(entities: object) -> str | None:
    """The registrar entity's name (its vCard "fn"), else its handle."""
    if not isinstance(entities, list):
        return None
    for entity in entities[:MAX_ITEMS]:
        if not isinstance(entity, dict) or "registrar" not in (entity.get("roles") or []):
            continue
        vcard = entity.get("vcardArray")
        if isinstance(vcard, list) and len(vcard) == 2 and isinstance(vcard[1], list):
            for item in vcard[1][:MAX_ITEMS]:
                if isinstance(item, list) and len(item) >= 4 and item[0] == "fn":
                    name = _text(item[3])
                    if name:
                        return name
        return _text(entity.get("handle"))
    return None


def parse_rdap(data: object) -> dict[str, Any]:
    """The facts kept from an RDAP domain answer (RFC 9083); unknown shapes give nothing."""
    if not isinstance(data, dict):
        raise ValueError("RDAP answer is not an object")
    events: dict[str, str] = {}
    for event in (data.get("events") or [])[:MAX_ITEMS]:
        if isinstance(event, dict):
            action, date = _text(event.get("eventAction")), _text(event.get("eventDate"))
            if action and date:
                events.setdefault(action, date)
    status = [s for s in (_text(v) for v in (data.get("status") or [])[:MAX_ITEMS]) if s]
    nameservers = [
        ns.lower()
        for ns in (
            _text(n.get("ldhName")) if isinstance(n, dict) else None
            for n in (data.get("nameservers") or [])[:MAX_ITEMS]
        )
        if ns
    ]
    return {
        "registered": events.get("registration"),
        "expires": events.get("expiration"),
        "registrar": _registrar(data.get("entities")),
        "status": status,
        "nameservers": nameservers,
    }


def _age_days(registered: str | None, now: datetime) -> int | None:
    if not registered:
        return None
    try:
        when = datetime.fromisoformat(registered.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0, (now - when).days)


class InfrastructureLookup:
    """RDAP and DNS facts with a cache and a pause between RDAP requests."""

    def __init__(
        self,
        fetcher: PageFetcher,
        *,
        rdap_base_url: str = "https://rdap.org",
        nameservers: list[str] | None = None,
        dns_port: int = 53,
        dns_lifetime: float = 3.0,
        min_interval: float = 1.0,
        ttl_seconds: float = 24 * 3600,
        enabled: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.fetcher = fetcher
        self.rdap_base_url = rdap_base_url.rstrip("/")
        self.enabled = enabled
        self.min_interval = min_interval
        self.ttl_seconds = ttl_seconds
        self._clock, self._sleep = clock, sleep
        self._resolver = dns.resolver.Resolver(configure=not nameservers)
        if nameservers:
            self._resolver.nameservers = list(nameservers)
            self._resolver.port = dns_port
        self._resolver.lifetime = dns_lifetime
        self._cache: dict[str, tuple[float, InfrastructureFacts]] = {}
        self._lock = threading.Lock()
        self._rdap_lock = threading.Lock()
        self._last_rdap = -float("inf")

    @classmethod
    def for_settings(cls, settings: Settings) -> InfrastructureLookup:
        """One lookup per configuration and process, so that its cache and its pause between
        RDAP requests hold across requests and commands."""
        key = (
            settings.rdap_base_url,
            tuple(settings.dns_nameservers),
            settings.dns_port,
            settings.rdap_min_interval_seconds,
            settings.infrastructure_lookups,
            settings.allow_private_fetch,
            settings.fetch_timeout_seconds,
            settings.fetch_max_bytes,
        )
        with _INSTANCES_LOCK:
            lookup = _INSTANCES.get(key)
            if lookup is None:
                lookup = _INSTANCES[key] = cls(
                    PageFetcher.from_settings(settings),
                    rdap_base_url=settings.rdap_base_url,
                    nameservers=settings.dns_nameservers or None,
                    dns_port=settings.dns_port,
                    min_interval=settings.rdap_min_interval_seconds,
                    enabled=settings.infrastructure_lookups,
                )
            return lookup

    def facts(self, name: str) -> InfrastructureFacts:
        """Facts about ``name``'s registrable domain; ValidationFailed (field ``name``) only
        for input that is not a host name."""
        try:
            registrable = split_host(clean_host(name)).registrable
        except ValidationFailed as exc:
            raise ValidationFailed(exc.message, field="name") from exc
        now = self._clock()
        with self._lock:
            cached = self._cache.get(registrable)
            if cached is not None and cached[0] > now:
                return cached[1]
        facts = self._look_up(registrable)
        with self._lock:
            if len(self._cache) >= MAX_CACHE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[registrable] = (self._clock() + self.ttl_seconds, facts)
        return facts

    def _look_up(self, registrable: str) -> InfrastructureFacts:
        now = datetime.now(UTC)
        facts = InfrastructureFacts(name=registrable, checked_at=now.isoformat(timespec="seconds"))
        if not self.enabled:
            facts.rdap_error = facts.dns_error = "tắt trong cấu hình / disabled in the settings"
            return facts
        self._rdap(facts, now)
        self._dns(facts)
        return facts

    def _rdap(self, facts: InfrastructureFacts, now: datetime) -> None:
        with self._rdap_lock:  # one request at a time, min_interval apart
            wait = self._last_rdap + self.min_interval - self._clock()
            if wait > 0:
                self._sleep(wait)
            result = self.fetcher.fetch(f"{self.rdap_base_url}/domain/{quote(facts.name)}")
            self._last_rdap = self._clock()
        if not result.ok:
            facts.rdap_error = result.refused or result.error or "no answer"
            return
        if result.status == 404:
            facts.rdap_error = "không có bản ghi RDAP / no RDAP record (404)"
            return
        if result.status != 200 or result.truncated:
            facts.rdap_error = f"RDAP HTTP {result.status}" + (
                " (truncated)" if result.truncated else ""
            )
            return
        try:
            parsed = parse_rdap(json.loads(result.body))
        except ValueError as exc:  # JSONDecodeError is a ValueError
            facts.rdap_error = f"RDAP answer unreadable: {str(exc)[:MAX_TEXT]}"
            return
        facts.registered = parsed["registered"]
        facts.expires = parsed["expires"]
        facts.registrar = parsed["registrar"]
        facts.status = parsed["status"]
        facts.nameservers = parsed["nameservers"]
        facts.age_days = _age_days(facts.registered, now)

    def _dns(self, facts: InfrastructureFacts) -> None:
        for rtype in RECORD_TYPES:
            try:
                answer = self._resolver.resolve(facts.name, rtype, search=False)
            except dns.resolver.NXDOMAIN:
                facts.dns_error = "NXDOMAIN"
                return
            except dns.resolver.NoAnswer:
                facts.dns[rtype] = []
                continue
            except dns.exception.DNSException as exc:
                facts.dns_error = f"{type(exc).__name__}: {str(exc)[:MAX_TEXT]}"
                return
            # Sorted: an RRset has no order, and the same answer should read the same.
            facts.dns[rtype] = sorted(r.to_text()[:MAX_TEXT] for r in answer)[:MAX_ITEMS]
