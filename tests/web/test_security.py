"""Security headers, CSRF, body limits and consistent errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from canhgiac.accounts.roles import Role
from canhgiac.errors import RateLimited
from tests.factories import PASSWORD, Factories
from tests.web.conftest import ClientFactory, audit_actions, csrf_from

pytestmark = pytest.mark.db


@pytest.mark.parametrize(
    "path", ["/login", "/api/v1/me", "/healthz", "/static/canhgiac.css", "/nope"]
)
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    response = client.get(path)
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"


def test_pages_have_no_inline_script_or_external_resources(client: TestClient) -> None:
    html = client.get("/login").text
    assert "<script" not in html
    assert "http://" not in html and "https://" not in html


def test_healthz_checks_the_database(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_unknown_route_is_json_under_api(client: TestClient) -> None:
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"] == "not_found"
    assert "message" in response.json()


def test_unknown_route_is_a_vietnamese_page_elsewhere(client: TestClient) -> None:
    response = client.get("/khong-co-trang-nay")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Không tìm thấy trang" in response.text
    assert '<html lang="vi">' in response.text


def test_wrong_method_under_api_is_json_405(client: TestClient) -> None:
    response = client.delete("/api/v1/auth/token")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"


def test_validation_error_names_the_field(client: TestClient) -> None:
    response = client.post("/api/v1/auth/token", json={"username": "a"})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "validation_error"
    assert body["field"] == "password"


def test_rate_limited_domain_error_is_429_json(app: FastAPI, client: TestClient) -> None:
    @app.get("/api/v1/test-rate-limited")
    def limited() -> None:
        raise RateLimited("Quá nhiều yêu cầu / too many requests", field="lookup")

    response = client.get("/api/v1/test-rate-limited")
    assert response.status_code == 429
    assert response.json() == {
        "error": "rate_limited",
        "message": "Quá nhiều yêu cầu / too many requests",
        "field": "lookup",
    }


def test_oversized_body_by_content_length(settings, test_session_factory) -> None:
    from canhgiac.web.app import create_app

    small = settings.model_copy(update={"max_body_bytes": 1000})
    client = TestClient(create_app(small, session_factory=test_session_factory))
    big = "x" * 5000
    api = client.post("/api/v1/auth/token", json={"username": big, "password": big})
    assert api.status_code == 413
    assert api.json()["error"] == "payload_too_large"
    assert api.headers["x-content-type-options"] == "nosniff"
    page = client.post("/login", data={"username": big, "password": big})
    assert page.status_code == 413
    assert page.headers["content-type"].startswith("text/html")
    assert "Dữ liệu gửi lên quá lớn" in page.text


def test_oversized_streamed_body_without_length(settings, test_session_factory) -> None:
    from canhgiac.web.app import create_app

    small = settings.model_copy(update={"max_body_bytes": 1000})
    client = TestClient(create_app(small, session_factory=test_session_factory))

    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b'{"username": "' + b"x" * 500

    response = client.post(
        "/api/v1/auth/token", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"] == "payload_too_large"


def test_form_post_without_csrf_token_is_refused_and_audited(
    client: TestClient, db: Session, factories: Factories
) -> None:
    user = factories.user(Role.ANALYST)
    db.commit()
    client.get("/login")  # the anonymous cookie exists, only the form field is missing
    response = client.post("/login", data={"username": user.username, "password": PASSWORD})
    assert response.status_code == 403
    assert "cg_session" not in response.cookies
    events = audit_actions(db, "security.csrf_failed")
    assert events and events[-1].detail and "POST /login" in events[-1].detail


def test_form_post_with_forged_csrf_token_is_refused(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    user = factories.user(Role.ADMIN)
    db.commit()
    client = client_factory(user)
    other = client_factory()
    foreign_token = csrf_from(other.get("/login").text)  # valid for another browser only
    response = client.post("/logout", data={"csrf_token": foreign_token})
    assert response.status_code == 403
    assert client.get("/").status_code == 200  # still signed in
    assert audit_actions(db, "security.csrf_failed")


def test_csrf_token_is_bound_to_the_login_session(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    user = factories.user(Role.ANALYST)
    db.commit()
    first = client_factory(user)
    second = client_factory(user)
    token_first = csrf_from(first.get("/").text)
    token_second = csrf_from(second.get("/").text)
    assert token_first != token_second
    assert second.post("/logout", data={"csrf_token": token_first}).status_code == 403
    assert second.post("/logout", data={"csrf_token": token_second}).status_code == 303


def test_api_is_not_reachable_with_a_session_cookie(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    user = factories.user(Role.ADMIN)
    db.commit()
    client = client_factory(user)
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_app_from_env_builds_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from canhgiac.web.app import app_from_env

    monkeypatch.chdir(tmp_path)  # no stray .env is read
    monkeypatch.setenv("CANHGIAC_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    monkeypatch.setenv("CANHGIAC_MAX_BODY_BYTES", "123")
    app = app_from_env()
    assert app.state.settings.max_body_bytes == 123
    with TestClient(app) as client:
        assert client.get("/healthz").json()["database"] == "ok"
