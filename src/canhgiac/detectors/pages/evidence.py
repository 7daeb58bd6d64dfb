"""Content-addressed evidence: every capture stored once, under its SHA-256.

Layout: ``<var_dir>/evidence/<first two hex>/<sha256>``. Writing is atomic (temporary file,
then rename), so a reader never sees half a capture and concurrent writers of the same bytes
are harmless.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from canhgiac.errors import NotFound, ValidationFailed

MAX_EVIDENCE_BYTES = 16 * 1024 * 1024
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Evidence:
    sha256: str
    size: int
    path: Path
    created: bool  # False when the same bytes were already stored


@dataclass(frozen=True)
class EvidenceStore:
    root: Path
    max_bytes: int = MAX_EVIDENCE_BYTES

    @classmethod
    def under(cls, var_dir: Path) -> EvidenceStore:
        return cls(Path(var_dir) / "evidence")

    def path_for(self, sha256: str) -> Path:
        if not _SHA_RE.fullmatch(sha256):
            raise ValidationFailed("Mã băm không hợp lệ / invalid SHA-256", field="sha256")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> Evidence:
        if len(data) > self.max_bytes:
            raise ValidationFailed(
                f"Bằng chứng lớn hơn {self.max_bytes} byte / evidence too large", field="evidence"
            )
        digest = hashlib.sha256(data).hexdigest()
        path = self.path_for(digest)
        if path.exists():
            return Evidence(digest, len(data), path, created=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return Evidence(digest, len(data), path, created=True)

    def get(self, sha256: str) -> bytes:
        path = self.path_for(sha256)
        try:
            return path.read_bytes()
        except FileNotFoundError as exc:
            raise NotFound(f"Không có bằng chứng {sha256} / no such evidence") from exc
