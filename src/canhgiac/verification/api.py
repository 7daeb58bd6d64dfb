"""JSON API: score names, check a URL in the sandbox, feed and work the verification queue."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from canhgiac.accounts.principal import require_analyst, require_scope
from canhgiac.accounts.roles import Scope
from canhgiac.detectors.domains.scorer import load_domain_scorer
from canhgiac.detectors.infrastructure import InfrastructureLookup
from canhgiac.verification import service
from canhgiac.verification.models import DomainCandidate
from canhgiac.verification.sources import SOURCE_FORMATS, default_source, names_in_lines
from canhgiac.web.deps import ApiPrincipal, DbSession, PageChecker, app_settings

router = APIRouter(tags=["detect"])
MAX_NAMES = 10_000
MAX_LINES = 100_000


class NamesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    names: list[str] = Field(min_length=1, max_length=MAX_NAMES)


class QueueIn(NamesIn):
    source: str = Field(default="api", min_length=1, max_length=64)


class LinesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: str = Field(description=", ".join(SOURCE_FORMATS))
    lines: list[str] = Field(min_length=1, max_length=MAX_LINES)
    source: str | None = Field(default=None, min_length=1, max_length=64)


class UrlIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(min_length=1, max_length=4096)
    screenshot: bool = False


class CaptureIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str | None = Field(
        default=None,
        min_length=1,
        max_length=4096,
        description="a link on the name to check; default: the link seen on it, then its home page",
    )
    screenshot: bool = False


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: str = Field(pattern="^(confirm|reject)$")
    category: str | None = Field(default=None, max_length=64)
    reason: str = Field(default="", max_length=2000)


def candidate_out(c: DomainCandidate) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "score": round(c.score, 4),
        "brand": c.brand,
        "category": c.category,
        "reasons": c.reasons,
        "source": c.source,
        "seen_count": c.seen_count,
        "sample_url": c.sample_url,
        "status": c.status,
        "capture": c.capture,
        "decided_category": c.decided_category,
        "decision_reason": c.decision_reason,
        "indicator_id": c.indicator_id,
    }


@router.post("/detect/domains", summary="Chấm điểm tên miền / score domain names")
def score_domains(body: NamesIn, principal: ApiPrincipal) -> dict[str, Any]:
    require_scope(principal, Scope.DETECT)
    return {"results": [s.to_dict() for s in load_domain_scorer().score_many(body.names)]}


@router.get(
    "/detect/domains/facts",
    summary="Thông tin đăng ký (RDAP) và DNS của tên miền / registration and DNS facts",
)
def domain_facts(
    request: Request,
    principal: ApiPrincipal,
    name: str = Query(min_length=1, max_length=2048),
) -> dict[str, Any]:
    require_scope(principal, Scope.DETECT)
    facts = InfrastructureLookup.for_settings(app_settings(request)).facts(name)
    return facts.to_dict()


@router.post(
    "/detect/url", summary="Kiểm tra đường link trong hộp cát / check a URL in the sandbox"
)
def check_url(body: UrlIn, principal: ApiPrincipal, checker: PageChecker) -> dict[str, Any]:
    require_scope(principal, Scope.DETECT)
    result: dict[str, Any] = checker.check(body.url, screenshot=body.screenshot).to_dict()
    return result


@router.post("/verification/names", summary="Đưa tên mới vào hàng đợi / queue new names")
def queue_names(body: QueueIn, db: DbSession, principal: ApiPrincipal) -> dict[str, Any]:
    require_scope(principal, Scope.DETECT)
    result = service.enqueue_names(db, load_domain_scorer(), body.names, source=body.source)
    return result.__dict__


@router.post(
    "/verification/lines",
    summary="Đưa tên trong nhật ký hay danh sách vào hàng đợi / queue the names in log or "
    "list lines",
)
def queue_lines(body: LinesIn, db: DbSession, principal: ApiPrincipal) -> dict[str, Any]:
    """Lines of a DNS or proxy log (zeek-dns, bind, unbound, dnsmasq, suricata, squid), a
    certificate-transparency dump or a plain list: each name queried, visited or listed is
    scored once, and the suspicious unknown ones join the queue."""
    require_scope(principal, Scope.DETECT)
    names = names_in_lines(body.lines, body.format)
    source = body.source or default_source(body.format)
    result = service.enqueue_names(db, load_domain_scorer(), names, source=source)
    return result.__dict__


@router.get("/verification", summary="Hàng đợi xác minh / the verification queue")
def list_queue(
    db: DbSession,
    principal: ApiPrincipal,
    status: str = Query("pending", pattern="^(pending|confirmed|rejected)$"),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    require_analyst(principal)
    page = service.list_candidates(db, status=status, limit=limit, offset=offset)
    return {"total": page.total, "items": [candidate_out(c) for c in page.items]}


@router.post(
    "/verification/{candidate_id}/capture",
    summary="Kiểm tra trang của tên miền trong hộp cát / check the name's page in the sandbox",
)
def capture(
    request: Request,
    candidate_id: int,
    body: CaptureIn,
    db: DbSession,
    principal: ApiPrincipal,
    checker: PageChecker,
) -> dict[str, Any]:
    require_analyst(principal)
    candidate = service.get_candidate(db, candidate_id)
    service.capture_candidate(
        db,
        checker,
        candidate,
        screenshot=body.screenshot,
        infrastructure=InfrastructureLookup.for_settings(app_settings(request)),
        url=body.url,
    )
    return candidate_out(candidate)


@router.post("/verification/{candidate_id}/decide", summary="Quyết định / decide")
def decide(
    candidate_id: int, body: DecisionIn, db: DbSession, principal: ApiPrincipal
) -> dict[str, Any]:
    require_analyst(principal)
    candidate = service.decide_candidate(
        db,
        service.get_candidate(db, candidate_id),
        confirm=body.decision == "confirm",
        category=body.category,
        reason=body.reason,
        decided_by_id=principal.user_id,
        analyst_name=principal.name,
    )
    return candidate_out(candidate)
