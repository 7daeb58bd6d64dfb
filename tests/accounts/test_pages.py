"""Account pages: sign-in, lock-out, sessions, administration and its permission rules."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from canhgiac.accounts.models import Agency, ApiToken, User
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.accounts.tokens import authenticate_token
from canhgiac.settings import Settings
from tests.factories import PASSWORD, Factories
from tests.web.conftest import ClientFactory, audit_actions, csrf_from, login, post_form

pytestmark = pytest.mark.db


@pytest.fixture
def office(factories: Factories) -> Agency:
    return factories.agency(AgencyKind.PROVINCIAL_ICT, code="so-tttt-test")


@pytest.fixture
def police(factories: Factories) -> Agency:
    return factories.agency(AgencyKind.PROVINCIAL_POLICE, code="cong-an-test")


def _user(db: Session, factories: Factories, role: str, agency: Agency, **kw: str) -> User:
    user = factories.user(role, agency=agency, **kw)
    db.commit()
    return user


# --- signing in and out ------------------------------------------------------------------


def test_login_page_is_vietnamese_with_labelled_fields(client: TestClient) -> None:
    response = client.get("/login")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="vi">' in html
    assert "Đăng nhập" in html
    assert '<label for="f-username">' in html and 'id="f-username"' in html
    assert '<label for="f-password">' in html and 'id="f-password"' in html
    assert 'href="#main"' in html and '<main id="main"' in html
    assert 'name="csrf_token"' in html


def test_successful_login_sets_a_hardened_session_cookie(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    user = _user(db, factories, Role.ANALYST, office)
    response = login(client, user.username, PASSWORD, next="/admin/../")
    assert response.status_code == 303
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith("cg_session="))
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "SameSite=Lax" in cookie
    assert "Secure" not in cookie
    assert "strict-transport-security" not in response.headers
    assert response.headers["location"].startswith("/")
    home = client.get("/")
    assert home.status_code == 200
    assert user.full_name in home.text
    assert audit_actions(db, "auth.login")


def test_session_cookie_is_secure_when_configured(
    settings: Settings, test_session_factory, db: Session, factories: Factories, office: Agency
) -> None:
    from canhgiac.web.app import create_app

    user = _user(db, factories, Role.ANALYST, office)
    app = create_app(
        settings.model_copy(update={"cookie_secure": True}), session_factory=test_session_factory
    )
    client = TestClient(app, base_url="https://testserver", follow_redirects=False)
    response = login(client, user.username, PASSWORD)
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith("cg_session="))
    assert "Secure" in cookie
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_wrong_password_is_refused_and_audited(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    user = _user(db, factories, Role.ANALYST, office)
    response = login(client, user.username, "not-the-password")
    assert response.status_code == 401
    assert "Sai tên đăng nhập hoặc mật khẩu" in response.text
    assert "cg_session" not in response.cookies
    failed = audit_actions(db, "auth.login_failed")
    assert failed and failed[-1].entity_id == str(user.id)
    # Unknown users get exactly the same answer (no username probing).
    unknown = login(client, "khong-ton-tai", "whatever-password")
    assert unknown.status_code == 401
    assert "Sai tên đăng nhập hoặc mật khẩu" in unknown.text


def test_lockout_after_repeated_failures(
    client: TestClient, db: Session, factories: Factories, office: Agency, settings: Settings
) -> None:
    user = _user(db, factories, Role.ANALYST, office)
    for _ in range(settings.login_max_failures):
        assert login(client, user.username, "wrong-password-x").status_code == 401
    # Now even the right password is refused, with a message that says why.
    response = login(client, user.username, PASSWORD)
    assert response.status_code == 401
    assert "tạm khóa" in response.text
    assert audit_actions(db, "auth.account_locked")
    assert audit_actions(db, "auth.login_refused_locked")


def test_pages_need_a_session(client: TestClient) -> None:
    response = client.get("/admin/users?agency=1")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fadmin%2Fusers%3Fagency%3D1"


def test_logout_ends_the_session(
    client_factory: ClientFactory, db: Session, factories: Factories, office: Agency
) -> None:
    user = _user(db, factories, Role.VIEWER, office)
    client = client_factory(user)
    token = csrf_from(client.get("/").text)
    stolen_cookie = client.cookies.get("cg_session")
    response = client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert "Bạn đã đăng xuất" in client.get("/login").text
    assert client.get("/").status_code == 303
    # The old cookie is dead on the server too.
    replay = TestClient(client.app, follow_redirects=False, cookies={"cg_session": stolen_cookie})
    assert replay.get("/").status_code == 303
    assert audit_actions(db, "auth.logout")


def test_open_redirect_is_refused(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    user = _user(db, factories, Role.ANALYST, office)
    response = login(client, user.username, PASSWORD, next="//evil.example/")
    assert response.headers["location"] == "/"


# --- dashboard and navigation ------------------------------------------------------------


def test_dashboard_nav_shows_admin_areas_only_to_admins(
    client_factory: ClientFactory, db: Session, factories: Factories, office: Agency
) -> None:
    admin = client_factory(_user(db, factories, Role.ADMIN, office))
    analyst = client_factory(_user(db, factories, Role.ANALYST, office))
    admin_html = admin.get("/").text
    analyst_html = analyst.get("/").text
    assert 'href="/admin/users"' in admin_html and "Nhật ký kiểm toán" in admin_html
    assert 'href="/admin/users"' not in analyst_html
    assert 'aria-label="Điều hướng chính"' in analyst_html


# --- language ----------------------------------------------------------------------------


def test_language_switch_for_anonymous_visitors(client: TestClient) -> None:
    token = csrf_from(client.get("/login").text)
    response = client.post("/lang", data={"locale": "en", "next": "/login", "csrf_token": token})
    assert response.status_code == 303 and response.headers["location"] == "/login"
    english = client.get("/login").text
    assert '<html lang="en">' in english and "Sign in" in english
    token = csrf_from(english)
    client.post("/lang", data={"locale": "vi", "next": "/login", "csrf_token": token})
    assert "Đăng nhập" in client.get("/login").text


def test_language_preference_is_stored_for_the_user(
    client_factory: ClientFactory, db: Session, factories: Factories, office: Agency
) -> None:
    user = _user(db, factories, Role.ANALYST, office)
    client = client_factory(user)
    token = csrf_from(client.get("/").text)
    client.post("/lang", data={"locale": "en", "next": "/", "csrf_token": token})
    assert "Hello," in client.get("/").text
    db.expire_all()
    assert db.get(User, user.id).locale == "en"
    # A new browser without the cookie follows the stored preference after sign-in.
    fresh = client_factory(user)
    assert '<html lang="en">' in fresh.get("/").text


# --- administration: agencies ------------------------------------------------------------


def test_system_admin_creates_and_edits_an_agency(
    client_factory: ClientFactory, db: Session, factories: Factories, office: Agency
) -> None:
    client = client_factory(_user(db, factories, Role.ADMIN, office))
    response = post_form(
        client,
        "/admin/agencies/new",
        "/admin/agencies/new",
        {
            "code": "xa-moi",
            "name": "UBND xã Mới",
            "kind": "commune",
            "network_ranges": "10.9.0.0/24\n10.9.1.7",
            "contact_email": "xa@example.vn",
        },
    )
    assert response.status_code == 303, response.text
    listing = client.get("/admin/agencies").text
    assert "UBND xã Mới" in listing and "Đã tạo cơ quan xa-moi" in listing
    agency = db.scalar(select(Agency).where(Agency.code == "xa-moi"))
    assert agency is not None and agency.network_ranges == "10.9.0.0/24\n10.9.1.7/32"
    edit_url = f"/admin/agencies/{agency.id}/edit"
    response = post_form(
        client,
        edit_url,
        edit_url,
        {
            "name": "UBND xã Mới (sửa)",
            "kind": "commune",
            "network_ranges": "khong-phai-ip",
            "contact_email": "",
            "is_active": "1",
        },
    )
    assert response.status_code == 422
    assert "Dải mạng thứ 1 không hợp lệ" in response.text
    assert 'aria-invalid="true"' in response.text
    db.expire_all()
    assert db.get(Agency, agency.id).name == "UBND xã Mới"  # nothing half-saved


def test_agency_admin_sees_and_edits_only_their_agency(
    client_factory: ClientFactory,
    db: Session,
    factories: Factories,
    office: Agency,
    police: Agency,
) -> None:
    client = client_factory(_user(db, factories, Role.ADMIN, police))
    listing = client.get("/admin/agencies").text
    assert police.name in listing and office.name not in listing
    assert client.get(f"/admin/agencies/{police.id}/edit").status_code == 200
    assert client.get("/admin/agencies/new").status_code == 403


def test_officer_reaching_another_agencys_admin_page_is_refused_and_audited(
    client_factory: ClientFactory,
    db: Session,
    factories: Factories,
    office: Agency,
    police: Agency,
) -> None:
    officer = _user(db, factories, Role.OFFICER, police)
    client = client_factory(officer)
    response = client.get(f"/admin/agencies/{office.id}/edit")
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.text
    assert "ghi nhật ký" in response.text
    denied = audit_actions(db, "access.denied")
    assert denied[-1].actor == officer.username
    assert f"/admin/agencies/{office.id}/edit" in (denied[-1].detail or "")


def test_admin_of_one_agency_cannot_administer_another(
    client_factory: ClientFactory,
    db: Session,
    factories: Factories,
    office: Agency,
    police: Agency,
) -> None:
    police_admin = _user(db, factories, Role.ADMIN, police)
    office_user = _user(db, factories, Role.ANALYST, office)
    client = client_factory(police_admin)
    assert client.get(f"/admin/agencies/{office.id}/edit").status_code == 403
    assert client.get(f"/admin/users/{office_user.id}/edit").status_code == 403
    token = csrf_from(client.get("/admin/users").text)
    response = client.post(f"/admin/users/{office_user.id}/disable", data={"csrf_token": token})
    assert response.status_code == 403
    db.expire_all()
    assert db.get(User, office_user.id).is_active
    assert len(audit_actions(db, "access.denied")) >= 3


def test_viewer_cannot_change_anything(
    client_factory: ClientFactory, db: Session, factories: Factories, office: Agency
) -> None:
    viewer = _user(db, factories, Role.VIEWER, office)
    client = client_factory(viewer)
    token = csrf_from(client.get("/").text)
    assert client.get("/admin/users").status_code == 403
    response = client.post(
        "/admin/users/new",
        data={
            "csrf_token": token,
            "agency": str(office.id),
            "username": "moi-tao",
            "full_name": "Người Mới",
            "role": "admin",
            "password": "mat-khau-dai-1",
        },
    )
    assert response.status_code == 403
    assert db.scalar(select(User).where(User.username == "moi-tao")) is None
    response = client.post(
        f"/admin/agencies/{office.id}/edit",
        data={
            "csrf_token": token,
            "name": "Đổi tên",
            "network_ranges": "",
        },
    )
    assert response.status_code == 403
    denied = audit_actions(db, "access.denied")
    assert [e.actor for e in denied[-2:]] == [viewer.username, viewer.username]


# --- administration: users ---------------------------------------------------------------


def test_admin_manages_users(
    client_factory: ClientFactory, db: Session, factories: Factories, police: Agency
) -> None:
    admin = _user(db, factories, Role.ADMIN, police)
    client = client_factory(admin)
    response = post_form(
        client,
        "/admin/users/new",
        "/admin/users/new",
        {
            "agency": str(police.id),
            "username": "canbo.moi",
            "full_name": "Trần Văn Mới",
            "email": "",
            "role": "officer",
            "password": "mot-mat-khau-dai",
        },
    )
    assert response.status_code == 303, response.text
    created = db.scalar(select(User).where(User.username == "canbo.moi"))
    assert created is not None and created.role == "officer"
    edit = f"/admin/users/{created.id}/edit"
    assert (
        post_form(
            client,
            edit,
            edit,
            {
                "full_name": "Trần Văn Mới",
                "email": "moi@example.vn",
                "role": "analyst",
            },
        ).status_code
        == 303
    )
    assert post_form(client, edit, f"/admin/users/{created.id}/disable", {}).status_code == 303
    db.expire_all()
    assert db.get(User, created.id).role == "analyst"
    assert not db.get(User, created.id).is_active
    assert post_form(client, edit, f"/admin/users/{created.id}/enable", {}).status_code == 303
    reset = post_form(client, edit, f"/admin/users/{created.id}/reset-password", {})
    assert reset.status_code == 200
    assert reset.headers["cache-control"] == "no-store"
    new_password = reset.text.split('id="secret" class="secret" type="text" value="')[1].split('"')[
        0
    ]
    other = client_factory()
    assert login(other, "canbo.moi", new_password).status_code == 303
    assert audit_actions(db, "users.password_reset")
    # The password itself is in no audit entry.
    assert all(
        new_password not in json.dumps(e.after or {}) for e in audit_actions(db, "users.update")
    )


def test_duplicate_username_is_reported_on_the_field(
    client_factory: ClientFactory, db: Session, factories: Factories, police: Agency
) -> None:
    admin = _user(db, factories, Role.ADMIN, police)
    client = client_factory(admin)
    response = post_form(
        client,
        "/admin/users/new",
        "/admin/users/new",
        {
            "agency": str(police.id),
            "username": admin.username,
            "full_name": "Trùng Tên",
            "email": "",
            "role": "officer",
            "password": "mot-mat-khau-dai",
        },
    )
    assert response.status_code == 409
    assert 'id="f-username-error"' in response.text


def test_admin_cannot_disable_themselves(
    client_factory: ClientFactory, db: Session, factories: Factories, police: Agency
) -> None:
    admin = _user(db, factories, Role.ADMIN, police)
    client = client_factory(admin)
    edit = f"/admin/users/{admin.id}/edit"
    response = post_form(client, edit, f"/admin/users/{admin.id}/disable", {})
    assert response.status_code == 303
    assert "không thể tự vô hiệu hóa" in client.get(edit).text
    db.expire_all()
    assert db.get(User, admin.id).is_active


# --- administration: machine tokens ------------------------------------------------------


def test_admin_creates_and_revokes_a_machine_token(
    client_factory: ClientFactory,
    db: Session,
    factories: Factories,
    office: Agency,
    test_session_factory,
) -> None:
    client = client_factory(_user(db, factories, Role.ADMIN, office))
    response = post_form(
        client,
        "/admin/tokens/new",
        "/admin/tokens/new",
        {
            "agency": str(office.id),
            "name": "VNPT RPZ",
            "scopes": ["blocklists:read"],
            "expires_on": "",
        },
    )
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    secret = response.text.split('class="secret" type="text" value="')[1].split('"')[0]
    assert secret.startswith("cg_")
    listing = client.get("/admin/tokens").text
    assert "VNPT RPZ" in listing and secret not in listing
    token = db.scalar(select(ApiToken).where(ApiToken.name == "VNPT RPZ"))
    assert token is not None and token.scopes == ["blocklists:read"]
    assert (
        post_form(client, "/admin/tokens", f"/admin/tokens/{token.id}/revoke", {}).status_code
        == 303
    )
    with test_session_factory() as session, pytest.raises(Exception, match="thu hồi"):
        authenticate_token(session, secret)


def test_token_form_reports_missing_scopes_and_bad_dates(
    client_factory: ClientFactory, db: Session, factories: Factories, office: Agency
) -> None:
    client = client_factory(_user(db, factories, Role.ADMIN, office))
    response = post_form(
        client,
        "/admin/tokens/new",
        "/admin/tokens/new",
        {
            "agency": str(office.id),
            "name": "Cảm biến",
            "expires_on": "31/02/2030",
        },
    )
    assert response.status_code == 422 and 'id="f-expires_on-error"' in response.text
    response = post_form(
        client,
        "/admin/tokens/new",
        "/admin/tokens/new",
        {
            "agency": str(office.id),
            "name": "Cảm biến",
            "expires_on": "31/12/2030",
        },
    )
    assert response.status_code == 422 and 'id="f-scopes-error"' in response.text


# --- audit log ---------------------------------------------------------------------------


def test_audit_log_browse_filter_and_export(
    client_factory: ClientFactory, db: Session, factories: Factories, office: Agency
) -> None:
    admin = _user(db, factories, Role.ADMIN, office)
    client = client_factory(admin)
    post_form(
        client,
        "/admin/agencies/new",
        "/admin/agencies/new",
        {
            "code": "=cmd",
            "name": '=HYPERLINK("x")',
            "kind": "other",
            "network_ranges": "",
        },
    )  # refused: invalid code
    post_form(
        client,
        "/admin/agencies/new",
        "/admin/agencies/new",
        {
            "code": "xa-kiem-tra",
            "name": '=HYPERLINK("x")',
            "kind": "other",
            "network_ranges": "",
        },
    )
    page = client.get("/admin/audit", params={"action": "agencies.", "actor": admin.username})
    assert page.status_code == 200
    assert "agencies.create" in page.text and "auth.login" not in page.text
    bad = client.get("/admin/audit", params={"date_from": "hôm qua"})
    assert bad.status_code == 422 and 'id="f-date_from-error"' in bad.text
    export = client.get("/admin/audit/export", params={"format": "csv", "action": "agencies."})
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text.lstrip("\ufeff"))))
    assert rows and rows[0]["action"] == "agencies.create"
    assert rows[0]["after"].startswith("{")  # JSON objects never start with a formula sign
    jsonl = client.get("/admin/audit/export", params={"format": "jsonl", "action": "agencies."})
    first = json.loads(jsonl.text.splitlines()[0])
    assert first["action"] == "agencies.create" and first["after"]["name"].startswith("=HYPERLINK")
    assert audit_actions(db, "audit.export")


def test_audit_log_of_an_agency_admin_is_limited_to_their_agency(
    client_factory: ClientFactory,
    db: Session,
    factories: Factories,
    office: Agency,
    police: Agency,
) -> None:
    office_admin = _user(db, factories, Role.ADMIN, office)
    police_admin = _user(db, factories, Role.ADMIN, police)
    client_factory(office_admin)  # its sign-in is an office event
    client = client_factory(police_admin)
    page = client.get("/admin/audit", params={"action": "auth.login"}).text
    assert police_admin.username in page and office_admin.username not in page
    assert client.get("/admin/audit", params={"agency": office.id}).status_code == 403


def test_csv_cells_that_look_like_formulas_are_neutralised() -> None:
    from canhgiac.accounts.audit_export import _cell

    assert _cell("=1+1") == "'=1+1"
    assert _cell("@SUM(A1)") == "'@SUM(A1)"
    assert _cell("bình thường") == "bình thường"
    assert _cell(None) == ""
