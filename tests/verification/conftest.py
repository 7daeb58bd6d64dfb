"""The web fixtures serve the verification pages, API and browser tests too."""

from tests.web.conftest import app, browser, client, client_factory, live_server  # noqa: F401
