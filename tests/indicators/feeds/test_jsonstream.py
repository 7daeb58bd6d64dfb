from __future__ import annotations

import io
import json

import pytest

from canhgiac.indicators.feeds import jsonstream
from canhgiac.indicators.feeds.jsonstream import iter_array
from canhgiac.indicators.feeds.model import FeedProblem


@pytest.fixture
def tiny_chunks(monkeypatch):
    monkeypatch.setattr(jsonstream, "_CHUNK", 7)


def _items(data: bytes, path=(), **kwargs):
    return list(iter_array(io.BytesIO(data), path, **kwargs))


def test_elements_across_chunk_boundaries(tiny_chunks):
    elements = [{"url": f"https://site{i}.example/ở-đây"} for i in range(50)] + [123456789, "x"]
    data = json.dumps(elements, ensure_ascii=False).encode()
    assert _items(data) == list(enumerate(elements, start=1))


def test_array_under_key_skips_siblings(tiny_chunks):
    doc = {"type": "bundle", "meta": {"a": [1, 2, {"b": "c"}]}, "objects": [{"id": 1}, {"id": 2}]}
    assert _items(json.dumps(doc).encode(), ("objects",)) == [(1, {"id": 1}), (2, {"id": 2})]


def test_missing_key_and_empty_array():
    missing = _items(b'{"x": []}', ("objects",))
    assert len(missing) == 1 and isinstance(missing[0], FeedProblem)
    assert _items(b"[]") == []
    assert _items(b"  [ ]  ") == []


def test_oversized_item_is_reported_not_buffered(tiny_chunks):
    data = b'[{"a": "' + b"x" * 500 + b'"}, {"b": 1}]'
    items = _items(data, max_item_bytes=100)
    assert len(items) == 1 and "larger than 100" in items[0].reason


@pytest.mark.parametrize("data", [b"[1, 2,, 3]", b"[1 2]", b'{"objects": 5}', b"\xff[1]", b"[1, 2"])
def test_corrupt_documents_report_a_problem(data):
    items = _items(data, ("objects",) if data.startswith(b"{") else ())
    assert isinstance(items[-1], FeedProblem)
