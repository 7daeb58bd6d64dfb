from __future__ import annotations

import hashlib

import pytest

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.feeds import CsvMapping, FeedEntry, parse_feed
from canhgiac.indicators.feeds.download import DownloadError, DownloadLimits, download
from canhgiac.indicators.feeds.misp_fetch import fetch_misp_feed
from tests.indicators.feeds.feedserver import FIXTURES, LAST_MODIFIED, serve
from tests.indicators.feeds.helpers import tar_of_trails

SMALL = DownloadLimits(max_bytes=64 * 1024, connect_timeout=2, read_timeout=0.5, max_redirects=3)


@pytest.fixture(scope="module")
def server():
    with serve() as (base, seen):
        yield base, seen


def _entries(items):
    return [i for i in items if isinstance(i, FeedEntry)]


CSV_MAPPING = CsvMapping(value="indicator", kind="loai", category="danh_muc")


@pytest.mark.parametrize(
    ("fmt", "relative", "options"),
    [
        ("plain", "plain/list.txt", {}),
        ("csv", "csv/feed.csv", {"csv_mapping": CSV_MAPPING}),
        ("urlhaus", "urlhaus/csv_recent.txt", {}),
        ("chongluadao", "chongluadao/blacklist.json", {}),
        ("stix", "stix/bundle.json", {}),
    ],
)
def test_each_file_format_downloads_and_parses_like_the_local_file(
    server, tmp_path, fmt, relative, options
):
    base, _ = server
    result = download(f"{base}/feeds/{relative}", dest_dir=tmp_path, limits=SMALL)
    assert result.status == 200 and not result.not_modified
    assert result.path is not None and result.path.parent == tmp_path
    local = FIXTURES / relative
    assert result.size == local.stat().st_size
    assert result.sha256 == hashlib.sha256(local.read_bytes()).hexdigest()
    downloaded = _entries(parse_feed(fmt, result.path, **options))
    expected = _entries(parse_feed(fmt, local, **options))
    assert downloaded and [e.raw for e in downloaded] == [e.raw for e in expected]


def test_misp_feed_fetched_from_server(server, tmp_path):
    base, _ = server
    result = fetch_misp_feed(f"{base}/feeds/misp", tmp_path / "misp", limits=SMALL)
    assert result.events == 2
    assert len(result.errors) == 2  # odd "../" event id ignored, missing event is a 404
    assert any("404" in e for e in result.errors)
    downloaded = _entries(parse_feed("misp", tmp_path / "misp"))
    local = _entries(parse_feed("misp", FIXTURES / "misp"))
    assert [e.raw for e in downloaded] == [e.raw for e in local]
    again = fetch_misp_feed(
        f"{base}/feeds/misp", tmp_path / "misp2", etag=result.manifest.etag, limits=SMALL
    )
    assert again.manifest.not_modified and again.events == 0


def test_maltrail_archive_downloaded_and_parsed(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    tar_of_trails(FIXTURES, served / "maltrail-master.tar.gz", "maltrail-master/trails/static/")
    with serve(extra_root=served) as (base, _):
        result = download(f"{base}/extra/maltrail-master.tar.gz", dest_dir=tmp_path, limits=SMALL)
    downloaded = _entries(parse_feed("maltrail", result.path))
    local = _entries(parse_feed("maltrail", FIXTURES / "maltrail"))
    assert sorted(e.raw for e in downloaded) == sorted(e.raw for e in local)


def test_conditional_get(server, tmp_path):
    base, _ = server
    first = download(f"{base}/feeds/plain/list.txt", dest_dir=tmp_path, limits=SMALL)
    assert first.etag and first.last_modified == LAST_MODIFIED
    by_etag = download(
        f"{base}/feeds/plain/list.txt", dest_dir=tmp_path, etag=first.etag, limits=SMALL
    )
    assert by_etag.not_modified and by_etag.path is None and by_etag.status == 304
    by_date = download(
        f"{base}/feeds/plain/list.txt", dest_dir=tmp_path, last_modified=LAST_MODIFIED, limits=SMALL
    )
    assert by_date.not_modified


def test_redirects_followed_up_to_the_cap(server, tmp_path):
    base, _ = server
    result = download(f"{base}/redirect/2", dest_dir=tmp_path, limits=SMALL)  # 3 hops
    assert result.final_url.endswith("/feeds/plain/list.txt")
    with pytest.raises(DownloadError, match="redirects"):
        download(f"{base}/redirect/3", dest_dir=tmp_path, limits=SMALL)


@pytest.mark.parametrize("path", ["/redirect-ftp", "/redirect-file"])
def test_redirect_to_other_scheme_refused(server, tmp_path, path):
    base, _ = server
    with pytest.raises(DownloadError, match="scheme"):
        download(base + path, dest_dir=tmp_path, limits=SMALL)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://h/", "not a url", "http://"]
)
def test_non_http_urls_refused_before_any_request(url, tmp_path):
    with pytest.raises(ValidationFailed) as excinfo:
        download(url, dest_dir=tmp_path)
    assert excinfo.value.field == "url"


@pytest.mark.parametrize("path", ["/big-declared", "/big-chunked", "/gzip-bomb"])
def test_size_cap_and_no_leftover_file(server, tmp_path, path):
    base, _ = server
    with pytest.raises(DownloadError, match="limit"):
        download(base + path, dest_dir=tmp_path, limits=SMALL)
    assert list(tmp_path.iterdir()) == []


def test_gzip_content_encoding_is_decoded(server, tmp_path):
    base, _ = server
    result = download(f"{base}/gzip-ok", dest_dir=tmp_path, limits=SMALL)
    assert result.path.read_bytes() == b"nen.example.vn\n"


def test_read_timeout(server, tmp_path):
    base, _ = server
    with pytest.raises(DownloadError, match="timed out"):
        download(f"{base}/slow", dest_dir=tmp_path, limits=SMALL)
    assert list(tmp_path.iterdir()) == []


def test_http_error_and_connection_refused(server, tmp_path):
    base, _ = server
    with pytest.raises(DownloadError, match="404"):
        download(f"{base}/missing", dest_dir=tmp_path, limits=SMALL)
    with pytest.raises(DownloadError):
        download("http://127.0.0.1:9/", dest_dir=tmp_path, limits=SMALL)
