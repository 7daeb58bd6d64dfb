"""Analyst pages around indicators: feeds (health, create, enable, run now), the allow-list
and the disputes queue. Same services as the CLI and the API; every change is audited."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from canhgiac.accounts.personal_data import PersonalDataCipher
from canhgiac.accounts.principal import Principal
from canhgiac.accounts.roles import ANALYST_ROLES
from canhgiac.errors import CanhgiacError, PermissionDenied, ValidationFailed
from canhgiac.indicators import allowlist, disputes
from canhgiac.indicators import feed_registry as feeds
from canhgiac.indicators.access import require_dispute_handler, require_editor, require_reader
from canhgiac.indicators.feed_specs import parse_category_map, parse_columns
from canhgiac.indicators.feeds.download import DownloadLimits
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.labels import FEED_STATE_CLASSES, FEED_STATE_LABELS
from canhgiac.indicators.lookup_cache import cache_for
from canhgiac.indicators.pages import fail_back, labels_context
from canhgiac.web import nav
from canhgiac.web.deps import DbSession, PagePrincipal, app_settings, request_locale
from canhgiac.web.i18n import N_, labels_for, localised_message
from canhgiac.web.rendering import flash, redirect, render, translator

router = APIRouter(include_in_schema=False)
# A feed run from a page must finish while the browser waits.
PAGE_RUN_LIMITS = DownloadLimits(total_timeout=120.0, read_timeout=30.0)

Text = Annotated[str, Form(max_length=1024)]
LongText = Annotated[str, Form(max_length=5000)]


def _handles_disputes(principal: Principal) -> bool:
    return principal.role in ANALYST_ROLES


nav.register_area(nav.NavArea("feeds", N_("Feeds"), "/feeds", order=30))
nav.register_area(nav.NavArea("allowlist", N_("Allow-list"), "/allowlist", order=40))
nav.register_area(
    nav.NavArea("disputes", N_("Disputes"), "/disputes", order=50, visible=_handles_disputes)
)


# --- feeds ------------------------------------------------------------------------------


def _feeds_context(
    request: Request, db: DbSession, principal: Principal, values: dict[str, Any]
) -> dict[str, Any]:
    english = request_locale(request) == "en"
    state_labels = labels_for(FEED_STATE_LABELS, request_locale(request))
    rows = []
    for feed in feeds.list_feeds(db):
        health = feeds.feed_health(feed)
        rows.append(
            {
                "feed": feed,
                "state": health.state,
                "state_label": state_labels.get(health.state, health.state),
                "state_class": FEED_STATE_CLASSES.get(health.state, "badge-off"),
                "message": health.message_en if english else health.message_vi,
                "active": feeds.active_entries(db, feed),
            }
        )
    return {
        **labels_context(request, principal),
        "rows": rows,
        "formats": feeds.FEED_FORMATS,
        "values": values,
        "errors": {},
    }


FEED_DEFAULTS = {"format": "plain", "interval_hours": 24, "stale_after_hours": 72}


@router.get("/feeds")
def feeds_page(request: Request, db: DbSession, principal: PagePrincipal) -> Response:
    require_reader(principal)
    values = {**FEED_DEFAULTS, "import_status": "verified"}
    return render(request, "indicators/feeds.html", _feeds_context(request, db, principal, values))


def _hours(text: str, field: str) -> int:
    if not text.strip().isdigit():
        raise ValidationFailed("Cần một số giờ / enter a number of hours", field=field)
    return int(text.strip())


@router.post("/feeds")
def feed_create(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    name: Text = "",
    url: Text = "",
    format: Text = "plain",
    category: Text = "",
    category_map: LongText = "",
    columns: LongText = "",
    interval_hours: Text = "24",
    stale_after_hours: Text = "72",
    import_status: Text = "verified",
) -> Response:
    require_editor(principal)
    values = {
        "name": name,
        "url": url,
        "format": format,
        "category": category,
        "category_map": category_map,
        "columns": columns,
        "interval_hours": interval_hours,
        "stale_after_hours": stale_after_hours,
        "import_status": import_status,
    }
    try:
        feed = feeds.create_feed(
            db,
            name=name,
            url=url.strip(),
            fmt=format,
            category=category or None,
            category_map=parse_category_map(category_map),
            columns=parse_columns(columns),
            interval_hours=_hours(interval_hours, "interval_hours"),
            stale_after_hours=_hours(stale_after_hours, "stale_after_hours"),
            import_status=import_status,
        )
    except CanhgiacError as exc:
        if isinstance(exc, PermissionDenied):
            raise
        db.rollback()
        context = _feeds_context(request, db, principal, values)
        context["errors"] = {exc.field or "_form": exc.message}
        return render(request, "indicators/feeds.html", context, status_code=exc.status_code)
    response = redirect("/feeds")
    _ = translator(request)
    flash(request, response, "success", _("Feed %(name)s created.", name=feed.name))
    return response


@router.post("/feeds/{feed_id}/enabled")
def feed_enable(
    request: Request, feed_id: int, db: DbSession, principal: PagePrincipal, enabled: Text = ""
) -> Response:
    require_editor(principal)
    feed = feeds.get_feed(db, feed_id)
    feeds.set_feed_enabled(db, feed, enabled == "1")
    response = redirect("/feeds")
    _ = translator(request)
    message = _("Feed %(name)s enabled.") if feed.enabled else _("Feed %(name)s disabled.")
    flash(request, response, "success", message % {"name": feed.name})
    return response


@router.post("/feeds/{feed_id}/run")
def feed_run(request: Request, feed_id: int, db: DbSession, principal: PagePrincipal) -> Response:
    require_editor(principal)
    feed = feeds.get_feed(db, feed_id)
    _ = translator(request)
    response = redirect("/feeds")
    nested = db.begin_nested()  # a failed run keeps nothing but its recorded failure
    try:
        report = feeds.run_feed(db, feed, settings=app_settings(request), limits=PAGE_RUN_LIMITS)
        nested.commit()
    except CanhgiacError as exc:
        nested.rollback()
        feeds.mark_feed_failed(db, feed, exc.message)
        error = localised_message(exc.message, request_locale(request))
        flash(
            request,
            response,
            "error",
            _("Feed %(name)s failed: %(error)s", name=feed.name, error=error),
        )
        return response
    cache_for(request.app.state).clear()
    if report is None:
        flash(request, response, "info", _("Feed %(name)s has not changed.", name=feed.name))
        return response
    data = report.to_dict()
    flash(
        request,
        response,
        "success",
        _(
            "Feed %(name)s: %(entries)s entries, %(created)s new, %(unchanged)s unchanged, "
            "%(aged_out)s aged out, %(malformed)s malformed, %(skipped)s skipped.",
            name=feed.name,
            entries=data["entries"],
            created=data["created"],
            unchanged=data["unchanged"],
            aged_out=data["aged_out"],
            malformed=data["malformed"],
            skipped=data["skipped"],
        ),
    )
    return response


# --- allow-list -------------------------------------------------------------------------


def _allow_context(
    request: Request, db: DbSession, principal: Principal, values: dict[str, Any]
) -> dict[str, Any]:
    return {
        **labels_context(request, principal),
        "entries": allowlist.list_allowlist(db, limit=500),
        "kinds": [k.value for k in IndicatorKind],
        "values": values,
        "errors": {},
    }


@router.get("/allowlist")
def allowlist_page(request: Request, db: DbSession, principal: PagePrincipal) -> Response:
    require_reader(principal)
    return render(request, "indicators/allowlist.html", _allow_context(request, db, principal, {}))


@router.post("/allowlist")
def allowlist_add(
    request: Request,
    db: DbSession,
    principal: PagePrincipal,
    value: Annotated[str, Form(max_length=2048)] = "",
    kind: Text = "",
    reason: LongText = "",
) -> Response:
    require_editor(principal)
    try:
        entry = allowlist.add_allowlist_entry(db, raw=value, kind=kind or None, reason=reason)
    except CanhgiacError as exc:
        if isinstance(exc, PermissionDenied):
            raise
        db.rollback()
        values = {"value": value, "kind": kind, "reason": reason}
        context = _allow_context(request, db, principal, values)
        context["errors"] = {exc.field or "_form": exc.message}
        return render(request, "indicators/allowlist.html", context, status_code=exc.status_code)
    cache_for(request.app.state).clear()
    response = redirect("/allowlist")
    _ = translator(request)
    flash(
        request, response, "success", _("%(value)s added to the allow-list.", value=entry.display)
    )
    return response


@router.post("/allowlist/{entry_id}/remove")
def allowlist_remove(
    request: Request, entry_id: int, db: DbSession, principal: PagePrincipal
) -> Response:
    require_editor(principal)
    try:
        allowlist.remove_allowlist_entry(db, entry_id)
    except CanhgiacError as exc:
        return fail_back(request, db, "/allowlist", exc)
    cache_for(request.app.state).clear()
    response = redirect("/allowlist")
    _ = translator(request)
    flash(request, response, "success", _("Allow-list entry removed."))
    return response


# --- disputes ---------------------------------------------------------------------------


@router.get("/disputes")
def disputes_page(
    request: Request, db: DbSession, principal: PagePrincipal, status: str = "open"
) -> Response:
    require_dispute_handler(principal)
    chosen = status if status in ("open", "accepted", "rejected", "all") else "open"
    items = disputes.list_disputes(db, status=None if chosen == "all" else chosen, limit=500)
    return render(
        request,
        "indicators/disputes.html",
        {**labels_context(request, principal), "items": items, "status": chosen},
    )


def _dispute_page(
    request: Request, db: DbSession, principal: Principal, dispute_id: int, contact: str | None
) -> Response:
    dispute = disputes.get_dispute(db, dispute_id)
    return render(
        request,
        "indicators/dispute.html",
        {**labels_context(request, principal), "d": dispute, "contact": contact},
        no_store=contact is not None,
    )


@router.get("/disputes/{dispute_id}")
def dispute_page(
    request: Request, dispute_id: int, db: DbSession, principal: PagePrincipal
) -> Response:
    require_dispute_handler(principal)
    return _dispute_page(request, db, principal, dispute_id, None)


@router.post("/disputes/{dispute_id}/reveal")
def dispute_reveal(
    request: Request, dispute_id: int, db: DbSession, principal: PagePrincipal
) -> Response:
    """Shown once on this response (never cached); the view is audited by the service."""
    require_dispute_handler(principal)
    dispute = disputes.get_dispute(db, dispute_id)
    contact = disputes.reveal_contact(
        db, cipher=PersonalDataCipher(app_settings(request)), dispute=dispute
    )
    return _dispute_page(request, db, principal, dispute_id, contact)


@router.post("/disputes/{dispute_id}/decide")
def dispute_decide(
    request: Request,
    dispute_id: int,
    db: DbSession,
    principal: PagePrincipal,
    decision: Text = "",
    reason: LongText = "",
) -> Response:
    require_dispute_handler(principal)
    target = f"/disputes/{dispute_id}"
    dispute = disputes.get_dispute(db, dispute_id)
    try:
        if decision not in ("accept", "reject"):
            raise ValidationFailed(
                "Chọn chấp nhận hoặc bác bỏ / choose accept or reject", field="decision"
            )
        disputes.decide_dispute(
            db,
            dispute=dispute,
            accept=decision == "accept",
            reason=reason,
            decided_by_id=principal.user_id,
        )
    except CanhgiacError as exc:
        return fail_back(request, db, target, exc)
    cache_for(request.app.state).clear()
    response = redirect(target)
    _ = translator(request)
    message = (
        _("Dispute accepted; the record was taken off the list.")
        if decision == "accept"
        else _("Dispute rejected.")
    )
    flash(request, response, "success", message)
    return response
