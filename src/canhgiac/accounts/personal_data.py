"""Encryption of personal data at rest (reporters' and disputants' contact details).

Fernet (AES-128-CBC + HMAC-SHA256) with a key derived by HKDF from CANHGIAC_DATA_KEY, or
from the secret key when no separate data key is configured. Decree 13/2023/NĐ-CP: reads
go through :func:`canhgiac.accounts.audit.record_personal_data_view`.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from canhgiac.errors import CanhgiacError
from canhgiac.settings import Settings


class PersonalDataCipher:
    def __init__(self, settings: Settings) -> None:
        material = (settings.data_key or settings.secret_key).get_secret_value().encode()
        key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=b"canhgiac-personal-data", info=b"fernet-v1"
        ).derive(material)
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise CanhgiacError(
                "Không giải mã được dữ liệu cá nhân (sai khóa?) / cannot decrypt personal data (wrong key?)"
            ) from None
