"""A real Chromium signs in as the demo analyst, switches language and signs out.

Runs the application with uvicorn on a free local port against a migrated SQLite file
loaded with the demo province. Skips when Debian's chromium is not installed.
"""

from __future__ import annotations

from typing import Any

from tests.web.live import BROWSER_MARKS, SCREENSHOTS, sign_in

pytestmark = BROWSER_MARKS


def test_demo_analyst_signs_in_switches_language_and_signs_out(
    live_server: str, browser: Any
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page.goto(f"{live_server}/login")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-login.png"), full_page=True)

    sign_in(page, live_server, "analyst")
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
    sign_in(page, live_server, "admin")
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
