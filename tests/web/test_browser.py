"""A real Chromium signs in as the demo analyst, switches language and signs out.

Runs the application with uvicorn on a free local port against a migrated SQLite file
loaded with the demo province. Skips when Debian's chromium is not installed.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from canhgiac.db import migrate
from canhgiac.db.engine import build_engine, session_factory, unit_of_work
from canhgiac.settings import Settings
from tests.conftest import TEST_SECRET

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path("/tmp")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from canhgiac.demo.service import load_demo
    from canhgiac.web.app import create_app

    tmp = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{tmp / 'canhgiac.db'}"
    engine = build_engine(url)
    migrate.upgrade(engine)
    factory = session_factory(engine)
    with unit_of_work(factory) as session:
        load_demo(session)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=url,
        secret_key=TEST_SECRET,
        var_dir=tmp / "var",
    )
    app = create_app(settings, session_factory=factory)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/")
    assert "/login" in page.url  # redirected: not signed in yet
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("canhgiac-demo")
    page.locator("form[action='/login'] button[type=submit]").click()
    page.wait_for_url(f"{base}/")


def test_demo_analyst_signs_in_switches_language_and_signs_out(
    live_server: str, browser: Any
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page.goto(f"{live_server}/login")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-login.png"), full_page=True)

    _sign_in(page, live_server, "analyst")
    assert page.locator("h1").inner_text().startswith("Xin chào")
    assert page.get_by_role("navigation", name="Điều hướng chính").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-dashboard.png"), full_page=True)

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Hello")
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-dashboard-en.png"), full_page=True)

    page.get_by_role("button", name="Tiếng Việt").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text().startswith("Xin chào")

    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(f"{live_server}/login")
    assert page.get_by_text("Bạn đã đăng xuất").is_visible()
    page.goto(f"{live_server}/")
    assert "/login" in page.url
    page.close()


def test_admin_pages_render_for_the_demo_administrator(live_server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _sign_in(page, live_server, "admin")
    page.get_by_role("link", name="Người dùng").first.click()
    page.wait_for_url(f"{live_server}/admin/users")
    assert page.get_by_role("cell", name="analyst", exact=True).is_visible()
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-admin-users.png"), full_page=True)
    page.goto(f"{live_server}/admin/audit")
    assert page.get_by_role("heading", name="Nhật ký kiểm toán").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-admin-audit.png"), full_page=True)
    page.close()


def test_layout_fits_a_phone_screen(live_server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    page.goto(f"{live_server}/login")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the login page scrolls sideways on a phone"
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-login-phone.png"), full_page=True)
    page.close()
