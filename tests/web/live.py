"""A live application for browser tests: a migrated SQLite file with the demo province,
served by uvicorn on a free local port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

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
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_app(tmp: Path, seed: Callable[[Session], None] | None = None) -> Iterator[str]:
    """Serve the demo province (plus ``seed``'s records) and yield the base URL."""
    import uvicorn

    from canhgiac.demo.service import load_demo
    from canhgiac.web.app import create_app

    url = f"sqlite:///{tmp / 'canhgiac.db'}"
    engine = build_engine(url)
    migrate.upgrade(engine)
    factory = session_factory(engine)
    with unit_of_work(factory) as session:
        load_demo(session)
        if seed is not None:
            seed(session)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=url,
        secret_key=TEST_SECRET,
        var_dir=tmp / "var",
    )
    app = create_app(settings, session_factory=factory)
    port = free_port()
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
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        engine.dispose()


@contextmanager
def chromium() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/")
    assert "/login" in page.url  # redirected: not signed in yet
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("canhgiac-demo")
    page.locator("form[action='/login'] button[type=submit]").click()
    page.wait_for_url(f"{base}/")
