"""Optional screenshot through headless Debian Chromium in a throw-away profile.

Only for URLs the address policy accepted. The page's JavaScript runs here and nowhere
else, so the browser is fenced in: a fresh ``--user-data-dir`` deleted afterwards, no
background networking, every host name mapped to the address the fetcher checked (all
other names fail to resolve), and every request to a host not on that list — including IP
literals such as 169.254.169.254 — sent to a dead proxy. A hard timeout kills the whole
process group.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CHROMIUM = "/usr/bin/chromium"
MAX_PNG_BYTES = 8 * 1024 * 1024
# Connections to this port are refused at once; requests routed here simply fail.
DEAD_PROXY = "http://127.0.0.1:9"
_HOST_RE = re.compile(r"^[a-z0-9.-]{1,253}$|^[0-9a-f:]{2,39}$")


class ScreenshotError(Exception):
    """The browser failed or ran out of time; the message says which (English)."""


@dataclass(frozen=True)
class Screenshot:
    png: bytes
    sha256: str


def find_chromium(explicit: str | None = None) -> str | None:
    for candidate in (explicit, DEFAULT_CHROMIUM, shutil.which("chromium")):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def chromium_args(
    url: str, pinned: Mapping[str, str], profile: Path, out: Path, size: str
) -> list[str]:
    """The command line; ``pinned`` maps each allowed host name to its checked IP."""
    hosts = [h for h in pinned if _HOST_RE.fullmatch(h)]
    # Names go to their checked address; an allowed IP literal is left alone; every other
    # name AND literal fails to resolve (Chromium applies the rules to literals too).
    rules = [f"EXCLUDE {h}" if h == pinned[h] else f"MAP {h} {_bracket(pinned[h])}" for h in hosts]
    rules.append("MAP * ~NOTFOUND")
    # "<-loopback>" first: loopback is not bypassed implicitly (later entries still are).
    bypass = ["<-loopback>", *(_bracket(h) if ":" in h else h for h in hosts)]
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--mute-audio",
        "--hide-scrollbars",
        "--deny-permission-prompts",
        f"--user-data-dir={profile}",
        f"--host-resolver-rules={', '.join(rules)}",
        f"--proxy-server={DEAD_PROXY}",
        f"--proxy-bypass-list={';'.join(bypass)}",
        f"--window-size={size}",
        "--virtual-time-budget=5000",
        f"--screenshot={out}",
        url,
    ]


def _bracket(ip: str) -> str:
    return f"[{ip}]" if ":" in ip else ip


def take_screenshot(
    url: str,
    pinned: Mapping[str, str],
    *,
    timeout: float = 25.0,
    width: int = 1280,
    height: int = 900,
    chromium: str | None = None,
) -> Screenshot | None:
    """PNG of ``url``; None when Chromium is not installed, ScreenshotError when it fails."""
    binary = find_chromium(chromium)
    if binary is None:
        return None
    with tempfile.TemporaryDirectory(prefix="canhgiac-chromium-") as tmp:
        profile = Path(tmp) / "profile"
        out = Path(tmp) / "shot.png"
        profile.mkdir()
        args = [binary, *chromium_args(url, pinned, profile, out, f"{width},{height}")]
        env = {
            "HOME": tmp,
            "PATH": "/usr/bin:/bin",
            "LANG": "vi_VN.UTF-8",
            "TMPDIR": tmp,
        }
        # A list of arguments, never a shell; own session so the whole tree can be killed.
        proc = subprocess.Popen(  # noqa: S603
            args,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise ScreenshotError(f"chromium timed out after {timeout:.0f}s") from None
        finally:
            _kill_group(proc)  # renderer/zygote children outliving the browser
        if not out.is_file():
            raise ScreenshotError(f"chromium exited with {proc.returncode} and no screenshot")
        size = out.stat().st_size
        if size > MAX_PNG_BYTES:
            raise ScreenshotError(f"screenshot larger than {MAX_PNG_BYTES} bytes")
        png = out.read_bytes()
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ScreenshotError("chromium wrote something that is not a PNG")
    return Screenshot(png, hashlib.sha256(png).hexdigest())


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)
