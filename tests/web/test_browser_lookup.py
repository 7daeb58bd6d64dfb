"""A real Chromium uses the public look-up (no JavaScript needed), files a dispute, and an
analyst opens an indicator's detail page. Screenshots go to /tmp for review.

Skips when Debian's chromium is not installed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from canhgiac.db import migrate
from canhgiac.db.engine import build_engine, session_factory, unit_of_work
from canhgiac.indicators import store
from canhgiac.settings import Settings
from tests.conftest import TEST_SECRET
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, _free_port, _sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from canhgiac.demo.service import load_demo
    from canhgiac.web.app import create_app

    tmp = tmp_path_factory.mktemp("browser-lookup")
    url = f"sqlite:///{tmp / 'canhgiac.db'}"
    engine = build_engine(url)
    migrate.upgrade(engine)
    factory = session_factory(engine)
    with unit_of_work(factory) as session:
        load_demo(session)
        listed = store.record_indicator(
            session,
            raw="vietcombank-xacthuc.top",
            source="cong-an-tinh",
            category="fraud.impersonation.bank",
            reference="Phản ánh 2026/1123",
        )
        store.change_status(session, listed, status="listed", reason="Trang giả mạo Vietcombank")
        store.record_sighting(session, listed, source_kind="report", reference="PA-2026-1123")
        for _ in range(4):
            store.record_indicator(
                session,
                raw="0987 654 321",
                source="tip:nguoi-dan",
                category="fraud.impersonation.authority",
                count_as_report=True,
            )
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


def test_a_visitor_looks_up_a_link_and_disputes_a_number(live_server: str, browser: Any) -> None:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{live_server}/login")
    page.get_by_role("link", name="Tra cứu").first.click()
    page.wait_for_url(f"{live_server}/tra-cuu")
    field = page.get_by_label("Số điện thoại, số tài khoản, đường link", exact=False)
    field.fill("hxxps://dang-nhap.vietcombank-xacthuc[.]top/otp")
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_load_state()
    result = page.locator("#ket-qua")
    assert "Lừa đảo đã xác minh" in result.inner_text()
    assert "Giả mạo ngân hàng" in result.inner_text()
    assert "OTP" in page.locator(".advice").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-lookup.png"), full_page=True)

    page.goto(f"{live_server}/tra-cuu?q=0987654321")
    assert "Bị phản ánh 4 lần" in page.locator("#ket-qua").inner_text()
    assert "nguoi-dan" not in page.content()
    page.get_by_text("Tôi là chủ số điện thoại").click()  # <details>: no script needed
    page.get_by_label("Liên hệ với bạn bằng cách nào?", exact=False).fill("0905 123 456")
    page.get_by_label("Giải trình").fill("Số của cửa hàng tạp hóa nhà tôi")
    page.get_by_role("button", name="Gửi khiếu nại").click()
    page.wait_for_load_state()
    assert page.get_by_text("Đã nhận khiếu nại").is_visible()
    assert "Đang khiếu nại" in page.locator("#ket-qua").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-lookup-disputed.png"), full_page=True)
    context.close()


def test_the_lookup_fits_a_phone_screen(live_server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    page.goto(f"{live_server}/tra-cuu?q=vietcombank.com.vn")
    assert "Chính thức" in page.locator("#ket-qua").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-lookup-phone.png"), full_page=True)
    page.close()


def test_an_analyst_opens_an_indicator(live_server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _sign_in(page, live_server, "analyst")
    page.get_by_role("link", name="Chỉ dấu").first.click()
    page.wait_for_url(f"{live_server}/indicators")
    page.get_by_role("link", name="vietcombank-xacthuc.top").click()
    assert page.get_by_role("heading", name="Lịch sử").is_visible()
    assert page.get_by_role("cell", name="cong-an-tinh").is_visible()
    assert page.get_by_role("cell", name="PA-2026-1123").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-indicator-detail.png"), full_page=True)
    page.goto(f"{live_server}/disputes")
    assert page.get_by_role("heading", name="Khiếu nại").is_visible()
    page.close()
