import pytest

from canhgiac.detectors.pages.check import UrlChecker
from canhgiac.detectors.pages.evidence import EvidenceStore
from canhgiac.settings import Settings

from .hostile import FAVICON


@pytest.fixture
def checker(tmp_path, fetcher):
    def name_scorer(host):
        return {"domain": host, "score": 0.1, "is_suspicious": False, "brand": None, "reasons": []}

    return UrlChecker.from_settings(
        Settings(var_dir=tmp_path),
        fetcher=fetcher,
        name_scorer=name_scorer,
        store=EvidenceStore.under(tmp_path),
    )


def test_phishing_page_checked_end_to_end(checker, site, tmp_path):
    result = checker.check(f"http://site.test:{site.port}/phish")
    assert result.is_suspicious and result.page and result.page.brand == "vietcombank"
    assert result.name and result.name["domain"] == "site.test"
    kinds = {c.kind: c for c in result.captures}
    assert set(kinds) == {"html", "favicon"}  # /logo.png is a 404: nothing stored
    assert kinds["html"].sha256 == result.fetch.body_sha256
    stored = tmp_path / "evidence" / kinds["favicon"].sha256[:2] / kinds["favicon"].sha256
    assert stored.read_bytes() == FAVICON
    data = result.to_dict()
    assert data["page"]["forms"][0]["posts_elsewhere"] is True


def test_scripts_never_run(checker, site):
    result = checker.check(f"http://site.test:{site.port}/scripts")
    assert result.page and result.page.title == "Original title"
    # Each script would have requested a /pwned URL (fetch, src, redirect, onerror).
    assert not [h for h in site.hits if "pwned" in h]
    assert result.page.redirect_hints == [f"http://site.test:{site.port}/pwned?via=location"]


def test_refused_url_still_gets_a_name_score(checker, victim):
    result = checker.check(f"http://127.0.0.1:{victim.port}/whoami")
    assert result.refused and result.page is None and victim.hits == []
    assert result.name is not None


def test_malformed_and_bomb_pages_do_not_break_the_check(checker, site):
    for path in ("/malformed", "/gzip-bomb", "/huge"):
        result = checker.check(f"http://site.test:{site.port}{path}")
        assert result.fetch.body_sha256 and result.page is not None


def test_check_many_bounded_and_ordered(checker, site):
    urls = [f"http://site.test:{site.port}/phish", "nope://x", f"http://site.test:{site.port}/apk"]
    results = checker.check_many(urls, workers=2)
    assert results[0].is_suspicious  # type: ignore[union-attr]
    assert not hasattr(results[1], "fetch")
    assert results[2].page.apk_links  # type: ignore[union-attr]


def test_name_score_joins_the_verdict(tmp_path, fetcher, resolver, site):
    resolver.table["vietcombank-xacminh.test"] = ["127.0.0.2"]

    def name_scorer(host):
        bad = host.startswith("vietcombank-")
        return {
            "domain": host,
            "score": 0.9 if bad else 0.0,
            "is_suspicious": bad,
            "brand": "vietcombank" if bad else None,
            "reasons": ["giả / imitates"] if bad else [],
        }

    checker = UrlChecker.from_settings(
        Settings(var_dir=tmp_path), fetcher=fetcher, name_scorer=name_scorer, fetch_assets=False
    )
    target = f"http://vietcombank-xacminh.test:{site.port}/whoami"
    result = checker.check(f"http://site.test:{site.port}/redirect?to={target}")
    assert result.name["domain"] == "site.test" and not result.name["is_suspicious"]
    assert result.final_name["domain"] == "vietcombank-xacminh.test"
    assert result.is_suspicious and result.score == 0.9
    assert any(r.startswith("Tên miền vietcombank-xacminh.test") for r in result.reasons)
    assert [c.kind for c in result.captures] == ["body"]  # text/plain, not HTML
