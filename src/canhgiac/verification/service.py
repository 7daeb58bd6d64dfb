"""The verification queue: score new names, keep the suspicious ones, check their pages,
and record the analyst's decision (confirm → listed indicator; reject → allow-list candidate).
Decisions are labelled data for retraining the name model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canhgiac.categories import BY_CODE
from canhgiac.db.base import utcnow
from canhgiac.detectors.domains.scorer import DomainScorer
from canhgiac.detectors.infrastructure import InfrastructureLookup
from canhgiac.detectors.pages.check import UrlCheck, UrlChecker
from canhgiac.detectors.pages.fetch import MAX_WORKERS
from canhgiac.detectors.pages.urls import host_of, parse_fetch_url
from canhgiac.errors import CanhgiacError, Conflict, NotFound, ValidationFailed
from canhgiac.indicators import store
from canhgiac.indicators.allowlist import official_match
from canhgiac.indicators.normalize import normalize
from canhgiac.verification.models import DomainCandidate

MAX_NAMES_PER_IMPORT = 2_000_000
MAX_CAPTURES_PER_RUN = 500


@dataclass
class EnqueueResult:
    names: int = 0
    suspicious: int = 0
    queued: int = 0  # new candidates
    seen_again: int = 0
    invalid: int = 0
    skipped_known: int = 0  # official, allow-listed or already an indicator


def enqueue_names(
    session: Session,
    scorer: DomainScorer,
    names: Iterable[str],
    *,
    source: str,
    links: Mapping[str, str] | None = None,
) -> EnqueueResult:
    """Score names in batches; suspicious ones not already known join the queue (idempotent).

    ``links`` maps a name to a link seen on it (a message's), kept for the page capture."""
    result = EnqueueResult()
    links = links or {}
    batch: list[str] = []

    def flush() -> None:
        unique = list(dict.fromkeys(batch))
        batch.clear()
        for scored in scorer.score_many(unique):
            if not scored.is_suspicious:
                continue
            result.suspicious += 1
            _queue_one(
                session,
                scored.domain,
                scored.score,
                scored.brand,
                scored.category,
                list(scored.reasons),
                source,
                result,
                links.get(scored.domain),
            )

    for raw in names:
        result.names += 1
        if result.names > MAX_NAMES_PER_IMPORT:
            raise ValidationFailed(
                f"Tối đa {MAX_NAMES_PER_IMPORT} tên mỗi lần / too many names", field="names"
            )
        try:
            batch.append(normalize(raw.lstrip("*."), "domain").value)
        except ValidationFailed:
            result.invalid += 1
            continue
        if len(batch) >= 5_000:
            flush()
    flush()
    session.flush()
    return result


def _queue_one(
    session: Session,
    name: str,
    score: float,
    brand: str | None,
    category: str | None,
    reasons: list[str],
    source: str,
    result: EnqueueResult,
    link: str | None,
) -> None:
    existing = session.scalar(select(DomainCandidate).where(DomainCandidate.name == name))
    if existing is not None:
        existing.seen_count += 1
        existing.last_seen = utcnow()
        existing.sample_url = existing.sample_url or link
        result.seen_again += 1
        return
    ind = normalize(name, "domain")
    if official_match(session, ind) is not None or store.find_indicator(session, ind) is not None:
        result.skipped_known += 1
        return
    session.add(
        DomainCandidate(
            name=name,
            score=score,
            brand=brand,
            category=category,
            reasons=reasons,
            source=source,
            sample_url=link,
        )
    )
    result.queued += 1


def get_candidate(session: Session, candidate_id: int) -> DomainCandidate:
    candidate = session.get(DomainCandidate, candidate_id)
    if candidate is None:
        raise NotFound(
            f"Không có tên miền chờ xác minh #{candidate_id} / candidate not found",
            field="candidate",
        )
    return candidate


@dataclass
class CandidatePage:
    items: list[DomainCandidate]
    total: int


def list_candidates(
    session: Session, *, status: str = "pending", limit: int = 50, offset: int = 0
) -> CandidatePage:
    query = select(DomainCandidate).where(DomainCandidate.status == status)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    items = list(
        session.scalars(
            query.order_by(DomainCandidate.score.desc(), DomainCandidate.id)
            .limit(min(limit, 500))
            .offset(offset)
        )
    )
    return CandidatePage(items, total)


def next_pending(session: Session, after_id: int | None = None) -> DomainCandidate | None:
    query = select(DomainCandidate).where(DomainCandidate.status == "pending")
    if after_id is not None:
        query = query.where(DomainCandidate.id != after_id)
    return session.scalar(query.order_by(DomainCandidate.score.desc(), DomainCandidate.id).limit(1))


def capture_candidate(
    session: Session,
    checker: UrlChecker,
    candidate: DomainCandidate,
    *,
    screenshot: bool,
    infrastructure: InfrastructureLookup | None = None,
    url: str | None = None,
) -> None:
    """Check the name's page (sandboxed fetcher) and keep the capture beside the name, with
    its registration and DNS facts when ``infrastructure`` is given.

    ``url``: the analyst's link on this name, checked as given. Without it the link seen on
    the name comes first, then the home page over https, then http; the first that answers
    is kept (or the first attempt's error when none does)."""
    if url is not None:
        attempts = [link_on_name(url, candidate.name)]
    else:
        attempts = _page_attempts(candidate.name, candidate.sample_url)
    result = _first_answer(checker, attempts, screenshot)
    _keep_capture(session, candidate, result, infrastructure)


def capture_pending(
    session: Session,
    checker: UrlChecker,
    *,
    limit: int = 50,
    workers: int = 4,
    screenshot: bool = False,
    infrastructure: InfrastructureLookup | None = None,
) -> dict[str, int]:
    """Capture the pages of pending names never captured, highest score first, so that the
    analyst finds the page beside the name. The pages are fetched concurrently by a bounded
    pool; the captures are written here, one session, one thread."""
    candidates = list(
        session.scalars(
            select(DomainCandidate)
            .where(DomainCandidate.status == "pending", DomainCandidate.capture.is_(None))
            .order_by(DomainCandidate.score.desc(), DomainCandidate.id)
            .limit(max(0, min(limit, MAX_CAPTURES_PER_RUN)))
        )
    )
    attempts = [_page_attempts(c.name, c.sample_url) for c in candidates]

    def one(urls: list[str]) -> UrlCheck | None:
        try:
            return _first_answer(checker, urls, screenshot)
        except CanhgiacError:  # no usable link at all: left for an analyst to look at
            return None

    with ThreadPoolExecutor(max_workers=max(1, min(workers, MAX_WORKERS))) as pool:
        results = list(pool.map(one, attempts))
    answered = unusable = 0
    for candidate, result in zip(candidates, results, strict=True):
        if result is None:
            unusable += 1
            continue
        answered += int(not result.refused and not result.fetch.error)
        _keep_capture(session, candidate, result, infrastructure)
    return {"checked": len(candidates), "answered": answered, "unusable": unusable}


def _page_attempts(name: str, sample_url: str | None) -> list[str]:
    home = [f"https://{name}/", f"http://{name}/"]
    return [sample_url, *home] if sample_url else home


def _first_answer(checker: UrlChecker, attempts: list[str], screenshot: bool) -> UrlCheck:
    """The first attempt whose page answers, else the first attempt's result."""
    first: UrlCheck | None = None
    for attempt in attempts:
        checked = checker.check(attempt, screenshot=screenshot)
        if not checked.refused and not checked.fetch.error:
            return checked
        first = first or checked
    assert first is not None  # at least one attempt
    return first


def _keep_capture(
    session: Session,
    candidate: DomainCandidate,
    result: UrlCheck,
    infrastructure: InfrastructureLookup | None,
) -> None:
    capture = result.to_dict()
    if infrastructure is not None:
        capture["infrastructure"] = infrastructure.facts(candidate.name).to_dict()
    candidate.capture = capture
    candidate.captured_at = utcnow()
    session.flush()


def link_on_name(url: str, name: str) -> str:
    """``url`` as the fetcher reads it, if it is on ``name`` or one of its sub-domains: the
    capture is evidence about this name, not about wherever an analyst's link points."""
    parsed = parse_fetch_url(url)
    host = host_of(parsed)
    if host != name and not host.endswith("." + name):
        raise ValidationFailed(
            f"Đường link phải thuộc tên miền {name} / the link must be on {name}", field="url"
        )
    return str(parsed)


def decide_candidate(
    session: Session,
    candidate: DomainCandidate,
    *,
    confirm: bool,
    category: str | None,
    reason: str,
    decided_by_id: int | None,
    analyst_name: str,
) -> DomainCandidate:
    if candidate.status != "pending":
        raise Conflict("Tên miền này đã được quyết định / already decided", field="candidate")
    if confirm:
        if not category or category not in BY_CODE:
            raise ValidationFailed(
                "Chọn loại hợp lệ khi xác nhận / a valid category is required", field="category"
            )
        indicator = store.record_indicator(
            session,
            raw=candidate.name,
            kind="domain",
            source=f"analyst:{analyst_name}",
            category=category,
            confidence=80,
        )
        if indicator.status != "listed":
            store.change_status(
                session,
                indicator,
                status="listed",
                reason=f"Xác minh tên miền #{candidate.id}: {reason or 'đã xác nhận'}",
            )
        candidate.indicator_id = indicator.id
    candidate.status = "confirmed" if confirm else "rejected"
    candidate.decided_category = category if confirm else None
    candidate.decision_reason = reason.strip()[:2000] or None
    candidate.decided_by_id = decided_by_id
    candidate.decided_at = utcnow()
    session.flush()
    return candidate


def training_labels(session: Session) -> Iterator[tuple[str, bool]]:
    """(name, is_scam) from analysts' decisions: feedback for the name model."""
    query = select(DomainCandidate.name, DomainCandidate.status).where(
        DomainCandidate.status != "pending"
    )
    return ((name, status == "confirmed") for name, status in session.execute(query))
