"""Who sees and triages which alerts: the provincial office sees every agency's; an agency
sees its own; viewers only read."""

from __future__ import annotations

from canhgiac.accounts.principal import Principal
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.errors import PermissionDenied
from canhgiac.monitoring.models import Alert


def sees_all(principal: Principal) -> bool:
    return principal.agency_kind == AgencyKind.PROVINCIAL_ICT and principal.role is not None


def visible_agency_filter(principal: Principal) -> int | None:
    """None = every agency; otherwise only this agency's alerts."""
    if principal.role is None:
        raise PermissionDenied("Mã máy không xem được cảnh báo / machine tokens cannot read alerts")
    return None if sees_all(principal) else principal.agency_id


def require_can_see(principal: Principal, alert: Alert) -> None:
    if not sees_all(principal) and alert.agency_id != principal.agency_id:
        raise PermissionDenied("Cảnh báo của cơ quan khác / this alert belongs to another agency")


def require_can_triage(principal: Principal, alert: Alert) -> None:
    require_can_see(principal, alert)
    if principal.role not in (Role.ADMIN, Role.ANALYST, Role.OFFICER):
        raise PermissionDenied("Bạn chỉ có quyền xem / you may only read")
