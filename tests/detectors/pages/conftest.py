from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import pytest

from canhgiac.detectors.pages.addresses import AddressPolicy
from canhgiac.detectors.pages.fetch import FetchLimits, PageFetcher

from .hostile import HostileServer, serve

# The "internet" under test lives on 127.0.0.2; 127.0.0.1 plays the internal victim.
SITE_IP = "127.0.0.2"
VICTIM_IP = "127.0.0.1"


@pytest.fixture(scope="package")
def site() -> Iterator[HostileServer]:
    with serve(SITE_IP, "site") as server:
        yield server


@pytest.fixture(scope="package")
def victim() -> Iterator[HostileServer]:
    with serve(VICTIM_IP, "victim") as server:
        yield server


@pytest.fixture(autouse=True)
def _clear_hits(request: pytest.FixtureRequest) -> None:
    for name in ("site", "victim"):
        if name in request.fixturenames:
            request.getfixturevalue(name).hits.clear()


class StubResolver:
    """Test names → addresses; records every question (DNS rebinding needs the count)."""

    def __init__(self, table: dict[str, list[list[str]] | list[str]]) -> None:
        self.table = table
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        answer = self.table.get(host)
        if answer is None:
            from canhgiac.errors import ValidationFailed

            raise ValidationFailed(f"no such test host {host}", field="url")
        if answer and isinstance(answer[0], list):  # a sequence of answers, one per call
            n = sum(1 for c in self.calls if c == host) - 1
            return list(answer[min(n, len(answer) - 1)])
        return list(answer)  # type: ignore[arg-type]


@pytest.fixture
def resolver() -> StubResolver:
    return StubResolver(
        {
            "site.test": [SITE_IP],
            "evil.test": [VICTIM_IP],
            "metadata.test": ["169.254.169.254"],
            "mixed.test": [SITE_IP, "10.0.0.7"],
            "rebind.test": [[SITE_IP], [VICTIM_IP]],
        }
    )


TEST_POLICY = AddressPolicy(allowed_networks=(ipaddress.ip_network(f"{SITE_IP}/32"),))
TEST_LIMITS = FetchLimits(
    max_bytes=64 * 1024, total_seconds=1.5, connect_seconds=1.0, read_seconds=1.0
)


@pytest.fixture
def fetcher(resolver: StubResolver) -> PageFetcher:
    """Reaches the test site only; every other internal address stays refused."""
    return PageFetcher(limits=TEST_LIMITS, policy=TEST_POLICY, resolver=resolver)
