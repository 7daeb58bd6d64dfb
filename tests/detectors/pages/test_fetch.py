import pytest

from canhgiac.detectors.pages.fetch import PageFetcher
from canhgiac.errors import ValidationFailed
from canhgiac.settings import Settings

from .conftest import SITE_IP, TEST_LIMITS, TEST_POLICY, StubResolver
from .hostile import PHISH, serve
from .tlsutil import server_context

# --- the address policy, end to end -------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{victim}/whoami",
        "http://localhost:{victim}/whoami",  # a name resolving to 127.0.0.1
        "http://[::1]:{victim}/whoami",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]:{victim}/whoami",
    ],
)
def test_default_settings_refuse_internal_addresses(victim, url):
    fetcher = PageFetcher.from_settings(Settings(allow_private_fetch=False))
    result = fetcher.fetch(url.format(victim=victim.port))
    assert result.refused, result.to_dict()
    assert result.status is None and result.body == b""
    assert victim.hits == []


def test_allow_private_fetch_setting_reaches_loopback(victim):
    fetcher = PageFetcher.from_settings(Settings(allow_private_fetch=True))
    result = fetcher.fetch(f"http://127.0.0.1:{victim.port}/whoami")
    assert result.ok and result.body == b"victim"
    # ... but never the metadata service.
    assert fetcher.fetch("http://169.254.169.254/").refused


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{victim}/whoami",
        "http://[::1]:{victim}/whoami",
        "http://evil.test:{victim}/whoami",  # stub-resolves to 127.0.0.1
        "http://localhost:{victim}/whoami",
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://metadata.test/",
        "http://10.0.0.1/",
    ],
)
def test_redirects_to_internal_addresses_refused(fetcher, site, victim, target):
    if "localhost" in target:
        fetcher.resolver = _with_system(fetcher.resolver)
    to = target.format(victim=victim.port)
    result = fetcher.fetch(f"http://site.test:{site.port}/redirect?to={to}")
    assert result.refused, result.to_dict()
    assert [h.status for h in result.hops] == [302, None]
    assert result.hops[0].ip == SITE_IP
    assert result.final_url.startswith(to.split("/whoami")[0].split("/latest")[0])
    assert victim.hits == []


def _with_system(stub):
    from canhgiac.detectors.pages.addresses import system_resolver

    def resolve(host, port):
        return system_resolver(host, port) if host == "localhost" else stub(host, port)

    return resolve


def test_dns_rebinding_connects_to_the_checked_address(fetcher, site, victim, resolver):
    # First answer passes the policy; any later lookup would say 127.0.0.1.
    result = fetcher.fetch(f"http://rebind.test:{site.port}/whoami")
    assert result.ok and result.body == b"site"
    assert resolver.calls.count("rebind.test") == 1
    assert site.headers_seen[-1]["Host"] == f"rebind.test:{site.port}"
    assert victim.hits == []


def test_rebinding_on_a_later_hop_refused(fetcher, site, victim, resolver):
    resolver.table["rebind.test"] = [[SITE_IP], [SITE_IP, "127.0.0.1"], ["127.0.0.1"]]
    first = fetcher.fetch(f"http://rebind.test:{site.port}/whoami")
    assert first.ok
    second = fetcher.fetch(f"http://rebind.test:{site.port}/whoami")
    assert second.refused and victim.hits == []


def test_mixed_public_and_private_answers_refused(fetcher, site):
    result = fetcher.fetch(f"http://mixed.test:{site.port}/whoami")
    assert result.refused and site.hits == []


@pytest.mark.parametrize(
    "url", ["ftp://site.test/", "file:///etc/passwd", "javascript:alert(1)", "", "http://"]
)
def test_non_http_urls_rejected(fetcher, url):
    with pytest.raises(ValidationFailed):
        fetcher.fetch(url)


def test_redirect_to_file_scheme_is_an_error_not_a_fetch(fetcher, site):
    result = fetcher.fetch(f"http://site.test:{site.port}/redirect?to=file:///etc/passwd")
    assert result.error and "redirect" in result.error
    assert len(result.hops) == 1


def test_userinfo_never_sent(fetcher, site):
    result = fetcher.fetch(f"http://vietcombank.com.vn:x@site.test:{site.port}/whoami")
    assert result.ok
    assert "Authorization" not in site.headers_seen[-1]


# --- resource limits ---------------------------------------------------------------------


def test_phishing_page_fetched_with_facts(fetcher, site):
    result = fetcher.fetch(f"http://site.test:{site.port}/phish")
    assert result.ok and result.status == 200
    assert result.html == PHISH
    assert result.ip == SITE_IP
    assert len(result.body_sha256 or "") == 64
    assert result.headers["content-type"].startswith("text/html")


def test_endless_redirects_stop(fetcher, site):
    result = fetcher.fetch(f"http://site.test:{site.port}/loop")
    assert result.error and "redirect" in result.error
    assert len(result.hops) == fetcher.limits.max_redirects + 1
    assert len(site.hits) == fetcher.limits.max_redirects + 1


def test_huge_body_capped(fetcher, site):
    result = fetcher.fetch(f"http://site.test:{site.port}/huge")
    assert result.truncated
    assert len(result.body) == TEST_LIMITS.max_bytes


def test_gzip_bomb_capped(fetcher, site):
    result = fetcher.fetch(f"http://site.test:{site.port}/gzip-bomb")
    assert result.truncated
    assert 0 < len(result.body) <= TEST_LIMITS.max_bytes
    assert set(result.body) == {0}  # decoded, not raw gzip


def test_slow_loris_body_ends_at_the_deadline(fetcher, site):
    # The server trickles a byte every 0.1 s for a minute: no read ever times out.
    result = fetcher.fetch(f"http://site.test:{site.port}/slow")
    assert result.truncated and result.error
    assert result.body.startswith(b"<html>x")
    assert result.elapsed_seconds < 30  # far below the server's minute; not a speed test


def test_slow_headers_end_at_the_deadline(fetcher, site):
    result = fetcher.fetch(f"http://site.test:{site.port}/slow-headers")
    assert result.error and result.status is None
    assert result.elapsed_seconds < 30


def test_fetch_many_keeps_order(fetcher, site):
    urls = [
        f"http://site.test:{site.port}/whoami",
        "http://169.254.169.254/",
        "gopher://x/",
        f"http://site.test:{site.port}/phish",
    ]
    results = fetcher.fetch_many(urls, workers=3)
    assert results[0].body == b"site"  # type: ignore[union-attr]
    assert results[1].refused  # type: ignore[union-attr]
    assert isinstance(results[2], ValidationFailed)
    assert results[3].html == PHISH  # type: ignore[union-attr]


# --- TLS ---------------------------------------------------------------------------------


def test_tls_certificate_facts_recorded_even_when_untrusted(tmp_path):
    with serve(SITE_IP, "tls-site", tls=server_context(tmp_path)) as server:
        fetcher = PageFetcher(
            limits=TEST_LIMITS, policy=TEST_POLICY, resolver=StubResolver({"site.test": [SITE_IP]})
        )
        result = fetcher.fetch(f"https://site.test:{server.port}/whoami")
    assert result.ok, result.to_dict()
    assert result.body == b"tls-site"
    tls = result.tls
    assert tls is not None
    assert tls.verified is False and tls.verify_error  # self-signed
    assert tls.self_signed and "site.test" in tls.sans
    assert "CN=site.test" in tls.subject and tls.not_after > tls.not_before


def test_garbage_response_is_an_error_not_a_crash(fetcher, site):
    result = fetcher.fetch(f"http://site.test:{site.port}/garbage")
    assert result.error and result.status is None and not result.ok
