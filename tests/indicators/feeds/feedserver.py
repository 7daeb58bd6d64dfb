"""A local HTTP server for download tests (never the internet)."""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
LAST_MODIFIED = "Fri, 20 Nov 2026 06:00:00 GMT"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    requests_seen: list[str]

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def _send(self, status, body=b"", headers=None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}) and "Transfer-Encoding" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self):
        self.server.requests_seen.append(self.path)
        path = self.path.split("?", 1)[0]
        if path.startswith("/feeds/"):
            return self._feed(path[len("/feeds/") :])
        if path.startswith("/extra/") and getattr(self.server, "extra_root", None):
            return self._feed(path[len("/extra/") :], self.server.extra_root)
        if path.startswith("/redirect/"):
            hops = int(path.rsplit("/", 1)[1])
            target = "/feeds/plain/list.txt" if hops == 0 else f"/redirect/{hops - 1}"
            return self._send(302, headers={"Location": target})
        if path == "/redirect-ftp":
            return self._send(302, headers={"Location": "ftp://127.0.0.1/feed.txt"})
        if path == "/redirect-file":
            return self._send(302, headers={"Location": "file:///etc/passwd"})
        if path == "/big-declared":
            return self._send(200, headers={"Content-Length": str(10**9)})
        if path == "/big-chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            block = b"a.example.com\n" * 1000
            for _ in range(20):
                self.wfile.write(f"{len(block):x}\r\n".encode() + block + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return None
        if path == "/gzip-bomb":
            body = gzip.compress(b"\n" * 5_000_000)
            return self._send(200, body, {"Content-Encoding": "gzip"})
        if path == "/gzip-ok":
            body = gzip.compress(b"nen.example.vn\n")
            return self._send(200, body, {"Content-Encoding": "gzip"})
        if path == "/slow":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(2)
            return None
        return self._send(404, b"not found")

    def _feed(self, relative, root=FIXTURES):
        file = (root / relative).resolve()
        if root.resolve() not in file.parents or not file.is_file():
            return self._send(404, b"not found")
        body = file.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, headers={"ETag": etag})
        if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
            return self._send(304, headers={"Last-Modified": LAST_MODIFIED})
        return self._send(
            200, body, {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Content-Type": "text/plain"}
        )


@contextmanager
def serve(extra_root: Path | None = None) -> Iterator[tuple[str, list[str]]]:
    """Serve the fixtures at /feeds/ (and ``extra_root`` at /extra/) on a free port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.extra_root = extra_root  # type: ignore[attr-defined]
    server.daemon_threads = True
    server.requests_seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.requests_seen  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
