"""Fetch a remote MISP feed (``<base>/manifest.json`` + ``<base>/<uuid>.json``) into a folder.

The folder is then parsed with :mod:`canhgiac.indicators.feeds.formats.misp`. Every file
goes through :func:`download` and its limits; the number of events and the total size
are bounded too. Unchanged feeds cost one request when the manifest's ETag is passed.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from canhgiac.detectors.pages.addresses import AddressPolicy
from canhgiac.indicators.feeds.download import (
    DownloadError,
    DownloadLimits,
    DownloadResult,
    download,
)
from canhgiac.indicators.feeds.formats.misp import SAFE_EVENT_ID

MAX_EVENTS = 20_000


@dataclass
class MispFetchResult:
    folder: Path
    manifest: DownloadResult
    events: int = 0
    total_bytes: int = 0
    errors: list[str] = field(default_factory=list)


def fetch_misp_feed(
    base_url: str,
    folder: Path,
    *,
    etag: str | None = None,
    limits: DownloadLimits | None = None,
    max_events: int = MAX_EVENTS,
    max_total_bytes: int = 2 * 1024 * 1024 * 1024,
    transport: httpx.BaseTransport | None = None,
    address_policy: AddressPolicy | None = None,
) -> MispFetchResult:
    """Download the manifest and every event file listed in it into ``folder``.

    A failed event download is recorded in ``errors`` and the rest continue; a failed
    manifest raises :class:`DownloadError`.
    """
    base = base_url.rstrip("/") + "/"
    folder.mkdir(parents=True, exist_ok=True)
    manifest = download(
        base + "manifest.json",
        dest_dir=folder,
        etag=etag,
        limits=limits,
        transport=transport,
        address_policy=address_policy,
    )
    result = MispFetchResult(folder=folder, manifest=manifest)
    if manifest.not_modified or manifest.path is None:
        return result
    manifest_path = folder / "manifest.json"
    shutil.move(manifest.path, manifest_path)
    try:
        listing = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DownloadError(f"manifest.json hỏng / malformed manifest.json: {exc}") from exc
    if not isinstance(listing, dict):
        raise DownloadError("manifest.json không phải đối tượng / manifest.json is not an object")
    for uuid in listing:
        if not isinstance(uuid, str) or not SAFE_EVENT_ID.fullmatch(uuid):
            result.errors.append(f"bỏ qua mã sự kiện lạ / ignored odd event id {str(uuid)[:60]!r}")
            continue
        if result.events >= max_events:
            result.errors.append(f"quá {max_events} sự kiện / more than {max_events} events")
            break
        try:
            event = download(
                base + f"{uuid}.json",
                dest_dir=folder,
                limits=limits,
                transport=transport,
                address_policy=address_policy,
            )
        except DownloadError as exc:
            result.errors.append(f"{uuid}: {exc.message}")
            continue
        if event.path is None:
            continue
        result.total_bytes += event.size
        if result.total_bytes > max_total_bytes:
            event.path.unlink(missing_ok=True)
            result.errors.append(f"vượt tổng dung lượng / more than {max_total_bytes} bytes in all")
            break
        shutil.move(event.path, folder / f"{uuid}.json")
        result.events += 1
    return result
