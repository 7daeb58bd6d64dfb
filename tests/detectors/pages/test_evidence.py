import hashlib

import pytest

from canhgiac.detectors.pages.evidence import EvidenceStore
from canhgiac.errors import NotFound, ValidationFailed


def test_content_addressed_and_stored_once(tmp_path):
    store = EvidenceStore.under(tmp_path)
    data = b"<html>bang chung</html>"
    digest = hashlib.sha256(data).hexdigest()
    first = store.put(data)
    second = store.put(data)
    assert first.created and not second.created
    assert first.path == tmp_path / "evidence" / digest[:2] / digest
    assert store.get(digest) == data
    assert len(list((tmp_path / "evidence").rglob("*"))) == 2  # one folder, one file


def test_limits_and_bad_hashes(tmp_path):
    store = EvidenceStore(tmp_path / "ev", max_bytes=10)
    with pytest.raises(ValidationFailed):
        store.put(b"x" * 11)
    with pytest.raises(ValidationFailed):
        store.get("../../etc/passwd")
    with pytest.raises(NotFound):
        store.get("0" * 64)
