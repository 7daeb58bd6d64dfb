"""Who is calling (a user or a machine token) and what they may do."""

from __future__ import annotations

from dataclasses import dataclass, field

from canhgiac.accounts.audit import Actor
from canhgiac.accounts.models import User
from canhgiac.accounts.roles import ANALYST_ROLES, WRITER_ROLES, AgencyKind, Role
from canhgiac.errors import PermissionDenied


@dataclass(frozen=True)
class Principal:
    name: str
    agency_id: int
    agency_kind: str
    user_id: int | None = None
    role: Role | None = None  # None for machine tokens
    scopes: frozenset[str] = field(default_factory=frozenset)
    token_id: int | None = None

    @classmethod
    def of_user(cls, user: User) -> Principal:
        return cls(
            name=user.username,
            agency_id=user.agency_id,
            agency_kind=user.agency.kind,
            user_id=user.id,
            role=Role(user.role),
        )

    @property
    def is_system_admin(self) -> bool:
        """Admins of the operating office (Sở TT&TT) administer every agency."""
        return self.role == Role.ADMIN and self.agency_kind == AgencyKind.PROVINCIAL_ICT

    def actor(self, ip: str | None = None) -> Actor:
        return Actor(name=self.name, user_id=self.user_id, agency_id=self.agency_id, ip=ip)

    def can_admin_agency(self, agency_id: int) -> bool:
        return self.is_system_admin or (self.role == Role.ADMIN and self.agency_id == agency_id)


def require_role(principal: Principal, roles: frozenset[Role] | set[Role]) -> None:
    if principal.role not in roles:
        raise PermissionDenied(
            "Bạn không có quyền thực hiện thao tác này / you are not allowed to do this"
        )


def require_writer(principal: Principal) -> None:
    require_role(principal, WRITER_ROLES)


def require_analyst(principal: Principal) -> None:
    require_role(principal, ANALYST_ROLES)


def require_system_admin(principal: Principal) -> None:
    if not principal.is_system_admin:
        raise PermissionDenied(
            "Chỉ quản trị viên của Sở TT&TT được làm việc này / "
            "only administrators of the provincial office may do this"
        )


def require_agency_admin(principal: Principal, agency_id: int) -> None:
    if not principal.can_admin_agency(agency_id):
        raise PermissionDenied("Bạn không quản trị cơ quan này / you do not administer this agency")


def require_scope(principal: Principal, scope: str) -> None:
    if principal.role is None and scope not in principal.scopes:
        raise PermissionDenied(f"Mã truy cập thiếu quyền {scope} / token lacks scope {scope}")
