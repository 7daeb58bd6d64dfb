import pytest

from canhgiac.detectors.pages.screenshot import chromium_args, find_chromium, take_screenshot

from .conftest import SITE_IP


def test_command_line_fences_the_browser(tmp_path):
    args = chromium_args(
        "http://site.test/",
        {"site.test": SITE_IP, "cdn.example": "203.0.113.9", "bad host,MAP * 127.0.0.1": "1.1.1.1"},
        tmp_path / "p",
        tmp_path / "s.png",
        "1280,900",
    )
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'p'}",
    ):
        assert flag in args
    rules = next(a for a in args if a.startswith("--host-resolver-rules="))
    assert rules == (
        f"--host-resolver-rules=MAP site.test {SITE_IP}, MAP cdn.example 203.0.113.9, MAP * ~NOTFOUND"
    )
    bypass = next(a for a in args if a.startswith("--proxy-bypass-list="))
    assert bypass == "--proxy-bypass-list=<-loopback>;site.test;cdn.example"
    assert args[-1] == "http://site.test/"
    literal = chromium_args("http://1.2.3.4/", {"1.2.3.4": "1.2.3.4"}, tmp_path, tmp_path, "1,1")
    assert "--host-resolver-rules=EXCLUDE 1.2.3.4, MAP * ~NOTFOUND" in literal


def test_missing_chromium_skips_cleanly(tmp_path):
    assert find_chromium(str(tmp_path / "no-such-browser")) in (None, find_chromium())
    if find_chromium() is None:
        assert take_screenshot("http://site.test/", {"site.test": SITE_IP}) is None


@pytest.mark.browser
def test_screenshot_in_a_fenced_browser(site, victim):
    if find_chromium() is None:
        pytest.skip("chromium not installed")
    shot = take_screenshot(
        f"http://site.test:{site.port}/browser-ssrf?port={victim.port}",
        {"site.test": SITE_IP},
        timeout=40,
    )
    assert shot is not None and shot.png.startswith(b"\x89PNG")
    assert len(shot.sha256) == 64
    assert any(h.startswith("/seen-by-site") for h in site.hits)  # scripts did run here...
    assert victim.hits == []  # ...and still reached nothing inside


@pytest.mark.browser
def test_screenshot_of_an_ip_literal_url(site):
    if find_chromium() is None:
        pytest.skip("chromium not installed")
    shot = take_screenshot(f"http://{SITE_IP}:{site.port}/phish", {SITE_IP: SITE_IP}, timeout=40)
    assert shot is not None and shot.png.startswith(b"\x89PNG")
    assert "/phish" in site.hits
