"""The web fixtures serve the verification pages and API tests too."""

from tests.web.conftest import app, client, client_factory  # noqa: F401
