"""JSON API under /api/v1: the public look-up and disputes, and indicators, feeds, the
allow-list and the disputes queue for analysts and machine tokens."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from canhgiac.accounts.models import Agency, User
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.accounts.tokens import create_machine_token, issue_user_token
from canhgiac.indicators import store
from canhgiac.indicators.lookup import lookup
from canhgiac.indicators.models import Indicator
from canhgiac.settings import Settings
from tests.factories import Factories
from tests.indicators.feeds.feedserver import serve
from tests.indicators.seed import REPORTER_SOURCE, seed_answers
from tests.web.conftest import ClientFactory, audit_actions, bearer

pytestmark = pytest.mark.db


@pytest.fixture
def office(factories: Factories) -> Agency:
    return factories.agency(AgencyKind.PROVINCIAL_ICT, code="so-ind-api")


def _token(db: Session, factories: Factories, role: str, agency: Agency) -> str:
    user: User = factories.user(role, agency=agency)
    secret = issue_user_token(db, user=user, ttl_seconds=600).secret
    db.commit()
    return secret


def _machine(db: Session, agency: Agency, *scopes: str) -> str:
    secret = create_machine_token(db, agency=agency, name="Cảm biến", scopes=list(scopes)).secret
    db.commit()
    return secret


# --- public -----------------------------------------------------------------------------


LOOKUP_CASES = [
    ("vietcombank.com.vn", "official"),
    ("vcb-xacminh.top", "verified"),
    ("https://dang-nhap.vcb-xacminh.top/otp?x=1#frag", "verified"),
    ("0987.654.321", "reported"),
    ("9704 1234 5678", "disputed"),
    ("shop-da-go.vn", "delisted"),
    ("0911 222 333", "unknown"),
]


def test_lookup_is_public_and_answers_like_the_service(
    client: TestClient, db: Session, settings: Settings
) -> None:
    seed_answers(db, settings)
    for query, status in LOOKUP_CASES:
        response = client.get("/api/v1/lookup", params={"q": query})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["status"] == status, query
        assert body == lookup(db, query).to_dict()
        assert REPORTER_SOURCE not in response.text


def test_lookup_subdomain_names_the_matched_parent(
    client: TestClient, db: Session, settings: Settings
) -> None:
    seed_answers(db, settings)
    body = client.get("/api/v1/lookup", params={"q": "a.b.vcb-xacminh.top"}).json()
    assert body["status"] == "verified" and body["matched"] == "vcb-xacminh.top"
    assert body["category"] == "fraud.impersonation.bank" and body["since"]
    assert body["advice"]["vi"] and body["advice"]["en"]


def test_lookup_refuses_bad_input_naming_the_field(client: TestClient) -> None:
    bad = client.get("/api/v1/lookup", params={"q": "xin chào"})
    assert bad.status_code == 422
    assert bad.json()["error"] == "validation_error" and bad.json()["field"] == "q"
    missing = client.get("/api/v1/lookup")
    assert missing.status_code == 422 and missing.json()["field"] == "q"
    too_long = client.get("/api/v1/lookup", params={"q": "a" * 3000})
    assert too_long.status_code == 422 and too_long.json()["field"] == "q"


def test_lookup_is_rate_limited_with_retry_after(
    client_factory: ClientFactory, settings: Settings
) -> None:
    settings.lookup_rate_per_minute = 5
    client = client_factory()
    for _ in range(5):
        assert client.get("/api/v1/lookup", params={"q": "0911222333"}).status_code == 200
    refused = client.get("/api/v1/lookup", params={"q": "0911222333"})
    assert refused.status_code == 429
    assert refused.json()["error"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60


def test_status_change_shows_at_once_despite_the_cache(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    ind = store.record_indicator(
        db, raw="cho-vay-nhanh.top", source="feed:a", category="loan_shark"
    )
    db.commit()
    assert client.get("/api/v1/lookup", params={"q": "cho-vay-nhanh.top"}).json()["status"] == (
        "reported"
    )
    token = _token(db, factories, Role.ANALYST, office)
    changed = client.post(
        f"/api/v1/indicators/{ind.id}/status",
        json={"status": "listed", "reason": "Tín dụng đen đã xác minh"},
        headers=bearer(token),
    )
    assert changed.status_code == 200, changed.text
    after = client.get("/api/v1/lookup", params={"q": "cho-vay-nhanh.top"}).json()
    assert after["status"] == "verified"


def test_dispute_filed_through_the_api_and_decided_by_an_analyst(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    ind = store.record_indicator(db, raw="0977 888 999", source="tip:a", count_as_report=True)
    db.commit()
    body = {
        "value": "0977888999",
        "contact": "0905 222 333",
        "explanation": "Số của công ty tôi",
        "evidence": "",
    }
    filed = client.post("/api/v1/disputes", json=body)
    assert filed.status_code == 201, filed.text
    dispute_id = filed.json()["id"]
    assert client.post("/api/v1/disputes", json=body).status_code == 409
    unknown = client.post("/api/v1/disputes", json={**body, "value": "0911 000 111"})
    assert unknown.status_code == 404 and unknown.json()["field"] == "value"

    assert client.get("/api/v1/disputes").status_code == 401
    officer = _token(db, factories, Role.OFFICER, office)
    assert client.get("/api/v1/disputes", headers=bearer(officer)).status_code == 403
    analyst = _token(db, factories, Role.ANALYST, office)
    queue = client.get("/api/v1/disputes", headers=bearer(analyst)).json()
    assert [d["id"] for d in queue] == [dispute_id] and "contact" not in queue[0]
    contact = client.post(f"/api/v1/disputes/{dispute_id}/reveal-contact", headers=bearer(analyst))
    assert contact.json() == {"contact": "0905 222 333"}
    assert audit_actions(db, "personal_data.view")
    rejected = client.post(
        f"/api/v1/disputes/{dispute_id}/decision",
        json={"accept": False, "reason": "Nhiều phản ánh có bằng chứng chuyển khoản"},
        headers=bearer(analyst),
    )
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    db.expire_all()
    assert db.get(Indicator, ind.id).status == "reported"  # type: ignore[union-attr]
    again = client.post(
        f"/api/v1/disputes/{dispute_id}/decision",
        json={"accept": True, "reason": "x"},
        headers=bearer(analyst),
    )
    assert again.status_code == 409


# --- indicators -------------------------------------------------------------------------


def test_indicators_search_get_create_and_bulk(
    client: TestClient, db: Session, factories: Factories, office: Agency, settings: Settings
) -> None:
    seed_answers(db, settings)
    token = _token(db, factories, Role.ANALYST, office)
    created = client.post(
        "/api/v1/indicators",
        json={"value": "hxxp://vi-dien-tu-gia[.]online/nap", "category": "phishing"},
        headers=bearer(token),
    )
    assert created.status_code == 201, created.text
    detail = created.json()
    assert detail["kind"] == "url" and detail["status"] == "reported"
    assert detail["sources"][0]["source"].startswith("analyst:")
    page = client.get(
        "/api/v1/indicators", params={"kind": "url", "limit": 10}, headers=bearer(token)
    ).json()
    assert page["total"] == 1 and page["items"][0]["id"] == detail["id"]
    read = client.get(f"/api/v1/indicators/{detail['id']}", headers=bearer(token)).json()
    assert read["value"] == detail["value"] and read["disputes"] == []
    bad = client.post("/api/v1/indicators", json={"value": "???"}, headers=bearer(token))
    assert bad.status_code == 422 and bad.json()["field"] == "value"

    phone = client.get("/api/v1/indicators", params={"q": "0987654321"}, headers=bearer(token))
    ids = [detail["id"], phone.json()["items"][0]["id"]]
    bulk = client.post(
        "/api/v1/indicators/bulk-status",
        json={"ids": ids, "status": "verified", "reason": "Cùng chiến dịch"},
        headers=bearer(token),
    )
    assert bulk.status_code == 200 and bulk.json() == {"changed": 2}
    illegal = client.post(
        "/api/v1/indicators/bulk-status",
        json={"ids": ids, "status": "delisted", "reason": "x"},
        headers=bearer(token),
    )
    assert illegal.status_code == 422 and illegal.json()["field"] == "status"


def test_viewer_reads_but_cannot_change_status(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    ind = store.record_indicator(db, raw="viec-nhe-luong-cao.top", source="feed:a")
    db.commit()
    viewer = _token(db, factories, Role.VIEWER, office)
    assert client.get(f"/api/v1/indicators/{ind.id}", headers=bearer(viewer)).status_code == 200
    refused = client.post(
        f"/api/v1/indicators/{ind.id}/status",
        json={"status": "verified", "reason": "thử"},
        headers=bearer(viewer),
    )
    assert refused.status_code == 403 and refused.json()["error"] == "forbidden"
    db.expire_all()
    assert db.get(Indicator, ind.id).status == "reported"  # type: ignore[union-attr]


def test_machine_tokens_need_the_indicator_scopes(
    client: TestClient, db: Session, office: Agency
) -> None:
    ind = store.record_indicator(db, raw="c2-botnet.example.top", source="feed:a")
    db.commit()
    reader = _machine(db, office, "indicators:read")
    other = _machine(db, office, "blocklists:read")
    assert client.get("/api/v1/indicators", headers=bearer(reader)).status_code == 200
    assert client.get(f"/api/v1/indicators/{ind.id}", headers=bearer(reader)).status_code == 200
    assert client.get("/api/v1/feeds", headers=bearer(reader)).status_code == 200
    assert client.get("/api/v1/indicators", headers=bearer(other)).status_code == 403
    write = client.post(
        f"/api/v1/indicators/{ind.id}/status",
        json={"status": "verified", "reason": "x"},
        headers=bearer(reader),
    )
    assert write.status_code == 403
    assert client.get("/api/v1/disputes", headers=bearer(reader)).status_code == 403
    writer = _machine(db, office, "indicators:read", "indicators:write")
    created = client.post(
        "/api/v1/indicators", json={"value": "45.77.10.20"}, headers=bearer(writer)
    )
    assert created.status_code == 201 and created.json()["kind"] == "ip"
    assert created.json()["sources"][0]["source"] == "token:Cảm biến"


# --- feeds and allow-list ---------------------------------------------------------------


def test_feed_create_list_and_run_against_a_local_server(
    client: TestClient, db: Session, factories: Factories, office: Agency
) -> None:
    token = _token(db, factories, Role.ANALYST, office)
    with serve() as (base, _seen):
        created = client.post(
            "/api/v1/feeds",
            json={
                "name": "csv-thu",
                "url": f"{base}/feeds/csv/feed.csv",
                "format": "csv",
                "columns": {
                    "value": "indicator",
                    "kind": "loai",
                    "category": "danh_muc",
                    "first_seen": "ngay_phat_hien",
                },
                "category_map": {"phishing_bank": "fraud.impersonation.bank"},
            },
            headers=bearer(token),
        )
        assert created.status_code == 201, created.text
        assert created.json()["health"] == "never"
        ran = client.post("/api/v1/feeds/csv-thu/run", headers=bearer(token))
        assert ran.status_code == 200, ran.text
        report = ran.json()["report"]
        assert report["created"] > 0 and report["entries"] >= report["created"]
        assert ran.json()["feed"]["health"] == "ok"
        again = client.post("/api/v1/feeds/csv-thu/run", headers=bearer(token)).json()
        assert again["report"] is None  # ETag: not modified
        broken = client.post(
            "/api/v1/feeds",
            json={"name": "hong", "url": f"{base}/khong-co", "format": "plain"},
            headers=bearer(token),
        ).json()
        failed = client.post(f"/api/v1/feeds/{broken['id']}/run", headers=bearer(token))
        assert failed.status_code == 502 and failed.json()["error"] == "download_failed"
    feeds = {f["name"]: f for f in client.get("/api/v1/feeds", headers=bearer(token)).json()}
    assert feeds["csv-thu"]["active_entries"] == report["created"]
    assert feeds["hong"]["alarm"] and feeds["hong"]["last_error"]
    disabled = client.post("/api/v1/feeds/hong/disable", headers=bearer(token)).json()
    assert disabled["enabled"] is False and disabled["health"] == "disabled"
    bad = client.post(
        "/api/v1/feeds",
        json={"name": "ftp", "url": "ftp://example.vn/x", "format": "plain"},
        headers=bearer(token),
    )
    assert bad.status_code == 422 and bad.json()["field"] == "url"


def test_allowlist_crud(client: TestClient, db: Session, factories: Factories, office: Agency):
    token = _token(db, factories, Role.ANALYST, office)
    viewer = _token(db, factories, Role.VIEWER, office)
    body = {"value": "https://cuahang-abc.vn/", "reason": "Doanh nghiệp đã xác minh"}
    assert client.post("/api/v1/allowlist", json=body, headers=bearer(viewer)).status_code == 403
    added = client.post("/api/v1/allowlist", json=body, headers=bearer(token))
    assert added.status_code == 201 and added.json()["kind"] == "url"
    assert client.post("/api/v1/allowlist", json=body, headers=bearer(token)).status_code == 409
    listed = client.get("/api/v1/allowlist", headers=bearer(viewer)).json()
    assert [e["id"] for e in listed] == [added.json()["id"]]
    removed = client.delete(f"/api/v1/allowlist/{added.json()['id']}", headers=bearer(token))
    assert removed.status_code == 204
    assert client.get("/api/v1/allowlist", headers=bearer(token)).json() == []
