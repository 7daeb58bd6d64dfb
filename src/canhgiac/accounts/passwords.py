"""Password hashing with argon2id (argon2-cffi's defaults follow RFC 9106)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from canhgiac.errors import ValidationFailed

_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 10
# Verified against when the user does not exist, so timing does not reveal usernames.
_DUMMY_HASH = _hasher.hash("canhgiac-timing-equaliser")


def use_fast_hashing_for_tests() -> None:
    """Cheap argon2 parameters: the test suite hashes hundreds of passwords."""
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    _DUMMY_HASH = _hasher.hash("canhgiac-timing-equaliser")


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự / "
            f"password must have at least {MIN_PASSWORD_LENGTH} characters",
            field="password",
        )
    if len(password) > 1024:
        raise ValidationFailed("Mật khẩu quá dài / password too long", field="password")
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password[:1024]) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False
