"""The navigation registry shows areas that exist and that the user may open."""

from __future__ import annotations

import pytest

from canhgiac.accounts.principal import Principal
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.web import nav


def _principal(role: Role) -> Principal:
    return Principal(
        name="u", agency_id=1, agency_kind=AgencyKind.PROVINCIAL_ICT, user_id=1, role=role
    )


def test_areas_are_filtered_by_existing_pages_and_visibility(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(nav, "_AREAS", dict(nav._AREAS))
    nav.register_area(nav.NavArea("test-cases", "Cases", "/test-cases", order=50))
    nav.register_area(
        nav.NavArea(
            "test-secret",
            "Secret",
            "/test-secret",
            order=60,
            visible=lambda p: p.role == Role.ADMIN,
        )
    )
    paths = {"/", "/test-cases", "/test-secret"}
    analyst = [a.key for a in nav.areas_for(_principal(Role.ANALYST), paths)]
    admin = [a.key for a in nav.areas_for(_principal(Role.ADMIN), paths)]
    assert "test-cases" in analyst and "test-secret" not in analyst
    assert "test-secret" in admin
    # An area whose page is not mounted in this application is not shown.
    assert "test-cases" not in [a.key for a in nav.areas_for(_principal(Role.ADMIN), {"/"})]
    assert nav.areas_for(None, paths) == []
