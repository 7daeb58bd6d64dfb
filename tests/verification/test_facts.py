"""Registration and DNS facts in the verification queue and the API (local servers only)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from canhgiac.accounts import tokens
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.detectors.domains.scorer import load_domain_scorer
from canhgiac.detectors.infrastructure import InfrastructureLookup
from canhgiac.detectors.pages.check import UrlChecker
from canhgiac.detectors.pages.fetch import PageFetcher
from canhgiac.verification import service
from canhgiac.web.app import create_app
from tests.detectors.test_infrastructure import dns_port, rdap_url  # noqa: F401 - fixtures
from tests.web.conftest import bearer

pytestmark = pytest.mark.db


@pytest.fixture
def facts_settings(settings, rdap_url, dns_port):  # noqa: F811 - fixtures
    return settings.model_copy(
        update={
            "rdap_base_url": rdap_url,
            "dns_nameservers": ["127.0.0.1"],
            "dns_port": dns_port,
            "rdap_min_interval_seconds": 0.0,
        }
    )


def test_capture_keeps_the_facts_and_the_queue_shows_them(
    db, factories, facts_settings, client_factory
):
    service.enqueue_names(db, load_domain_scorer(), ["vcb-xacminh.top"], source="ct")
    candidate = service.list_candidates(db).items[0]
    # The page itself is unreachable here (nothing listens on 80/443): only the facts come.
    fetcher = PageFetcher.from_settings(facts_settings, resolver=lambda _h, _p: ["127.0.0.1"])
    checker = UrlChecker.from_settings(facts_settings, fetcher=fetcher, name_scorer=None)
    service.capture_candidate(
        db,
        checker,
        candidate,
        screenshot=False,
        infrastructure=InfrastructureLookup.for_settings(facts_settings),
    )
    infra = candidate.capture["infrastructure"]
    assert infra["registrar"] == "NameSilo, LLC" and infra["age_days"] == 5
    assert infra["dns"]["A"] == ["203.0.113.7"]
    browser = client_factory(factories.user(role=Role.ANALYST))
    page = browser.get("/verification")
    assert "NameSilo, LLC" in page.text and "203.0.113.7" in page.text


def test_api_gives_facts_to_detect_tokens(db, factories, facts_settings, test_session_factory):
    app = create_app(facts_settings, session_factory=test_session_factory)
    telco = factories.agency(kind=AgencyKind.TELCO)
    scoped = tokens.create_machine_token(db, agency=telco, name="Nhà mạng", scopes=["detect"])
    other = tokens.create_machine_token(db, agency=telco, name="RPZ", scopes=["blocklists:read"])
    url = "/api/v1/detect/domains/facts"
    with TestClient(app) as client:
        ok = client.get(
            url, params={"name": "login.vcb-xacminh.top"}, headers=bearer(scoped.secret)
        )
        assert ok.status_code == 200, ok.text
        assert ok.json()["name"] == "vcb-xacminh.top" and ok.json()["registered"]
        bad = client.get(url, params={"name": "xin chào"}, headers=bearer(scoped.secret))
        assert bad.status_code == 422 and bad.json()["field"] == "name"
        assert (
            client.get(url, params={"name": "a.vn"}, headers=bearer(other.secret)).status_code
            == 403
        )
        assert client.get(url, params={"name": "a.vn"}).status_code == 401
