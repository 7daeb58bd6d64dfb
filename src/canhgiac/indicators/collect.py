"""Parse and normalise a feed into a :class:`BulkSet`: the CPU-heavy half of an import.

Blocks of host names already in canonical form go in as whole lists; every other entry
goes through the normaliser, and what fails is counted with its line number. A big
trail folder is split into two runs of consecutive files, the second parsed in a worker
process while this one parses the first: two cores, half the time. The parts are joined
in file order, so the result is the same as one pass; without a worker process (it could
not start, or failed) the second part is parsed here after the first.
"""

from __future__ import annotations

import logging
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from canhgiac.categories import BY_CODE, THREAT_CATEGORIES
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.bulk_stage import BulkSet
from canhgiac.indicators.fast_normalize import canonical_block, canonical_flags, fast_normalize
from canhgiac.indicators.feeds import parse_feed_chunks
from canhgiac.indicators.feeds.formats import maltrail
from canhgiac.indicators.feeds.formats.csv_columns import CsvMapping
from canhgiac.indicators.feeds.model import FeedBlock, FeedChunk, FeedEntry, FeedProblem, FeedStats
from canhgiac.indicators.normalize import normalize

KNOWN_CATEGORIES = frozenset(BY_CODE) | frozenset(THREAT_CATEGORIES)
PROGRESS_EVERY = 50_000  # entries between progress callbacks
# A trail folder at least this big is parsed in two processes (maltrail: ~58 MB).
PARALLEL_MIN_BYTES = 8 * 1024 * 1024
# This process takes a little more than half: the worker first starts an interpreter and
# at the end pickles its result.
PARALLEL_SHARES = (0.56, 0.44)
# Meta numbers of the worker's part start here, clear of the first part's.
_SECOND_PART_METAS = 1 << 30
log = logging.getLogger(__name__)
# Feed vocabularies mapped onto ours when the feed does not say otherwise.
DEFAULT_CATEGORY_MAP: dict[str, str] = {
    "malware_download": "malware",
    "scam": "fraud.impersonation.brand",
    "gambling": "gambling",
    "phishing": "phishing",
    "c&c": "c2",
    "cnc": "c2",
}


@dataclass
class Tally:
    """What parsing and normalising counted, beside the rows themselves."""

    entries: int = 0
    stored: int = 0  # entries that normalised and went to the store
    malformed: int = 0  # entries the normaliser rejected (parse problems are in stats)
    problems: list[tuple[str | None, int, str]] = field(default_factory=list)  # (file, line, why)
    stats: FeedStats = field(default_factory=FeedStats)

    def absorb(self, later: Tally, max_problems: int) -> None:
        """Add the counts of a part that comes after this one in the feed."""
        self.entries += later.entries
        self.stored += later.stored
        self.malformed += later.malformed
        self.problems.extend(later.problems[: max(0, max_problems - len(self.problems))])
        stats, other = self.stats, later.stats
        stats.entries += other.entries
        stats.malformed += other.malformed
        stats.skipped += other.skipped
        for reason, count in other.skipped_reasons.items():
            stats.skipped_reasons[reason] = stats.skipped_reasons.get(reason, 0) + count
        stats.examples.extend(other.examples[: max(0, stats.max_examples - len(stats.examples))])


def category_resolver(
    default: str | None, mapping: Mapping[str, str]
) -> Callable[[str | None], str | None]:
    """Feed category → ours, memoised: feeds repeat a handful of category strings millions of times."""
    memo: dict[str | None, str | None] = {}

    def resolve(raw_category: str | None) -> str | None:
        try:
            return memo[raw_category]
        except KeyError:
            raw = (raw_category or "").strip().lower()
            mapped = mapping.get(raw) or DEFAULT_CATEGORY_MAP.get(raw) or raw
            memo[raw_category] = result = mapped if mapped in KNOWN_CATEGORIES else default
            return result

    return resolve


def collect(
    chunks: Iterable[FeedChunk],
    bulk: BulkSet,
    tally: Tally,
    *,
    default_category: str | None,
    category_map: Mapping[str, str],
    max_problems: int,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Normalise each entry into ``bulk``; count and record the rest in ``tally``."""
    category_of = category_resolver(default_category, category_map)
    metas: dict[tuple[str | None, str | None, str | None], int] = {}

    def meta_of(category: str | None, family: str | None, file: str | None) -> int:
        key = (category, family, file)
        found = metas.get(key)
        if found is None:
            found = metas[key] = bulk.meta(category_of(category), family, file)
        return found

    problems, stats = tally.problems, tally.stats
    entries = 0
    next_progress = PROGRESS_EVERY

    def one(entry: FeedEntry) -> None:
        fast = fast_normalize(entry.raw, entry.kind_hint)
        if fast is None:
            try:
                ind = normalize(entry.raw, entry.kind_hint)
            except ValidationFailed as exc:
                tally.malformed += 1
                if len(problems) < max_problems:
                    problems.append((entry.file, entry.line_no, exc.message))
                return
            fast = (ind.kind.value, ind.value, ind.display)
        tally.stored += 1
        bulk.add(fast[0], fast[1], fast[2], meta_of(entry.category, entry.family, entry.file))

    for chunk in chunks:
        kind = chunk.__class__
        if kind is FeedProblem:
            problem: FeedProblem = chunk  # type: ignore[assignment]
            stats.add(problem)
            if not problem.skipped and len(problems) < max_problems:
                problems.append((problem.file, problem.line_no, problem.reason))
            continue
        if kind is FeedBlock:
            block: FeedBlock = chunk  # type: ignore[assignment]
            entries += len(block.values)
            meta = meta_of(block.category, block.family, block.file)
            if canonical_block(block.kind_hint, block.values):
                # Each value normalises to itself: no per-entry work at all.
                tally.stored += len(block.values)
                bulk.add_plain(block.kind_hint, block.values, meta)
            else:
                # A few odd values (www., punycode): only those take the full path, in
                # order, so the first occurrence of each value still wins.
                flags = canonical_flags(block.kind_hint, block.values)
                for plain, run in groupby(zip(flags, block.entries(), strict=True), itemgetter(0)):
                    if plain:
                        values = [entry.raw for _, entry in run]
                        tally.stored += len(values)
                        bulk.add_plain(block.kind_hint, values, meta)
                    else:
                        for _, entry in run:
                            one(entry)
        else:
            entries += 1
            one(chunk)  # type: ignore[arg-type]
        if progress is not None and entries >= next_progress:
            progress(entries)
            next_progress = (entries // PROGRESS_EVERY + 1) * PROGRESS_EVERY
    tally.entries += entries


def collect_feed(
    fmt: str,
    path: Path,
    *,
    category: str | None = None,
    csv_mapping: CsvMapping | None = None,
    category_map: Mapping[str, str],
    max_problems: int,
    progress: Callable[[int], None] | None = None,
) -> tuple[BulkSet, Tally]:
    """Parse and normalise the feed at ``path``; a big trail folder on two cores."""
    parts = (
        maltrail.split_files(path, PARALLEL_SHARES, min_bytes=PARALLEL_MIN_BYTES)
        if fmt == "maltrail" and path.is_dir()
        else None
    )
    if parts is None:
        bulk, tally = BulkSet(), Tally()
        chunks = parse_feed_chunks(fmt, path, category=category, csv_mapping=csv_mapping)
        collect(
            chunks,
            bulk,
            tally,
            default_category=category,
            category_map=category_map,
            max_problems=max_problems,
            progress=progress,
        )
        return bulk, tally
    first, second = parts
    with tempfile.TemporaryDirectory(prefix="canhgiac-collect-") as tmp:
        worker = _start_worker(Path(tmp), second, category, category_map, max_problems)
        bulk, tally = collect_files(first, category, category_map, max_problems, 0, progress)
        later = _worker_result(Path(tmp), worker)
    if later is None:  # no worker process to be had: parse the second part here
        later = collect_files(second, category, category_map, max_problems, _SECOND_PART_METAS)
    bulk.absorb(later[0])
    tally.absorb(later[1], max_problems)
    if progress is not None:
        progress(tally.entries)
    return bulk, tally


def _start_worker(
    tmp: Path,
    files: list[maltrail.TrailFile],
    category: str | None,
    category_map: Mapping[str, str],
    max_problems: int,
) -> subprocess.Popen[bytes] | None:
    """A fresh interpreter parsing ``files`` (not multiprocessing: a fork could inherit a
    server's held locks, a spawn re-runs the caller's main script)."""
    request = (files, category, dict(category_map), max_problems, _SECOND_PART_METAS)
    (tmp / "request").write_bytes(pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))
    try:
        return subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "canhgiac.indicators.collect_worker", str(tmp)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
    except OSError:
        log.warning("no worker process for parsing; parsing in one process", exc_info=True)
        return None


def _worker_result(
    tmp: Path, worker: subprocess.Popen[bytes] | None
) -> tuple[BulkSet, Tally] | None:
    if worker is None:
        return None
    _, err = worker.communicate()
    result = tmp / "result"
    if worker.returncode != 0 or not result.exists():
        log.warning(
            "parsing worker failed (%s): %s",
            worker.returncode,
            err.decode(errors="replace")[-2000:],
        )
        return None
    later: tuple[BulkSet, Tally] = pickle.loads(result.read_bytes())  # noqa: S301 - our own child's output
    return later


def collect_files(
    files: list[maltrail.TrailFile],
    default_category: str | None,
    category_map: Mapping[str, str],
    max_problems: int,
    first_meta: int,
    progress: Callable[[int], None] | None = None,
) -> tuple[BulkSet, Tally]:
    """One part of a trail folder (what the worker process runs, too)."""
    bulk, tally = BulkSet(first_meta), Tally()
    collect(
        maltrail.files_chunks(files),
        bulk,
        tally,
        default_category=default_category,
        category_map=category_map,
        max_problems=max_problems,
        progress=progress,
    )
    return bulk, tally
