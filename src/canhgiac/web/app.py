"""The web application: pages, the JSON API under /api/v1, /healthz and static files."""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import Session, sessionmaker

from canhgiac import __version__
from canhgiac.db.engine import get_engine
from canhgiac.db.engine import session_factory as make_session_factory
from canhgiac.detectors.configure import use_configured_models
from canhgiac.settings import Settings
from canhgiac.web import health
from canhgiac.web.api_docs import router as api_docs_router
from canhgiac.web.errors import install_error_handlers
from canhgiac.web.i18n import Translations
from canhgiac.web.rendering import build_templates
from canhgiac.web.routes import api_routers, page_routers
from canhgiac.web.security import (
    BodySizeLimitMiddleware,
    SecurityHeadersMiddleware,
    verify_csrf,
)

STATIC_DIR = Path(__file__).parent / "static"
API_PREFIX = "/api/v1"


def create_app(
    settings: Settings, *, session_factory: sessionmaker[Session] | None = None
) -> FastAPI:
    if session_factory is None:
        session_factory = make_session_factory(get_engine(settings))
    use_configured_models(settings, check=True)
    app = FastAPI(
        title="Cảnh giác API",
        version=__version__,
        description="API của nền tảng Cảnh giác / the canhgiac platform's API",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the stock pages load scripts from a CDN; see web/api_docs.py
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.session_factory = session_factory
    app.state.translations = Translations()
    app.state.templates = build_templates(app.state.translations)

    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(api_docs_router)
    for router in api_routers():
        app.include_router(router, prefix=API_PREFIX)
    page_paths: set[str] = set()
    for router in page_routers():
        # Every HTML form POST of every page router must carry the CSRF token.
        app.include_router(router, dependencies=[Depends(verify_csrf)])
        page_paths.update(
            path for r in router.routes if isinstance(path := getattr(r, "path", None), str)
        )
    # The navigation shows only areas whose page exists in this application.
    app.state.page_paths = frozenset(page_paths)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # Added last = outermost: the size limit applies before anything reads the body, and
    # security headers are added to every response, including the size limit's own.
    app.add_middleware(BodySizeLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware, https=settings.cookie_secure)
    return app


def app_from_env() -> FastAPI:
    """Entry point of ``canhgiac serve`` (uvicorn factory)."""
    return create_app(Settings())
