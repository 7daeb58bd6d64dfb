"""Certificate facts from the DER bytes the handshake returned (verified or not)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from cryptography import x509

MAX_SANS = 200


@dataclass(frozen=True)
class CertificateFacts:
    subject: str
    issuer: str
    sans: tuple[str, ...]
    not_before: str  # ISO 8601, UTC
    not_after: str
    serial: str
    self_signed: bool
    verified: bool  # chain and name verified against the system trust store
    tls_version: str | None
    cipher: str | None
    verify_error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sans"] = list(self.sans)
        return data


def certificate_facts(
    der: bytes,
    *,
    verified: bool,
    tls_version: str | None,
    cipher: str | None,
    verify_error: str | None = None,
) -> CertificateFacts | None:
    """Parse ``der``; None when the bytes are not a certificate we can read."""
    try:
        cert = x509.load_der_x509_certificate(der)
        sans: list[str] = []
        try:
            ext = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
            sans = [str(v) for v in ext.value.get_values_for_type(x509.DNSName)]
            sans += [str(v) for v in ext.value.get_values_for_type(x509.IPAddress)]
        except x509.ExtensionNotFound:
            pass
        return CertificateFacts(
            subject=cert.subject.rfc4514_string(),
            issuer=cert.issuer.rfc4514_string(),
            sans=tuple(sans[:MAX_SANS]),
            not_before=cert.not_valid_before_utc.isoformat(),
            not_after=cert.not_valid_after_utc.isoformat(),
            serial=format(cert.serial_number, "x"),
            self_signed=cert.subject == cert.issuer,
            verified=verified,
            tls_version=tls_version,
            cipher=cipher,
            verify_error=verify_error,
        )
    except (ValueError, TypeError):
        return None
