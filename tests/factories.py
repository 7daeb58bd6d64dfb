"""Factories for test records, going through the real services."""

from __future__ import annotations

import itertools

from sqlalchemy.orm import Session

from canhgiac.accounts.agencies import create_agency
from canhgiac.accounts.models import Agency, User
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.accounts.users import create_user

PASSWORD = "correct-horse-battery"
_seq = itertools.count(1)


class Factories:
    def __init__(self, session: Session) -> None:
        self.session = session

    def agency(self, kind: str = AgencyKind.PROVINCIAL_ICT, **kw: str) -> Agency:
        n = next(_seq)
        return create_agency(
            self.session,
            code=kw.pop("code", f"agency-{n}"),
            name=kw.pop("name", f"Cơ quan thử {n}"),
            kind=kind,
            **kw,
        )

    def user(
        self,
        role: str = Role.ANALYST,
        agency: Agency | None = None,
        password: str = PASSWORD,
        **kw: str,
    ) -> User:
        n = next(_seq)
        return create_user(
            self.session,
            agency=agency or self.agency(),
            username=kw.pop("username", f"user{n}"),
            full_name=kw.pop("full_name", f"Nguyễn Văn {n}"),
            role=role,
            password=password,
            **kw,
        )
