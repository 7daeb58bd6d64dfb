"""Pages: check a message with the detector, review checked messages, record verdicts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from canhgiac.accounts.principal import require_analyst
from canhgiac.accounts.roles import ANALYST_ROLES
from canhgiac.categories import CATEGORIES
from canhgiac.detectors.text.classifier import load_text_classifier
from canhgiac.errors import CanhgiacError
from canhgiac.messages import service
from canhgiac.web import nav
from canhgiac.web.deps import DbSession, PagePrincipal
from canhgiac.web.i18n import N_
from canhgiac.web.rendering import flash, redirect, render, translator

router = APIRouter(prefix="/messages", include_in_schema=False)
PAGE_SIZE = 30

nav.register_area(
    nav.NavArea(
        "messages", N_("Messages"), "/messages", order=25, visible=lambda p: p.role in ANALYST_ROLES
    )
)


def _context(db: DbSession, filter_: str, offset: int) -> dict[str, object]:
    labelled = {"todo": False, "done": True}.get(filter_)
    page = service.list_messages(db, labelled=labelled, limit=PAGE_SIZE, offset=offset)
    return {
        "page": page,
        "filter": filter_,
        "offset": offset,
        "page_size": PAGE_SIZE,
        "categories": CATEGORIES,
    }


@router.get("")
def messages_page(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    filter: Annotated[str, Query(pattern="^(all|todo|done)$")] = "todo",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    require_analyst(principal)
    return render(request, "messages/list.html", {**_context(db, filter, offset), "values": {}})


@router.post("")
def check_message(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    text: Annotated[str, Form(max_length=service.MAX_MESSAGE_CHARS + 100)] = "",
    sender: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    require_analyst(principal)
    try:
        message, verdict = service.check_and_store(
            db,
            load_text_classifier(),
            text=text,
            sender=sender or None,
            source="web",
            checked_by_id=principal.user_id,
            agency_id=principal.agency_id,
        )
    except CanhgiacError as exc:
        db.rollback()
        context = {
            **_context(db, "todo", 0),
            "values": {"text": text, "sender": sender},
            "errors": {exc.field or "_form": exc.message},
        }
        return render(request, "messages/list.html", context, status_code=exc.status_code)
    return render(
        request,
        "messages/list.html",
        {**_context(db, "todo", 0), "values": {}, "checked": message, "verdict": verdict.to_dict()},
    )


@router.post("/{message_id}/label")
def label_message(
    request: Request,
    message_id: int,
    db: DbSession,
    principal: PagePrincipal,
    category: Annotated[str, Form(max_length=64)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    require_analyst(principal)
    _ = translator(request)
    response = redirect("/messages")
    try:
        service.label_message(
            db,
            service.get_message(db, message_id),
            category=category,
            labelled_by_id=principal.user_id,
            note=note,
        )
    except CanhgiacError as exc:
        db.rollback()
        flash(request, response, "error", exc.message)
        return response
    flash(request, response, "success", _("Verdict recorded for message #%(id)s.", id=message_id))
    return response
