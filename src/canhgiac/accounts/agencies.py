"""Agency services."""

from __future__ import annotations

import ipaddress
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from canhgiac.accounts.models import Agency
from canhgiac.accounts.roles import AgencyKind
from canhgiac.errors import Conflict, NotFound, ValidationFailed

_CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{1,63}$")


def _check_kind(kind: str) -> str:
    try:
        return AgencyKind(kind).value
    except ValueError:
        allowed = ", ".join(k.value for k in AgencyKind)
        raise ValidationFailed(
            f"Loại cơ quan không hợp lệ: {kind!r}; chọn một trong {allowed} / "
            f"unknown agency kind {kind!r}; use one of {allowed}",
            field="kind",
        ) from None


def parse_network_ranges(text: str) -> list[str]:
    """One CIDR or address per line (commas also accepted); returns canonical networks."""
    out: list[str] = []
    for n, piece in enumerate(re.split(r"[\s,]+", text.strip()), start=1):
        if not piece:
            continue
        try:
            out.append(str(ipaddress.ip_network(piece, strict=False)))
        except ValueError:
            raise ValidationFailed(
                f"Dải mạng thứ {n} không hợp lệ: {piece!r} / network range {n} is invalid",
                field="network_ranges",
            ) from None
    return out


def create_agency(
    session: Session,
    *,
    code: str,
    name: str,
    kind: str,
    network_ranges: str = "",
    contact_email: str | None = None,
) -> Agency:
    code = code.strip().lower()
    if not _CODE_RE.match(code):
        raise ValidationFailed(
            "Mã cơ quan chỉ gồm chữ thường, số, '-' và '_' (2–64 ký tự) / "
            "agency code must be 2–64 lower-case letters, digits, '-' or '_'",
            field="code",
        )
    if not name.strip():
        raise ValidationFailed("Tên cơ quan không được để trống / name is required", field="name")
    if session.scalar(select(Agency.id).where(Agency.code == code)) is not None:
        raise Conflict(f"Đã có cơ quan mã {code} / agency {code} already exists", field="code")
    agency = Agency(
        code=code,
        name=name.strip(),
        kind=_check_kind(kind),
        network_ranges="\n".join(parse_network_ranges(network_ranges)),
        contact_email=(contact_email or "").strip() or None,
    )
    session.add(agency)
    session.flush()
    return agency


def update_agency(
    session: Session,
    agency: Agency,
    *,
    name: str | None = None,
    kind: str | None = None,
    network_ranges: str | None = None,
    contact_email: str | None = None,
    is_active: bool | None = None,
) -> Agency:
    if name is not None:
        if not name.strip():
            raise ValidationFailed(
                "Tên cơ quan không được để trống / name is required", field="name"
            )
        agency.name = name.strip()
    if kind is not None:
        agency.kind = _check_kind(kind)
    if network_ranges is not None:
        agency.network_ranges = "\n".join(parse_network_ranges(network_ranges))
    if contact_email is not None:
        agency.contact_email = contact_email.strip() or None
    if is_active is not None:
        agency.is_active = is_active
    session.flush()
    return agency


def get_agency(session: Session, ident: int | str) -> Agency:
    if isinstance(ident, int) or (isinstance(ident, str) and ident.isdigit()):
        agency = session.get(Agency, int(ident))
    else:
        agency = session.scalar(select(Agency).where(Agency.code == ident))
    if agency is None:
        raise NotFound(f"Không tìm thấy cơ quan {ident} / agency {ident} not found", field="agency")
    return agency


def list_agencies(session: Session) -> list[Agency]:
    return list(session.scalars(select(Agency).order_by(Agency.name)))
