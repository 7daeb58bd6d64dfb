from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from canhgiac.accounts import agencies, auth, tokens, users
from canhgiac.accounts.audit import Actor, list_events, set_actor
from canhgiac.accounts.models import AuditEvent
from canhgiac.accounts.principal import Principal, require_agency_admin, require_writer
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.db.base import utcnow
from canhgiac.errors import AuthenticationFailed, Conflict, PermissionDenied, ValidationFailed
from tests.factories import PASSWORD

pytestmark = pytest.mark.db


def test_agency_validation_names_the_field(db):
    with pytest.raises(ValidationFailed) as err:
        agencies.create_agency(db, code="Bad Code!", name="X", kind="provincial_ict")
    assert err.value.field == "code"
    with pytest.raises(ValidationFailed) as err:
        agencies.create_agency(db, code="ok-code", name="X", kind="ministry-of-truth")
    assert err.value.field == "kind"
    with pytest.raises(ValidationFailed) as err:
        agencies.create_agency(
            db, code="ok-code", name="X", kind="other", network_ranges="10.0.0.0/8, 300.1.1.1"
        )
    assert err.value.field == "network_ranges"


def test_agency_networks_are_canonical_and_codes_unique(db):
    agency = agencies.create_agency(
        db, code="so-x", name="Sở X", kind="other", network_ranges="10.1.2.3/16\n2001:db8::1/32"
    )
    assert agency.network_ranges.split() == ["10.1.0.0/16", "2001:db8::/32"]
    with pytest.raises(Conflict):
        agencies.create_agency(db, code="so-x", name="Khác", kind="other")


def test_user_creation_rules(db, factories):
    agency = factories.agency()
    with pytest.raises(ValidationFailed) as err:
        users.create_user(
            db, agency=agency, username="ab", full_name="A", role="analyst", password=PASSWORD
        )
    assert err.value.field == "username"
    with pytest.raises(ValidationFailed) as err:
        users.create_user(
            db, agency=agency, username="abc", full_name="A", role="god", password=PASSWORD
        )
    assert err.value.field == "role"
    with pytest.raises(ValidationFailed) as err:
        users.create_user(
            db, agency=agency, username="abc", full_name="A", role="viewer", password="short"
        )
    assert err.value.field == "password"
    user = users.create_user(
        db, agency=agency, username="Thu.Nguyen", full_name="Thư", role="viewer", password=PASSWORD
    )
    assert user.username == "thu.nguyen"
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash


def test_login_success_failure_and_lockout(db, factories, settings):
    user = factories.user(username="lan")
    assert auth.authenticate(db, username="LAN", password=PASSWORD, settings=settings).id == user.id
    for _ in range(settings.login_max_failures):
        with pytest.raises(AuthenticationFailed, match="Sai tên đăng nhập"):
            auth.authenticate(db, username="lan", password="wrong-password", settings=settings)
    # Locked now: even the right password is refused, with a message that says so.
    with pytest.raises(AuthenticationFailed, match="tạm khóa"):
        auth.authenticate(db, username="lan", password=PASSWORD, settings=settings)
    actions = [e.action for e in list_events(db, entity_type="users", entity_id=str(user.id))]
    assert "auth.account_locked" in actions and "auth.login_refused_locked" in actions
    assert actions.count("auth.login_failed") == settings.login_max_failures
    # A password reset by an admin clears the lock.
    users.update_user(db, user, password="another-long-password")
    assert auth.authenticate(
        db, username="lan", password="another-long-password", settings=settings
    )


def test_unknown_user_and_disabled_user_get_the_same_refusal(db, factories, settings):
    user = factories.user(username="hoa")
    users.set_user_active(db, user, False)
    for name in ("hoa", "nobody"):
        with pytest.raises(AuthenticationFailed) as err:
            auth.authenticate(db, username=name, password=PASSWORD, settings=settings)
        assert err.value.message == auth.INVALID_CREDENTIALS


def test_web_sessions_end_on_logout_and_disable(db, factories, settings):
    user = factories.user()
    raw = auth.open_web_session(db, user=user, settings=settings)
    assert auth.resolve_web_session(db, raw).id == user.id
    auth.close_web_session(db, raw)
    assert auth.resolve_web_session(db, raw) is None
    raw = auth.open_web_session(db, user=user, settings=settings)
    users.set_user_active(db, user, False)
    assert auth.resolve_web_session(db, raw) is None


def test_tokens_expire_revoke_and_scope(db, factories):
    agency = factories.agency(kind=AgencyKind.ISP)
    issued = tokens.create_machine_token(
        db, agency=agency, name="VNPT RPZ", scopes=["blocklists:read"]
    )
    assert issued.secret.startswith("cg_") and issued.token.token_hash != issued.secret
    principal = tokens.authenticate_token(db, issued.secret)
    assert principal.role is None and principal.scopes == {"blocklists:read"}
    tokens.revoke_token(db, issued.token)
    with pytest.raises(AuthenticationFailed, match="thu hồi"):
        tokens.authenticate_token(db, issued.secret)
    user = factories.user()
    expired = tokens.issue_user_token(db, user=user, ttl_seconds=60)
    expired.token.expires_at = utcnow() - timedelta(seconds=1)
    db.flush()
    with pytest.raises(AuthenticationFailed, match="hết hạn"):
        tokens.authenticate_token(db, expired.secret)
    with pytest.raises(AuthenticationFailed):
        tokens.authenticate_token(db, "cg_not-a-real-token")
    refused = list_events(db, action="auth.token_refused")
    assert {e.detail for e in refused} >= {"revoked", "expired", "unknown"}
    with pytest.raises(ValidationFailed) as err:
        tokens.create_machine_token(db, agency=agency, name="x", scopes=["root"])
    assert err.value.field == "scopes"


def test_permissions(factories):
    office = factories.agency(kind=AgencyKind.PROVINCIAL_ICT)
    police = factories.agency(kind=AgencyKind.PROVINCIAL_POLICE)
    sysadmin = Principal.of_user(factories.user(role=Role.ADMIN, agency=office))
    police_admin = Principal.of_user(factories.user(role=Role.ADMIN, agency=police))
    viewer = Principal.of_user(factories.user(role=Role.VIEWER, agency=office))
    assert sysadmin.is_system_admin and not police_admin.is_system_admin
    require_agency_admin(sysadmin, police.id)
    require_agency_admin(police_admin, police.id)
    with pytest.raises(PermissionDenied):
        require_agency_admin(police_admin, office.id)
    with pytest.raises(PermissionDenied):
        require_writer(viewer)


def test_every_change_is_audited_with_before_and_after(db, factories):
    set_actor(db, Actor(name="tester", ip="203.0.113.9"))
    user = factories.user(full_name="Trần Văn A")
    users.update_user(db, user, full_name="Trần Văn B", role="officer")
    ev = list_events(db, action="users.update", entity_id=str(user.id))[0]
    assert ev.actor == "tester" and ev.ip == "203.0.113.9"
    assert ev.before == {"full_name": "Trần Văn A", "role": "analyst"}
    assert ev.after == {"full_name": "Trần Văn B", "role": "officer"}
    created = list_events(db, action="users.create", entity_id=str(user.id))[0]
    assert created.after["password_hash"] == "***"


def test_audit_log_is_append_only_in_the_database(db, factories):
    factories.agency()
    db.flush()
    event_id = db.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    for statement in (
        "UPDATE audit_events SET actor = 'x' WHERE id = :id",
        "DELETE FROM audit_events WHERE id = :id",
    ):
        nested = db.begin_nested()
        with pytest.raises(DBAPIError, match="append-only"):
            db.execute(text(statement), {"id": event_id})
        nested.rollback()
