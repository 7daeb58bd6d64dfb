from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.feeds import (
    FORMATS,
    FeedEntry,
    FeedProblem,
    FeedStats,
    jsonstream,
    parse_feed,
)
from canhgiac.indicators.feeds.formats import chongluadao, plain, urlhaus


def test_unknown_format_names_the_field(fixtures):
    with pytest.raises(ValidationFailed) as excinfo:
        parse_feed("xml", fixtures / "plain/list.txt")
    assert excinfo.value.field == "format"


def test_missing_source_and_folder_for_file_format(fixtures, tmp_path):
    with pytest.raises(ValidationFailed) as excinfo:
        parse_feed("plain", tmp_path / "absent.txt")
    assert excinfo.value.field == "source"
    with pytest.raises(ValidationFailed):
        parse_feed("plain", fixtures / "maltrail")


def test_csv_needs_a_mapping(fixtures):
    with pytest.raises(ValidationFailed) as excinfo:
        parse_feed("csv", fixtures / "csv/feed.csv")
    assert excinfo.value.field == "csv_mapping"


def test_every_format_is_dispatched(fixtures):
    sources = {
        "plain": "plain/list.txt",
        "csv": "csv/feed.csv",
        "maltrail": "maltrail",
        "urlhaus": "urlhaus/csv_recent.txt",
        "chongluadao": "chongluadao/blacklist.json",
        "misp": "misp",
        "stix": "stix/bundle.json",
    }
    assert set(sources) == set(FORMATS)
    from canhgiac.indicators.feeds import CsvMapping

    for fmt, relative in sources.items():
        mapping = CsvMapping(value="indicator") if fmt == "csv" else None
        stats = FeedStats()
        for item in parse_feed(fmt, fixtures / relative, csv_mapping=mapping):
            stats.add(item)
        assert stats.entries > 0, fmt


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_text_parsers_never_raise_on_arbitrary_bytes(data):
    for parser in (plain.parse, urlhaus.parse):
        items = list(parser(io.BytesIO(data)))
        assert all(isinstance(i, FeedEntry | FeedProblem) for i in items)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_json_parser_never_raises_on_arbitrary_bytes(data):
    items = list(chongluadao.parse(io.BytesIO(data)))
    assert all(isinstance(i, FeedEntry | FeedProblem) for i in items)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_json_values, max_size=8), st.integers(min_value=1, max_value=16))
def test_streamed_array_equals_json_loads(elements, chunk):
    original = jsonstream._CHUNK
    jsonstream._CHUNK = chunk
    try:
        data = json.dumps(elements, ensure_ascii=False).encode()
        streamed = [value for _, value in jsonstream.iter_array(io.BytesIO(data))]
    finally:
        jsonstream._CHUNK = original
    assert streamed == json.loads(data)
