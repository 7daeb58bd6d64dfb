"""Page check speed: HTML parse + analysis per CPU second, and checks/second through the
bounded pool against a local server (so the figure is the fetcher's own cost, not the
internet's latency).

The page is synthetic (a bank-style login page padded with navigation, news and footer to
~60 KB, about 1,500 tags); the server runs in this process on 127.0.0.2.

Usage: python benchmarks/bench_page_check.py [--pages N] [--checks N]
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from canhgiac.detectors.pages.addresses import AddressPolicy  # noqa: E402
from canhgiac.detectors.pages.analysis import analyse_page  # noqa: E402
from canhgiac.detectors.pages.check import UrlChecker  # noqa: E402
from canhgiac.detectors.pages.fetch import FetchLimits, PageFetcher  # noqa: E402
from canhgiac.detectors.pages.html import parse_html  # noqa: E402
from canhgiac.indicators.brands import load_brand_registry  # noqa: E402
from canhgiac.settings import Settings  # noqa: E402


def synthetic_page() -> bytes:
    nav = "".join(f'<li><a href="/muc-{i}">Mục {i}</a></li>' for i in range(120))
    news = "".join(
        f"<article><h2>Tin {i}</h2><p>Ngân hàng thông báo lịch nghỉ lễ và khuyến mãi "
        f"thẻ tín dụng số {i}.</p><img src='/img/{i}.jpg' alt='ảnh {i}'></article>"
        for i in range(150)
    )
    form = (
        '<form action="https://thu-thap.example/p" method="post"><label for=u>Tên đăng nhập'
        "</label><input id=u name=username><label>Mật khẩu <input type=password name=pw>"
        '</label><input name=otp placeholder="Mã OTP"><button>Đăng nhập</button></form>'
    )
    html = (
        "<!doctype html><html><head><meta charset=utf-8><title>Vietcombank - Đăng nhập</title>"
        '<link rel="icon" href="/favicon.ico"><script src="https://cdn.example/app.js"></script>'
        f"</head><body><img class=logo src=/logo.png alt=Vietcombank><ul>{nav}</ul>{form}"
        f"{news}<footer>© 2026</footer></body></html>"
    )
    return html.encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body = b""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--checks", type=int, default=200)
    args = parser.parse_args()
    print(f"os.cpu_count() = {os.cpu_count()}")
    body = synthetic_page()
    html = body.decode()
    registry = load_brand_registry()
    print(f"page: {len(body):,} bytes")

    best = float("inf")
    for _ in range(3):
        cpu = time.process_time()
        for _ in range(args.pages):
            analyse_page("http://vcb-login.example/", parse_html(html), registry)
        best = min(best, time.process_time() - cpu)
    print(f"parse+analyse: {args.pages / best:,.1f} pages per CPU second (best of 3)")

    _Handler.body = body
    server = ThreadingHTTPServer(("127.0.0.2", 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    fetcher = PageFetcher(
        limits=FetchLimits(),
        policy=AddressPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.2/32"),)),
        resolver=lambda host, p: ["127.0.0.2"],
    )
    checker = UrlChecker.from_settings(
        Settings(var_dir=Path("/tmp/canhgiac-bench-var")),
        fetcher=fetcher,
        name_scorer=None,
        fetch_assets=False,
    )
    urls = [f"http://bench-{i}.example:{port}/" for i in range(args.checks)]
    for workers in (1, 4, 8):
        wall = time.perf_counter()
        results = checker.check_many(urls, workers=workers)
        wall = time.perf_counter() - wall
        ok = sum(1 for r in results if not isinstance(r, Exception) and r.fetch.ok)
        print(f"check_many workers={workers}: {len(urls) / wall:,.1f} checks/s wall ({ok} ok)")
    server.shutdown()


if __name__ == "__main__":
    main()
