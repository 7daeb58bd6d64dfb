"""A real Chromium works the demo's verification queue: keyboard shortcuts decide, the upload
form feeds a resolver log. Skips when Debian's chromium is not installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.web.live import BROWSER_MARKS, SCREENSHOTS, sign_in

pytestmark = BROWSER_MARKS

RESOLVER_LOG = "".join(
    f"03-Dec-2026 09:0{i}:00.000 queries: info: client @0x7f3a1c 10.30.2.{i}#5300{i} "
    f"({name}): query: {name} IN A + (10.30.0.53)\n"
    for i, name in enumerate(["vnexpress.net", "mbbank-hotro-khachhang.xyz", "vnexpress.net"])
)


def _current_name(page: Any) -> str:
    return str(page.locator("#cand-title code").inner_text())


def test_analyst_decides_with_the_keyboard(live_server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    sign_in(page, live_server, "analyst")
    page.goto(f"{live_server}/verification")
    first = _current_name(page)
    assert page.get_by_text("Vì sao bị gắn cờ").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "canhgiac-verification.png"), full_page=True)

    with page.expect_navigation():
        page.keyboard.press("s")  # skip: the next name, the first stays pending
    second = _current_name(page)
    assert second != first

    # Typing a reason does not trigger the shortcuts; "r" outside the field rejects.
    page.locator("#d-reason").fill("Tên của doanh nghiệp thật, đã gọi điện xác minh")
    assert _current_name(page) == second
    page.locator("h1").click()
    with page.expect_navigation():
        page.keyboard.press("r")
    assert page.get_by_text(f"{second}: đã ghi quyết định.").is_visible()
    assert second not in page.locator("section.verification").inner_text()
    page.close()


def test_analyst_uploads_a_resolver_log(live_server: str, browser: Any, tmp_path: Path) -> None:
    log = tmp_path / "query.log"
    log.write_text(RESOLVER_LOG, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    sign_in(page, live_server, "analyst")
    page.goto(f"{live_server}/verification")
    page.get_by_label("Tệp").set_input_files(str(log))
    page.get_by_label("Định dạng").select_option("bind")
    with page.expect_navigation():
        page.get_by_role("button", name="Chấm điểm và đưa vào hàng đợi").click()
    assert page.get_by_text("Đã đọc 2 tên: 1 tên đáng ngờ, 1 tên mới vào hàng đợi").is_visible()
    assert page.get_by_role("link", name="mbbank-hotro-khachhang.xyz").is_visible()
    page.close()
