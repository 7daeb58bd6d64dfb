"""The web fixtures serve the monitoring pages and API tests too."""

from tests.web.conftest import app, client, client_factory  # noqa: F401
