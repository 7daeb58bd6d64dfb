"""The routers of every domain. A new domain adds its pages and API routers here."""

from __future__ import annotations

from fastapi import APIRouter


def page_routers() -> list[APIRouter]:
    """HTML pages; the app adds CSRF protection to each."""
    from canhgiac.accounts import admin_pages as accounts_admin_pages
    from canhgiac.accounts import audit_pages as accounts_audit_pages
    from canhgiac.accounts import pages as accounts_pages
    from canhgiac.indicators import admin_pages as indicators_admin_pages
    from canhgiac.indicators import lookup_pages as indicators_lookup_pages
    from canhgiac.indicators import pages as indicators_pages
    from canhgiac.messages import pages as messages_pages
    from canhgiac.monitoring import pages as monitoring_pages
    from canhgiac.verification import pages as verification_pages
    from canhgiac.web import shell

    return [
        shell.router,
        accounts_pages.router,
        accounts_admin_pages.router,
        accounts_audit_pages.router,
        indicators_lookup_pages.router,
        indicators_pages.router,
        indicators_admin_pages.router,
        messages_pages.router,
        monitoring_pages.router,
        verification_pages.router,
    ]


def api_routers() -> list[APIRouter]:
    """JSON routers, mounted under /api/v1."""
    from canhgiac.accounts import api as accounts_api
    from canhgiac.indicators import admin_api as indicators_admin_api
    from canhgiac.indicators import api as indicators_api
    from canhgiac.messages import api as messages_api
    from canhgiac.monitoring import api as monitoring_api
    from canhgiac.verification import api as verification_api

    return [
        accounts_api.router,
        indicators_api.router,
        indicators_admin_api.router,
        messages_api.router,
        monitoring_api.router,
        verification_api.router,
    ]
