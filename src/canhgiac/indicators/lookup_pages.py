"""The public look-up page (tra cứu) and the dispute form, for anyone, without signing in.

Answers come from ``indicators.lookup`` through the short-lived cache; every question and
every dispute counts against the caller's per-IP rate limit. Nothing here shows who
reported a value.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from canhgiac.accounts.personal_data import PersonalDataCipher
from canhgiac.categories import BY_CODE
from canhgiac.detectors.text.classifier import load_text_classifier
from canhgiac.errors import CanhgiacError, ValidationFailed
from canhgiac.indicators import disputes
from canhgiac.indicators.labels import KIND_LABELS
from canhgiac.indicators.lookup import LookupAnswer
from canhgiac.indicators.lookup_cache import cache_for, cached_lookup
from canhgiac.messages.service import MAX_MESSAGE_CHARS, check_text
from canhgiac.web import nav
from canhgiac.web.deps import DbSession, OptionalUser, app_settings, request_locale
from canhgiac.web.i18n import N_, labels_for
from canhgiac.web.ratelimit import limit_public_lookups
from canhgiac.web.rendering import flash, redirect, render, translator

router = APIRouter(include_in_schema=False)
LOOKUP_PATH = "/tra-cuu"
MAX_QUERY_CHARS = 2048
# Official channels for reporting a scam until citizen reports open in canhgiac itself.
REPORT_PORTAL = "https://canhbao.khonggianmang.vn"
DISPUTABLE = frozenset({"verified", "reported"})

nav.register_area(nav.NavArea("lookup", N_("Look-up"), LOOKUP_PATH, order=10))


def _field_errors(exc: CanhgiacError, default_field: str) -> dict[str, str]:
    field = exc.field if exc.field and exc.field != "value" else default_field
    return {field: exc.message}


def _context(request: Request, q: str, answer: LookupAnswer | None, **extra: Any) -> dict[str, Any]:
    return {
        "q": q,
        "answer": answer,
        "kind_labels": labels_for(KIND_LABELS, request_locale(request)),
        "report_portal": REPORT_PORTAL,
        "disputable": answer is not None and answer.status in DISPUTABLE,
        "errors": {},
        "dispute_errors": {},
        "dispute_values": {},
        **extra,
    }


@router.get(LOOKUP_PATH)
def lookup_page(request: Request, db: DbSession, user: OptionalUser, q: str = "") -> Response:
    q = q.strip()[:MAX_QUERY_CHARS]
    if not q:
        return render(request, "lookup/lookup.html", _context(request, "", None))
    limit_public_lookups(request)
    try:
        answer = cached_lookup(db, cache_for(request.app.state), q)
    except ValidationFailed as exc:
        errors = _field_errors(exc, "q")
        return render(
            request,
            "lookup/lookup.html",
            _context(request, q, None, errors=errors),
            status_code=422,
        )
    return render(request, "lookup/lookup.html", _context(request, q, answer))


Text = Annotated[str, Form(max_length=disputes.MAX_TEXT)]


@router.post(LOOKUP_PATH + "/khieu-nai")
def file_dispute(
    request: Request,
    db: DbSession,
    user: OptionalUser,
    value: Annotated[str, Form(max_length=MAX_QUERY_CHARS)] = "",
    contact: Annotated[str, Form(max_length=500)] = "",
    explanation: Text = "",
    evidence: Text = "",
) -> Response:
    limit_public_lookups(request)
    cache = cache_for(request.app.state)
    try:
        disputes.file_dispute(
            db,
            cipher=PersonalDataCipher(app_settings(request)),
            value=value,
            contact=contact,
            explanation=explanation,
            evidence=evidence,
        )
    except CanhgiacError as exc:
        db.rollback()
        try:
            answer: LookupAnswer | None = cached_lookup(db, cache, value)
        except ValidationFailed:
            answer = None
        context = _context(
            request,
            value,
            answer,
            dispute_errors=_field_errors(exc, "_form"),
            dispute_values={"contact": contact, "explanation": explanation, "evidence": evidence},
        )
        context["disputable"] = answer is not None
        return render(request, "lookup/lookup.html", context, status_code=exc.status_code)
    cache.clear()  # the value now shows as disputed
    _ = translator(request)
    response = redirect(f"{LOOKUP_PATH}?q={quote(value.strip(), safe='')}")
    flash(
        request,
        response,
        "success",
        _("Your dispute has been received. The authorities will review it and contact you."),
    )
    return response


@router.post(LOOKUP_PATH + "/tin-nhan")
def check_message(
    request: Request,
    db: DbSession,
    user: OptionalUser,
    text: Annotated[str, Form(max_length=MAX_MESSAGE_CHARS + 100)] = "",
    sender: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """The "check a message" box: classified at once, nothing a citizen pastes is stored."""
    limit_public_lookups(request)
    context = _context(request, "", None, message_text=text, message_sender=sender)
    try:
        verdict = check_text(load_text_classifier(), text=text, sender=sender or None)
    except ValidationFailed as exc:
        context["message_errors"] = {exc.field or "text": exc.message}
        return render(request, "lookup/lookup.html", context, status_code=422)
    category = BY_CODE.get(verdict.category)
    locale = request_locale(request)
    context["message_verdict"] = verdict.to_dict()
    if category is not None:
        context["message_advice"] = category.advice_vi if locale == "vi" else category.advice_en
    return render(request, "lookup/lookup.html", context)
