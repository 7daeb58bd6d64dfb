"""Agency kinds, user roles and what each role may do."""

from __future__ import annotations

from enum import StrEnum


class AgencyKind(StrEnum):
    PROVINCIAL_ICT = "provincial_ict"  # Sở TT&TT — operates the platform
    PROVINCIAL_POLICE = "provincial_police"
    MARKET_SURVEILLANCE = "market_surveillance"
    CUSTOMS = "customs"
    STATE_BANK = "state_bank"
    BANK = "bank"
    TELCO = "telco"
    ISP = "isp"
    REGISTRAR = "registrar"
    COMMUNE = "commune"
    PRESS = "press"
    OTHER = "other"


AGENCY_KIND_LABELS: dict[AgencyKind, tuple[str, str]] = {
    AgencyKind.PROVINCIAL_ICT: (
        "Sở Thông tin và Truyền thông",
        "Dept. of Information & Communications",
    ),
    AgencyKind.PROVINCIAL_POLICE: ("Công an tỉnh", "Provincial police"),
    AgencyKind.MARKET_SURVEILLANCE: ("Quản lý thị trường", "Market surveillance"),
    AgencyKind.CUSTOMS: ("Hải quan", "Customs"),
    AgencyKind.STATE_BANK: ("Ngân hàng Nhà nước chi nhánh", "State Bank branch"),
    AgencyKind.BANK: ("Ngân hàng thương mại", "Commercial bank"),
    AgencyKind.TELCO: ("Doanh nghiệp viễn thông", "Telco"),
    AgencyKind.ISP: ("Nhà cung cấp dịch vụ Internet", "ISP"),
    AgencyKind.REGISTRAR: ("Nhà đăng ký tên miền", "Domain registrar"),
    AgencyKind.COMMUNE: ("UBND xã, phường", "Commune people's committee"),
    AgencyKind.PRESS: ("Cơ quan báo chí", "Press"),
    AgencyKind.OTHER: ("Khác", "Other"),
}


class Role(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    OFFICER = "officer"
    VIEWER = "viewer"


ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.ADMIN: ("Quản trị", "Administrator"),
    Role.ANALYST: ("Phân tích viên", "Analyst"),
    Role.OFFICER: ("Cán bộ xử lý", "Officer"),
    Role.VIEWER: ("Chỉ xem", "Viewer"),
}

# Roles that may change records at all; viewers only read.
WRITER_ROLES = frozenset({Role.ADMIN, Role.ANALYST, Role.OFFICER})
# Roles that triage and verify (indicators, reports, detector findings).
ANALYST_ROLES = frozenset({Role.ADMIN, Role.ANALYST})


class Scope(StrEnum):
    """Scopes of machine tokens (ISPs pull blocklists, sensors push logs)."""

    BLOCKLISTS_READ = "blocklists:read"
    MONITORING_WRITE = "monitoring:write"
    INDICATORS_READ = "indicators:read"
    INDICATORS_WRITE = "indicators:write"
    LOOKUP = "lookup"
    DETECT = "detect"  # telcos and partners classify messages and names
