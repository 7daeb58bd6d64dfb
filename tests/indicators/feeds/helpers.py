from __future__ import annotations

import io
import tarfile
from collections.abc import Iterable

from canhgiac.indicators.feeds import FeedEntry, FeedItem, FeedProblem


def split(items: Iterable[FeedItem]) -> tuple[list[FeedEntry], list[FeedProblem]]:
    entries: list[FeedEntry] = []
    problems: list[FeedProblem] = []
    for item in items:
        (entries if isinstance(item, FeedEntry) else problems).append(item)  # type: ignore[arg-type]
    return entries, problems


def values(entries: Iterable[FeedEntry]) -> list[tuple[str, str | None]]:
    return [(e.raw, e.kind_hint) for e in entries]


def tar_of_trails(fixtures, target, prefix):
    """A tar.gz of the maltrail fixture tree under ``prefix``, plus hostile members."""
    root = fixtures / "maltrail"
    with tarfile.open(target, "w:gz") as archive:
        for path in sorted(root.rglob("*")):
            archive.add(
                path, arcname=f"{prefix}{path.relative_to(root).as_posix()}", recursive=False
            )
        for name, data in (
            ("../evil/malware/x.txt", b"evil.example\n"),
            ("/abs/malware/y.txt", b"abs.example\n"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo(f"{prefix}malware/link.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    return target
