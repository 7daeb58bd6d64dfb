"""JSON API: bearer tokens, refusals with consistent errors, administration endpoints."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from canhgiac.accounts.models import Agency, ApiToken, AuditEvent, User
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.accounts.tokens import create_machine_token, issue_user_token
from canhgiac.db.base import utcnow
from canhgiac.settings import Settings
from canhgiac.web.i18n import LOCAL_TZ
from tests.factories import PASSWORD, Factories
from tests.web.conftest import audit_actions, bearer

pytestmark = pytest.mark.db


@pytest.fixture
def office(factories: Factories) -> Agency:
    return factories.agency(AgencyKind.PROVINCIAL_ICT, code="so-api")


@pytest.fixture
def police(factories: Factories) -> Agency:
    return factories.agency(AgencyKind.PROVINCIAL_POLICE, code="ca-api")


def _user(db: Session, factories: Factories, role: str, agency: Agency) -> User:
    user = factories.user(role, agency=agency)
    db.commit()
    return user


def _token(client: TestClient, user: User) -> str:
    response = client.post(
        "/api/v1/auth/token", json={"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def test_password_grant_returns_a_bearer_token(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    user = _user(db, factories, Role.ANALYST, office)
    response = client.post(
        "/api/v1/auth/token", json={"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["access_token"].startswith("cg_") and body["expires_at"]
    me = client.get("/api/v1/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["user"]["username"] == user.username
    assert me.json()["role"] == "analyst" and me.json()["kind"] == "user"


def test_wrong_password_is_401_json_and_audited(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    user = _user(db, factories, Role.ANALYST, office)
    response = client.post(
        "/api/v1/auth/token", json={"username": user.username, "password": "sai-mat-khau"}
    )
    assert response.status_code == 401
    assert response.json()["error"] == "unauthenticated"
    assert "Sai tên đăng nhập" in response.json()["message"]
    assert audit_actions(db, "auth.login_failed")


def test_api_lockout_after_repeated_failures(
    client: TestClient, db: Session, factories: Factories, office: Agency, settings: Settings
) -> None:
    user = _user(db, factories, Role.ANALYST, office)
    for _ in range(settings.login_max_failures):
        client.post("/api/v1/auth/token", json={"username": user.username, "password": "x"})
    response = client.post(
        "/api/v1/auth/token", json={"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 401
    assert "locked" in response.json()["message"]


def test_missing_and_malformed_bearer(client: TestClient) -> None:
    missing = client.get("/api/v1/me")
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["error"] == "unauthenticated"
    basic = client.get("/api/v1/me", headers={"Authorization": "Basic YWJjOmRlZg=="})
    assert basic.status_code == 401


def test_unknown_token_is_refused_and_audited(client: TestClient, db: Session) -> None:
    response = client.get("/api/v1/me", headers=bearer("cg_not-a-real-token"))
    assert response.status_code == 401
    refused = audit_actions(db, "auth.token_refused")
    assert refused and refused[-1].detail == "unknown"


def test_expired_token_is_refused_and_audited(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    user = _user(db, factories, Role.ANALYST, office)
    issued = issue_user_token(db, user=user, ttl_seconds=60)
    issued.token.expires_at = utcnow() - timedelta(seconds=1)
    db.commit()
    response = client.get("/api/v1/me", headers=bearer(issued.secret))
    assert response.status_code == 401
    assert response.json()["message"].endswith("token expired")
    refused = audit_actions(db, "auth.token_refused")
    assert refused[-1].detail == "expired"
    assert refused[-1].entity_id == str(issued.token.id)


def test_revoked_token_is_refused_and_audited(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    admin = _user(db, factories, Role.ADMIN, office)
    admin_token = _token(client, admin)
    created = client.post(
        "/api/v1/tokens",
        headers=bearer(admin_token),
        json={"agency": office.code, "name": "Cảm biến DNS", "scopes": ["monitoring:write"]},
    )
    assert created.status_code == 201, created.text
    assert created.headers["cache-control"] == "no-store"
    secret = created.json()["secret"]
    machine_me = client.get("/api/v1/me", headers=bearer(secret))
    assert machine_me.status_code == 200
    assert machine_me.json()["kind"] == "machine"
    assert machine_me.json()["scopes"] == ["monitoring:write"]
    token_id = created.json()["token"]["id"]
    revoked = client.post(f"/api/v1/tokens/{token_id}/revoke", headers=bearer(admin_token))
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    response = client.get("/api/v1/me", headers=bearer(secret))
    assert response.status_code == 401
    assert response.json()["message"].endswith("token revoked")
    assert audit_actions(db, "auth.token_refused")[-1].detail == "revoked"
    listed = client.get("/api/v1/tokens", headers=bearer(admin_token)).json()
    assert all("secret" not in t and "token_hash" not in t for t in listed)


def test_machine_token_cannot_administer(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    issued = create_machine_token(db, agency=office, name="ISP", scopes=["blocklists:read"])
    db.commit()
    response = client.get("/api/v1/users", headers=bearer(issued.secret))
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


def test_viewer_cannot_change_data_through_the_api(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    viewer = _user(db, factories, Role.VIEWER, office)
    token = _token(client, viewer)
    response = client.post(
        "/api/v1/agencies",
        headers=bearer(token),
        json={"code": "moi", "name": "Mới", "kind": "other"},
    )
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"
    patch = client.patch(f"/api/v1/agencies/{office.id}", headers=bearer(token), json={"name": "X"})
    assert patch.status_code == 403
    denied = audit_actions(db, "access.denied")
    assert [e.actor for e in denied[-2:]] == [viewer.username, viewer.username]
    assert db.scalar(select(Agency).where(Agency.code == "moi")) is None


def test_agency_admin_is_confined_to_their_agency(
    client: TestClient, db: Session, factories: Factories, office: Agency, police: Agency
) -> None:
    police_admin = _user(db, factories, Role.ADMIN, police)
    office_user = _user(db, factories, Role.ANALYST, office)
    token = _token(client, police_admin)
    agencies = client.get("/api/v1/agencies", headers=bearer(token)).json()
    assert [a["code"] for a in agencies] == [police.code]
    assert client.get(f"/api/v1/agencies/{office.id}", headers=bearer(token)).status_code == 403
    assert client.get(f"/api/v1/users/{office_user.id}", headers=bearer(token)).status_code == 403
    assert (
        client.get(
            "/api/v1/users", params={"agency_id": office.id}, headers=bearer(token)
        ).status_code
        == 403
    )
    response = client.post(
        "/api/v1/users",
        headers=bearer(token),
        json={
            "agency": office.id,
            "username": "xam.nhap",
            "full_name": "Xâm Nhập",
            "role": "admin",
            "password": "mat-khau-rat-dai",
        },
    )
    assert response.status_code == 403
    assert audit_actions(db, "access.denied")


def test_admin_api_round_trip(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    admin = _user(db, factories, Role.ADMIN, office)
    token = _token(client, admin)
    h = bearer(token)
    created = client.post(
        "/api/v1/agencies",
        headers=h,
        json={
            "code": "xa-api",
            "name": "UBND xã API",
            "kind": "commune",
            "network_ranges": ["10.70.0.0/24"],
        },
    )
    assert created.status_code == 201, created.text
    agency_id = created.json()["id"]
    assert created.json()["network_ranges"] == ["10.70.0.0/24"]
    bad = client.patch(
        f"/api/v1/agencies/{agency_id}", headers=h, json={"network_ranges": ["999.1.1.1"]}
    )
    assert bad.status_code == 422
    assert bad.json()["field"] == "network_ranges"
    dup = client.post(
        "/api/v1/agencies", headers=h, json={"code": "xa-api", "name": "Trùng", "kind": "commune"}
    )
    assert dup.status_code == 409 and dup.json() == {
        "error": "conflict",
        "message": dup.json()["message"],
        "field": "code",
    }
    user = client.post(
        "/api/v1/users",
        headers=h,
        json={
            "agency": "xa-api",
            "username": "xa.canbo",
            "full_name": "Cán Bộ Xã",
            "role": "officer",
            "password": "mat-khau-rat-dai",
        },
    )
    assert user.status_code == 201, user.text
    user_id = user.json()["id"]
    assert "password_hash" not in user.json()
    patched = client.patch(
        f"/api/v1/users/{user_id}", headers=h, json={"role": "viewer", "is_active": False}
    )
    assert patched.json()["role"] == "viewer" and patched.json()["is_active"] is False
    unknown_role = client.patch(f"/api/v1/users/{user_id}", headers=h, json={"role": "boss"})
    assert unknown_role.status_code == 422 and unknown_role.json()["field"] == "role"
    extra = client.patch(f"/api/v1/users/{user_id}", headers=h, json={"password_hash": "x"})
    assert extra.status_code == 422 and extra.json()["field"] == "password_hash"
    reset = client.post(f"/api/v1/users/{user_id}/reset-password", headers=h)
    assert reset.status_code == 200 and len(reset.json()["password"]) >= 12
    missing = client.get("/api/v1/users/999999", headers=h)
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"


def test_audit_api_filters_and_exports(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    admin = _user(db, factories, Role.ADMIN, office)
    h = bearer(_token(client, admin))
    page = client.get("/api/v1/audit", headers=h, params={"action": "auth.", "limit": 5})
    assert page.status_code == 200
    items = page.json()["items"]
    assert items and all(i["action"].startswith("auth.") for i in items)
    # The API reads days in Vietnam time: the UTC date is yesterday there after 17:00 UTC.
    today = utcnow().astimezone(LOCAL_TZ).date().isoformat()
    assert client.get("/api/v1/audit", headers=h, params={"since": today, "until": today}).json()[
        "items"
    ]
    bad = client.get("/api/v1/audit", headers=h, params={"since": "hôm qua"})
    assert bad.status_code == 422 and bad.json()["field"] == "since"
    export = client.get("/api/v1/audit/export", headers=h, params={"format": "jsonl"})
    assert export.status_code == 200
    lines = [json.loads(line) for line in export.text.splitlines()]
    assert any(line["action"] == "auth.login" for line in lines)
    assert (
        client.get("/api/v1/audit/export", headers=h, params={"format": "xml"}).status_code == 422
    )


def test_no_secret_is_logged_or_audited(
    client: TestClient,
    db: Session,
    factories: Factories,
    office: Agency,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    admin = _user(db, factories, Role.ADMIN, office)
    token = _token(client, admin)
    created = client.post(
        "/api/v1/tokens",
        headers=bearer(token),
        json={"agency": office.id, "name": "Bí mật", "scopes": ["lookup"]},
    )
    secret = created.json()["secret"]
    client.post("/api/v1/auth/token", json={"username": admin.username, "password": "doan-sai-1"})
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for value in (token, secret, PASSWORD, "doan-sai-1"):
        assert value not in logged
    db.expire_all()
    audited = json.dumps(
        [[e.before, e.after, e.detail] for e in db.scalars(select(AuditEvent))],
        ensure_ascii=False,
    )
    for value in (token, secret, PASSWORD, "doan-sai-1"):
        assert value not in audited
    stored = db.scalar(select(ApiToken).where(ApiToken.name == "Bí mật"))
    assert stored is not None and secret not in (stored.token_hash, stored.prefix)


def test_openapi_docs_render_without_scripts(client: TestClient) -> None:
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "/api/v1/auth/token" in docs.text and "<script" not in docs.text
    schema = client.get("/api/openapi.json").json()
    assert "/api/v1/audit/export" in schema["paths"]
