"""One settings object for the whole application.

Built in each entry point (web app factory, CLI callback, worker) and passed down; nothing
reads the environment at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SQLITE_PATH = Path("var/canhgiac.db")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CANHGIAC_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    database_url: str = Field(
        default=f"sqlite:///{DEFAULT_SQLITE_PATH}",
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user:pw@host/db",
    )
    secret_key: SecretStr = Field(
        default=SecretStr("dev-insecure-change-me"),
        description="Signs session cookies and CSRF tokens; set a long random value in production",
    )
    data_key: SecretStr | None = Field(
        default=None,
        description="Fernet key encrypting reporters' personal data; derived from secret_key if unset",
    )
    redis_url: str | None = Field(default=None, description="Redis URL for the job queue")
    huey_sqlite_path: Path = Field(default=Path("var/huey.db"))
    huey_immediate: bool = Field(default=False, description="Run jobs inline (tests, demos)")
    var_dir: Path = Field(default=Path("var"))
    default_locale: str = "vi"
    cookie_secure: bool = Field(
        default=False, description="Mark cookies Secure (set true behind HTTPS in production)"
    )
    session_max_age_seconds: int = 8 * 3600
    login_max_failures: int = Field(default=5, description="Failures before a temporary lock-out")
    login_lockout_seconds: int = 15 * 60
    api_token_ttl_seconds: int = 12 * 3600
    max_body_bytes: int = Field(default=10 * 1024 * 1024, description="Request body size limit")
    lookup_rate_per_minute: int = 60
    allow_private_fetch: bool = Field(
        default=False,
        description="Only for tests: let the page fetcher reach loopback/private addresses",
    )
    domain_model_path: Path | None = Field(
        default=None,
        description="Name model (.npz) from `canhgiac detect domains train`, used instead of "
        "the shipped one",
    )
    text_model_path: Path | None = Field(
        default=None,
        description="Message model (.npz) from `canhgiac detect text train`, used instead of "
        "the shipped one",
    )
    infrastructure_lookups: bool = Field(
        default=True, description="Look up RDAP and DNS facts of names (off: offline sites)"
    )
    rdap_base_url: str = Field(
        default="https://rdap.org",
        description="RDAP service; /domain/<name> is asked, redirects lead to the registry",
    )
    rdap_min_interval_seconds: float = Field(
        default=1.0, description="Pause between RDAP requests: registries throttle"
    )
    dns_nameservers: list[str] = Field(
        default_factory=list, description="DNS servers for look-ups (empty: the system's)"
    )
    dns_port: int = 53
    fetch_timeout_seconds: float = 10.0
    fetch_max_bytes: int = 2 * 1024 * 1024
    log_level: str = "INFO"

    @field_validator("database_url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("database_url phải là sqlite:/// hoặc postgresql+psycopg:// URL")
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def masked(self) -> dict[str, Any]:
        """Effective settings with secrets and passwords masked, for display."""
        out: dict[str, Any] = {}
        for name, value in self.model_dump().items():
            if isinstance(getattr(self, name), SecretStr):
                out[name] = "********" if value else None
            elif name in {"database_url", "redis_url"} and value:
                out[name] = _mask_url_password(str(value))
            else:
                out[name] = str(value) if isinstance(value, Path) else value
        return out


def _mask_url_password(url: str) -> str:
    """``postgresql+psycopg://user:secret@host/db`` → ``…://user:***@host/db``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc}"))


def get_settings(**overrides: Any) -> Settings:
    return Settings(**overrides)
