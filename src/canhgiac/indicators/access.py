"""Who may read and change indicators, feeds, the allow-list and disputes.

Every signed-in user reads indicators; analysts and administrators change them. Machine
tokens read with ``indicators:read`` and write with ``indicators:write``. Disputes carry a
member of the public's words and contact, so only analysts and administrators handle them.
"""

from __future__ import annotations

from canhgiac.accounts.principal import Principal, require_analyst, require_scope
from canhgiac.accounts.roles import ANALYST_ROLES, Scope


def can_edit(principal: Principal) -> bool:
    if principal.role is None:
        return Scope.INDICATORS_WRITE.value in principal.scopes
    return principal.role in ANALYST_ROLES


def require_reader(principal: Principal) -> None:
    require_scope(principal, Scope.INDICATORS_READ.value)


def require_editor(principal: Principal) -> None:
    if principal.role is None:
        require_scope(principal, Scope.INDICATORS_WRITE.value)
    else:
        require_analyst(principal)


def require_dispute_handler(principal: Principal) -> None:
    """Users only (never a machine token), and only analysts and administrators."""
    require_analyst(principal)


def analyst_source(principal: Principal) -> str:
    """Provenance of a record added by hand: ``analyst:<username>``, or the machine token's
    own name (already ``token:<name>``)."""
    if principal.role is None:
        return principal.name[:128]
    return f"analyst:{principal.name}"[:128]
