"""The verification queue page: one name at a time, its reasons and page capture side by
side, confirm or reject with the keyboard (c / r / s — see static/verification.js)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from canhgiac.accounts.principal import require_analyst
from canhgiac.accounts.roles import ANALYST_ROLES
from canhgiac.categories import CATEGORIES
from canhgiac.detectors.domains.scorer import load_domain_scorer
from canhgiac.detectors.infrastructure import InfrastructureLookup
from canhgiac.errors import CanhgiacError
from canhgiac.verification import service
from canhgiac.verification.sources import SOURCE_FORMATS, default_source, iter_names
from canhgiac.web import nav
from canhgiac.web.deps import DbSession, PageChecker, PagePrincipal, app_settings
from canhgiac.web.i18n import N_
from canhgiac.web.rendering import flash, redirect, render, translator

router = APIRouter(prefix="/verification", include_in_schema=False)

nav.register_area(
    nav.NavArea(
        "verification",
        N_("Verification"),
        "/verification",
        order=22,
        visible=lambda p: p.role in ANALYST_ROLES,
    )
)


@router.get("")
def queue_page(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    id: Annotated[int | None, Query()] = None,
) -> Response:
    require_analyst(principal)
    current = service.get_candidate(db, id) if id else service.next_pending(db)
    page = service.list_candidates(db, limit=20)
    return render(
        request,
        "verification/queue.html",
        {
            "current": current,
            "page": page,
            "categories": CATEGORIES,
            "source_formats": SOURCE_FORMATS,
            "max_upload_mb": app_settings(request).max_body_bytes // (1024 * 1024),
        },
    )


@router.post("/import")
def import_names(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    names_file: Annotated[UploadFile, File()],
    fmt: Annotated[str, Form(alias="format", max_length=16)] = "list",
    source: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """A list, certificate-transparency dump or monitoring log uploaded by an analyst (the
    request size limit bounds it; larger files go through ``canhgiac verification import``)."""
    require_analyst(principal)
    _ = translator(request)
    response = redirect("/verification")
    try:
        result = service.enqueue_names(
            db,
            load_domain_scorer(),
            iter_names(names_file.file, fmt),
            source=source.strip() or default_source(fmt),
        )
    except CanhgiacError as exc:
        db.rollback()
        flash(request, response, "error", exc.message)
        return response
    flash(
        request,
        response,
        "success",
        _(
            "%(names)s names read: %(suspicious)s suspicious, %(queued)s new in the queue, "
            "%(again)s seen again, %(known)s already known, %(invalid)s invalid.",
            names=result.names,
            suspicious=result.suspicious,
            queued=result.queued,
            again=result.seen_again,
            known=result.skipped_known,
            invalid=result.invalid,
        ),
    )
    return response


@router.post("/{candidate_id}/capture")
def capture(
    request: Request,
    candidate_id: int,
    db: DbSession,
    principal: PagePrincipal,
    checker: PageChecker,
    screenshot: Annotated[str, Form(max_length=8)] = "",
    url: Annotated[str, Form(max_length=4096)] = "",
) -> Response:
    require_analyst(principal)
    candidate = service.get_candidate(db, candidate_id)
    response = redirect(f"/verification?id={candidate_id}")
    try:
        service.capture_candidate(
            db,
            checker,
            candidate,
            screenshot=bool(screenshot),
            infrastructure=InfrastructureLookup.for_settings(app_settings(request)),
            url=url.strip() or None,
        )
    except CanhgiacError as exc:
        db.rollback()
        flash(request, response, "error", exc.message)
    return response


@router.post("/{candidate_id}/decide")
def decide(
    request: Request,
    candidate_id: int,
    db: DbSession,
    principal: PagePrincipal,
    decision: Annotated[str, Form(pattern="^(confirm|reject|skip)$")] = "skip",
    category: Annotated[str, Form(max_length=64)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    require_analyst(principal)
    _ = translator(request)
    candidate = service.get_candidate(db, candidate_id)
    if decision == "skip":
        following = service.next_pending(db, after_id=candidate_id)
        return redirect(f"/verification?id={following.id}" if following else "/verification")
    response = redirect("/verification")
    try:
        service.decide_candidate(
            db,
            candidate,
            confirm=decision == "confirm",
            category=category or None,
            reason=reason,
            decided_by_id=principal.user_id,
            analyst_name=principal.name,
        )
    except CanhgiacError as exc:
        db.rollback()
        response = redirect(f"/verification?id={candidate_id}")
        flash(request, response, "error", exc.message)
        return response
    flash(request, response, "success", _("%(name)s: decision recorded.", name=candidate.name))
    return response
