"""Fixtures for the web and API front doors: an app on the test transaction, clients, log-in,
and for browser tests the served demo province and a headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from canhgiac.accounts.models import AuditEvent
from canhgiac.settings import Settings
from canhgiac.web.app import create_app
from tests.factories import PASSWORD
from tests.web.live import chromium, live_app

_CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    match = _CSRF_RE.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


@pytest.fixture
def app(settings: Settings, test_session_factory: sessionmaker[Session]) -> FastAPI:
    return create_app(settings, session_factory=test_session_factory)


ClientFactory = Callable[..., TestClient]


@pytest.fixture
def client_factory(app: FastAPI) -> Iterator[ClientFactory]:
    """New browser-like clients (own cookie jar); ``client_factory(user)`` signs one in."""
    clients: list[TestClient] = []

    def make(user: object | None = None, password: str = PASSWORD) -> TestClient:
        client = TestClient(app, follow_redirects=False)
        client.__enter__()
        clients.append(client)
        if user is not None:
            response = login(client, str(getattr(user, "username")), password)
            assert response.status_code == 303, response.text
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(client_factory: ClientFactory) -> TestClient:
    return client_factory()


def login(client: TestClient, username: str, password: str, next: str = "/"):
    page = client.get("/login")
    return client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "next": next,
            "csrf_token": csrf_from(page.text),
        },
    )


def post_form(client: TestClient, page_url: str, url: str, data: dict[str, object]):
    """Submit a form the way a browser does: fetch the page for its token, then post."""
    page = client.get(page_url)
    assert page.status_code == 200, page.text
    return client.post(url, data={**data, "csrf_token": csrf_from(page.text)})


def audit_actions(db: Session, action: str) -> list[AuditEvent]:
    db.expire_all()
    return list(db.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo province served for one browser-test module (a module that seeds more records
    defines its own)."""
    with live_app(tmp_path_factory.mktemp("browser")) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per browser-test module."""
    with chromium() as browser:
        yield browser
