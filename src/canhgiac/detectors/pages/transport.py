"""An httpx transport that connects only to one pre-checked IP address, within a deadline.

The request URL keeps the real host name, so the Host header, TLS SNI and certificate
name check are the name's; only the TCP connection is pinned to the address the policy
approved. Every socket read/write is clamped to a wall-clock deadline, so a server that
trickles one byte at a time (slow-loris) still ends at the deadline.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx


@dataclass
class TlsCapture:
    """What the TLS handshake showed: the peer certificate (DER), protocol and cipher."""

    certificate_der: bytes | None = None
    version: str | None = None
    cipher: str | None = None


@dataclass
class Deadline:
    at: float  # time.monotonic() value

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def clamp(self, timeout: float | None) -> float:
        left = self.remaining()
        if left <= 0:
            raise httpcore.ReadTimeout("wall-clock deadline reached")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline, tls: TlsCapture):
        self._inner = inner
        self._deadline = deadline
        self._tls = tls

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.clamp(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.clamp(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._deadline.clamp(timeout))
        # httpcore hands out ssl.SSLSocket or the C-level _ssl._SSLSocket: duck-type it.
        ssl_object = inner.get_extra_info("ssl_object")
        if ssl_object is not None and hasattr(ssl_object, "getpeercert"):
            self._tls.certificate_der = ssl_object.getpeercert(True)
            self._tls.version = ssl_object.version()
            cipher = ssl_object.cipher()
            self._tls.cipher = cipher[0] if cipher else None
        return _DeadlineStream(inner, self._deadline, self._tls)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


@dataclass
class PinnedBackend(httpcore.NetworkBackend):
    """Connects every request for ``host`` to ``ip``; any other host is a programming error."""

    host: str
    ip: str
    deadline: Deadline
    tls: TlsCapture = field(default_factory=TlsCapture)
    _inner: httpcore.SyncBackend = field(default_factory=httpcore.SyncBackend)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        if host.strip("[]").lower() != self.host.strip("[]").lower():
            raise httpcore.ConnectError(f"unexpected host {host!r}; pinned to {self.host!r}")
        stream = self._inner.connect_tcp(
            self.ip, port, self.deadline.clamp(timeout), local_address, socket_options
        )
        return _DeadlineStream(stream, self.deadline, self.tls)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are never used by the page fetcher")


class PinnedTransport(httpx.HTTPTransport):
    """httpx's transport (its error mapping, streaming) over a :class:`PinnedBackend` pool."""

    def __init__(self, backend: PinnedBackend, ssl_context: ssl.SSLContext) -> None:
        super().__init__(verify=ssl_context, http2=False, retries=0)
        self._pool.close()
        # One connection, never reused: each hop gets its own checked, pinned transport.
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=1,
            max_keepalive_connections=0,
            http1=True,
            http2=False,
            retries=0,
            network_backend=backend,
        )
