"""A real Chromium uses the public look-up (no JavaScript needed), files a dispute, and an
analyst opens an indicator's detail page. Screenshots go to /tmp for review.

Skips when Debian's chromium is not installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session

from canhgiac.indicators import store
from tests.web.live import BROWSER_MARKS, SCREENSHOTS, live_app, sign_in

pytestmark = BROWSER_MARKS


def _seed(session: Session) -> None:
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


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_app(tmp_path_factory.mktemp("browser-lookup"), _seed) as base:
        yield base


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
    sign_in(page, live_server, "analyst")
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
