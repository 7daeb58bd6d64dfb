"""Pages of the miniSOC: alerts per agency with their triage state, and the summary."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from canhgiac.accounts.agencies import list_agencies
from canhgiac.errors import CanhgiacError
from canhgiac.monitoring import access, alerts
from canhgiac.monitoring.models import ALERT_STATUSES
from canhgiac.web import nav
from canhgiac.web.deps import DbSession, PagePrincipal
from canhgiac.web.i18n import N_
from canhgiac.web.rendering import flash, redirect, render, translator

router = APIRouter(prefix="/monitoring", include_in_schema=False)
PAGE_SIZE = 50

nav.register_area(nav.NavArea("monitoring", N_("Monitoring"), "/monitoring", order=35))


@router.get("")
def alerts_page(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    status: Annotated[str, Query(pattern="^(|new|confirmed|false_positive)$")] = "new",
    category: Annotated[str, Query(max_length=64)] = "",
    host: Annotated[str, Query(max_length=64)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    agency_filter = access.visible_agency_filter(principal)
    page = alerts.list_alerts(
        db,
        agency_id=agency_filter,
        status=status or None,
        category=category or None,
        host=host or None,
        limit=PAGE_SIZE,
        offset=offset,
    )
    summary = alerts.summarize_alerts(db, agency_id=agency_filter)
    agencies = {a.id: a.name for a in list_agencies(db)}
    return render(
        request,
        "monitoring/alerts.html",
        {
            "page": page,
            "summary": summary,
            "agencies": agencies,
            "statuses": ALERT_STATUSES,
            "filters": {"status": status, "category": category, "host": host},
            "offset": offset,
            "page_size": PAGE_SIZE,
            "can_triage": principal.role in ("admin", "analyst", "officer"),
        },
    )


@router.post("/alerts/{alert_id}/triage")
def triage(
    request: Request,
    alert_id: int,
    db: DbSession,
    principal: PagePrincipal,
    status: Annotated[str, Form(max_length=32)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    _ = translator(request)
    response = redirect("/monitoring")
    alert = alerts.get_alert(db, alert_id)
    access.require_can_triage(principal, alert)
    try:
        alerts.triage_alert(db, alert, status=status, reason=reason, by_user_id=principal.user_id)
    except CanhgiacError as exc:
        db.rollback()
        flash(request, response, "error", exc.message)
        return response
    flash(request, response, "success", _("Alert #%(id)s updated.", id=alert_id))
    return response
