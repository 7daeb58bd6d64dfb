"""Analyst pages of indicators: search, detail, status changes (one or many), merge, add.

Every signed-in user reads; analysts and administrators change (``indicators.access``).
Changes go through ``indicators.store``, which enforces the lifecycle; the flush hook
audits them.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from canhgiac.accounts.principal import Principal
from canhgiac.errors import CanhgiacError, PermissionDenied, ValidationFailed
from canhgiac.indicators import disputes, store
from canhgiac.indicators.access import analyst_source, can_edit, require_editor, require_reader
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.labels import (
    DISPUTE_STATUS_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    category_labels,
)
from canhgiac.indicators.lookup_cache import cache_for
from canhgiac.indicators.models import STATUSES, TLPS
from canhgiac.web import nav
from canhgiac.web.deps import DbSession, PagePrincipal, request_locale
from canhgiac.web.i18n import N_, labels_for, localised_message
from canhgiac.web.rendering import flash, redirect, render, translator

router = APIRouter(prefix="/indicators", include_in_schema=False)
PAGE_SIZE = 50
MAX_BULK = 500

nav.register_area(nav.NavArea("indicators", N_("Indicators"), "/indicators", order=20))

Text = Annotated[str, Form(max_length=255)]
LongText = Annotated[str, Form(max_length=5000)]
Filter = Annotated[str, Query(max_length=255)]


def labels_context(request: Request, principal: Principal) -> dict[str, Any]:
    """Labels every indicator page uses, in the request's language."""
    locale = request_locale(request)
    return {
        "kind_names": labels_for(KIND_LABELS, locale),
        "status_names": labels_for(STATUS_LABELS, locale),
        "dispute_status_names": labels_for(DISPUTE_STATUS_LABELS, locale),
        "category_names": category_labels(locale),
        "can_edit": can_edit(principal),
    }


def fail_back(request: Request, db: DbSession, target: str, exc: CanhgiacError) -> Response:
    """Undo the request's work and go back with the service's message."""
    if isinstance(exc, PermissionDenied):
        raise exc
    db.rollback()
    response = redirect(target)
    flash(request, response, "error", localised_message(exc.message, request_locale(request)))
    return response


def _search_query(**params: object) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "", 0)})


@router.get("")
def search_page(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    q: Filter = "",
    kind: Filter = "",
    status: Filter = "",
    category: Filter = "",
    source: Filter = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    require_reader(principal)
    result = store.search_indicators(
        db,
        q=q or None,
        kind=kind or None,
        status=status or None,
        category=category or None,
        source=source or None,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    filters = {"q": q, "kind": kind, "status": status, "category": category, "source": source}
    pages = max(1, -(-result.total // PAGE_SIZE))
    return render(
        request,
        "indicators/search.html",
        {
            **labels_context(request, principal),
            "result": result,
            "filters": filters,
            "page": page,
            "pages": pages,
            "prev_url": f"/indicators?{_search_query(**filters, page=page - 1)}"
            if page > 1
            else None,
            "next_url": f"/indicators?{_search_query(**filters, page=page + 1)}"
            if page < pages
            else None,
            "back": f"/indicators?{_search_query(**filters, page=page)}",
            "kinds": [k.value for k in IndicatorKind],
            "statuses": STATUSES,
        },
    )


@router.post("/bulk-status")
def bulk_status(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    ids: Annotated[list[int], Form(max_length=MAX_BULK)] = [],  # noqa: B006 - FastAPI copies
    status: Text = "",
    reason: LongText = "",
    back: Annotated[str, Form(max_length=2000)] = "/indicators",
) -> Response:
    require_editor(principal)
    target = back if back.startswith("/indicators") else "/indicators"
    _ = translator(request)
    try:
        if not ids:
            raise ValidationFailed(
                "Hãy chọn ít nhất một chỉ dấu / select at least one indicator", field="ids"
            )
        changed = store.bulk_change_status(db, ids, status=status, reason=reason)
    except CanhgiacError as exc:
        return fail_back(request, db, target, exc)
    cache_for(request.app.state).clear()
    response = redirect(target)
    flash(request, response, "success", _("%(n)s indicators changed.", n=changed))
    return response


def _new_context(request: Request, principal: Principal, values: dict[str, Any]) -> dict[str, Any]:
    return {
        **labels_context(request, principal),
        "values": values,
        "kinds": [k.value for k in IndicatorKind],
        "tlps": TLPS,
    }


@router.get("/new")
def new_form(request: Request, principal: PagePrincipal) -> Response:
    require_editor(principal)
    values = {"status": "reported", "confidence": 50, "tlp": "clear"}
    return render(request, "indicators/new.html", _new_context(request, principal, values))


@router.post("/new")
def create(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    value: Annotated[str, Form(max_length=2048)] = "",
    kind: Text = "",
    category: Text = "",
    family: Text = "",
    status: Text = "reported",
    confidence: Text = "50",
    tlp: Text = "clear",
    reference: Text = "",
) -> Response:
    require_editor(principal)
    values = {
        "value": value,
        "kind": kind,
        "category": category,
        "family": family,
        "status": status,
        "confidence": confidence,
        "tlp": tlp,
        "reference": reference,
    }
    try:
        if not confidence.strip().isdigit():
            raise ValidationFailed(
                "Độ tin cậy là số 0–100 / confidence is a number 0–100", field="confidence"
            )
        if status not in ("reported", "verified", "listed"):
            raise ValidationFailed("Trạng thái không hợp lệ / invalid status", field="status")
        indicator = store.record_indicator(
            db,
            raw=value,
            kind=kind or None,
            source=analyst_source(principal),
            category=category or None,
            family=family.strip() or None,
            status=status,
            confidence=int(confidence),
            tlp=tlp,
            reference=reference.strip() or None,
        )
    except CanhgiacError as exc:
        if isinstance(exc, PermissionDenied):
            raise
        db.rollback()
        context = _new_context(request, principal, values)
        context["errors"] = {exc.field or "_form": exc.message}
        return render(request, "indicators/new.html", context, status_code=exc.status_code)
    cache_for(request.app.state).clear()
    response = redirect(f"/indicators/{indicator.id}")
    _ = translator(request)
    flash(request, response, "success", _("Indicator %(value)s saved.", value=indicator.display))
    return response


@router.get("/{indicator_id}")
def detail(
    request: Request, indicator_id: int, db: DbSession, principal: PagePrincipal
) -> Response:
    require_reader(principal)
    indicator = store.get_indicator(db, indicator_id)
    merged_into = (
        store.get_indicator(db, indicator.merged_into_id) if indicator.merged_into_id else None
    )
    return render(
        request,
        "indicators/detail.html",
        {
            **labels_context(request, principal),
            "ind": indicator,
            "merged_into": merged_into,
            "transitions": sorted(store.TRANSITIONS.get(indicator.status, ())),
            "sightings": store.sightings_of(db, indicator),
            "disputes": disputes.list_disputes(db, status=None, indicator_id=indicator.id),
            "history": store.indicator_history(db, indicator),
        },
    )


@router.post("/{indicator_id}/status")
def change_status(
    request: Request,
    indicator_id: int,
    db: DbSession,
    principal: PagePrincipal,
    status: Text = "",
    reason: LongText = "",
) -> Response:
    require_editor(principal)
    target = f"/indicators/{indicator_id}"
    indicator = store.get_indicator(db, indicator_id)
    try:
        store.change_status(db, indicator, status=status, reason=reason)
    except CanhgiacError as exc:
        return fail_back(request, db, target, exc)
    cache_for(request.app.state).clear()
    response = redirect(target)
    _ = translator(request)
    flash(request, response, "success", _("Status changed."))
    return response


@router.post("/{indicator_id}/merge")
def merge(
    request: Request,
    indicator_id: int,
    db: DbSession,
    principal: PagePrincipal,
    duplicate: Text = "",
) -> Response:
    require_editor(principal)
    target = f"/indicators/{indicator_id}"
    keep = store.get_indicator(db, indicator_id)
    try:
        ident = duplicate.strip().lstrip("#")
        if not ident.isdigit():
            raise ValidationFailed(
                "Nhập số ID của bản ghi trùng / enter the duplicate record's ID", field="duplicate"
            )
        store.merge_indicators(db, keep=keep, duplicate=store.get_indicator(db, int(ident)))
    except CanhgiacError as exc:
        return fail_back(request, db, target, exc)
    cache_for(request.app.state).clear()
    response = redirect(target)
    _ = translator(request)
    flash(request, response, "success", _("Records merged."))
    return response
