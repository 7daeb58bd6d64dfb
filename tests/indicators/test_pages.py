"""Pages: the public look-up and dispute form, and the analysts' indicator, feed,
allow-list and dispute pages."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from canhgiac.accounts.models import User
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.indicators import store
from canhgiac.indicators.models import Dispute, Indicator, IndicatorSource
from canhgiac.settings import Settings
from tests.factories import Factories
from tests.indicators.feeds.feedserver import serve
from tests.indicators.seed import REPORTER_SOURCE, seed_answers
from tests.web.conftest import ClientFactory, audit_actions, csrf_from, post_form

pytestmark = pytest.mark.db


def _user(db: Session, factories: Factories, role: str) -> User:
    agency = factories.agency(AgencyKind.PROVINCIAL_ICT)
    user = factories.user(role, agency=agency)
    db.commit()
    return user


def _status_of(db: Session, indicator_id: int) -> str:
    db.expire_all()
    found = db.get(Indicator, indicator_id)
    assert found is not None
    return found.status


# --- public look-up ---------------------------------------------------------------------


LOOKUP_CASES = [
    ("https://vcbdigibank.vietcombank.com.vn/dang-nhap", "Chính thức", "Vietcombank"),
    ("vcb-xacminh.top", "Lừa đảo đã xác minh", "Giả mạo ngân hàng"),
    ("hxxps://login.vcb-xacminh[.]top/otp", "Lừa đảo đã xác minh", "vcb-xacminh.top"),
    ("+84 987 654 321", "Bị phản ánh", "Bị phản ánh 3 lần, chưa được xác minh"),
    ("9704 1234 5678", "Đang khiếu nại", "đang xem xét"),
    ("shop-da-go.vn", "Đã gỡ", "đã được đưa ra khỏi danh sách"),
    ("0911 222 333", "Chưa có phản ánh", "Chưa ai phản ánh"),
]


def test_lookup_page_answers(client, db: Session, settings: Settings) -> None:
    """Official, verified (also for a sub-domain), reported, disputed, delisted, unknown."""
    seed_answers(db, settings)
    for query, badge, text in LOOKUP_CASES:
        page = client.get("/tra-cuu", params={"q": query})
        assert page.status_code == 200, page.text
        assert badge in page.text and text in page.text, query
        assert REPORTER_SOURCE not in page.text and "nguyen-thi-hoa" not in page.text
        assert "canhbao.khonggianmang.vn" in page.text and "113" in page.text


def test_lookup_page_without_a_question_and_from_the_login_page(client) -> None:
    assert 'href="/tra-cuu"' in client.get("/login").text
    page = client.get("/tra-cuu")
    assert page.status_code == 200 and 'name="q"' in page.text
    assert "ket-qua" not in page.text


def test_lookup_page_explains_unrecognised_input_next_to_the_field(client) -> None:
    page = client.get("/tra-cuu", params={"q": "xin chào bạn"})
    assert page.status_code == 422
    assert 'id="f-q-error"' in page.text and 'aria-invalid="true"' in page.text
    assert "Không nhận ra chỉ dấu" in page.text


def test_lookup_page_in_english(client, db: Session, settings: Settings) -> None:
    seed_answers(db, settings)
    client.cookies.set("cg_lang", "en")
    page = client.get("/tra-cuu", params={"q": "vcb-xacminh.top"})
    assert "Verified scam" in page.text and "Bank impersonation" in page.text
    assert "Banks never ask for OTPs" in page.text


def test_lookup_page_is_rate_limited_per_client(
    client_factory: ClientFactory, settings: Settings
) -> None:
    settings.lookup_rate_per_minute = 3
    client = client_factory()
    for _ in range(3):
        assert client.get("/tra-cuu", params={"q": "0911 222 333"}).status_code == 200
    refused = client.get("/tra-cuu", params={"q": "0911 222 333"})
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    # The empty form is not a question and stays available.
    assert client.get("/tra-cuu").status_code == 200


def test_dispute_from_the_lookup_page_to_an_analysts_acceptance(
    client_factory: ClientFactory, db: Session, factories: Factories, settings: Settings
) -> None:
    ind = store.record_indicator(
        db, raw="0987 111 222", source="tip:a", category="fraud.task_job", count_as_report=True
    )
    db.commit()
    public = client_factory()
    page = public.get("/tra-cuu", params={"q": "0987111222"})
    assert "Gửi khiếu nại" in page.text and 'action="/tra-cuu/khieu-nai"' in page.text
    form = {
        "value": "0987111222",
        "contact": "chu.so@example.vn, 0905 333 444",
        "explanation": "Số của cửa hàng tôi, bị báo nhầm",
        "evidence": "Giấy phép kinh doanh số 4201234567",
    }
    # Without the form's token nothing is filed.
    assert public.post("/tra-cuu/khieu-nai", data=form).status_code == 403
    # Missing explanation: the form comes back with the message next to the field.
    missing = public.post(
        "/tra-cuu/khieu-nai", data={**form, "explanation": "", "csrf_token": csrf_from(page.text)}
    )
    assert missing.status_code == 422 and 'id="f-explanation-error"' in missing.text
    filed = public.post("/tra-cuu/khieu-nai", data={**form, "csrf_token": csrf_from(page.text)})
    assert filed.status_code == 303, filed.text
    after = public.get(filed.headers["location"])
    assert "Đang khiếu nại" in after.text and "Đã nhận khiếu nại" in after.text
    dispute = db.scalar(select(Dispute).where(Dispute.indicator_id == ind.id))
    assert dispute is not None and "0905" not in dispute.contact_encrypted

    analyst = client_factory(_user(db, factories, Role.ANALYST))
    queue = analyst.get("/disputes")
    assert queue.status_code == 200 and "0987 111 222" in queue.text
    detail = analyst.get(f"/disputes/{dispute.id}")
    assert "Giấy phép kinh doanh" in detail.text and "0905 333 444" not in detail.text
    revealed = analyst.post(
        f"/disputes/{dispute.id}/reveal", data={"csrf_token": csrf_from(detail.text)}
    )
    assert "0905 333 444" in revealed.text and revealed.headers["cache-control"] == "no-store"
    assert audit_actions(db, "personal_data.view")
    decided = post_form(
        analyst,
        f"/disputes/{dispute.id}",
        f"/disputes/{dispute.id}/decide",
        {"decision": "accept", "reason": "Đã xác minh giấy phép kinh doanh"},
    )
    assert decided.status_code == 303
    assert _status_of(db, ind.id) == "false_positive"
    assert "Đã gỡ" in public.get("/tra-cuu", params={"q": "0987111222"}).text


def test_dispute_queue_is_for_analysts_only(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    officer = client_factory(_user(db, factories, Role.OFFICER))
    assert officer.get("/disputes").status_code == 403
    assert "/disputes" not in officer.get("/").text


# --- analyst pages ----------------------------------------------------------------------


def test_search_and_detail_for_a_viewer_who_cannot_change_status(
    client_factory: ClientFactory, db: Session, factories: Factories, settings: Settings
) -> None:
    seeded = seed_answers(db, settings)
    viewer = client_factory(_user(db, factories, Role.VIEWER))
    results = viewer.get("/indicators", params={"status": "reported", "kind": "phone"})
    assert results.status_code == 200 and "0987 654 321" in results.text
    assert 'name="ids"' not in results.text  # no bulk form for readers
    listed_id = seeded.listed_domain.id
    detail = viewer.get(f"/indicators/{listed_id}")
    assert detail.status_code == 200
    assert "analyst:test" in detail.text and "Trang giả mạo Vietcombank" in detail.text
    assert f'action="/indicators/{listed_id}/status"' not in detail.text
    refused = post_form(
        viewer,
        f"/indicators/{listed_id}",
        f"/indicators/{listed_id}/status",
        {"status": "delisted", "reason": "thử"},
    )
    assert refused.status_code == 403
    assert _status_of(db, listed_id) == "listed"
    assert audit_actions(db, "access.denied")


def test_status_change_needs_a_reason_and_follows_the_lifecycle(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    ind = store.record_indicator(db, raw="lua-dao-viec-lam.xyz", source="feed:a")
    db.commit()
    analyst = client_factory(_user(db, factories, Role.ANALYST))
    url = f"/indicators/{ind.id}"
    no_reason = post_form(analyst, url, f"{url}/status", {"status": "verified", "reason": ""})
    assert no_reason.status_code == 303
    assert "Cần ghi lý do" in analyst.get(url).text and _status_of(db, ind.id) == "reported"
    bad = post_form(analyst, url, f"{url}/status", {"status": "delisted", "reason": "x"})
    assert bad.status_code == 303 and _status_of(db, ind.id) == "reported"
    ok = post_form(analyst, url, f"{url}/status", {"status": "verified", "reason": "Đã kiểm tra"})
    assert ok.status_code == 303 and _status_of(db, ind.id) == "verified"
    history = analyst.get(url).text
    assert "indicators.update" in history and "Đã kiểm tra" in history


def test_bulk_status_change_from_the_search_results(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    a = store.record_indicator(db, raw="nhiem-vu-a.top", source="feed:bulk")
    b = store.record_indicator(db, raw="nhiem-vu-b.top", source="feed:bulk")
    c = store.record_indicator(db, raw="nhiem-vu-c.top", source="feed:bulk")
    db.commit()
    analyst = client_factory(_user(db, factories, Role.ANALYST))
    page = analyst.get("/indicators", params={"source": "feed:bulk"})
    assert page.status_code == 200 and page.text.count('name="ids"') == 3
    response = analyst.post(
        "/indicators/bulk-status",
        data={
            "ids": [a.id, b.id],
            "status": "verified",
            "reason": "Cùng một chiến dịch",
            "back": "/indicators?source=feed%3Abulk",
            "csrf_token": csrf_from(page.text),
        },
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/indicators?source=feed%3Abulk"
    assert [_status_of(db, i.id) for i in (a, b, c)] == ["verified", "verified", "reported"]
    assert "2 chỉ dấu đã được đổi trạng thái" in analyst.get(response.headers["location"]).text


def test_add_by_hand_and_merge(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    user = _user(db, factories, Role.ANALYST)
    analyst = client_factory(user)
    created = post_form(
        analyst,
        "/indicators/new",
        "/indicators/new",
        {
            "value": "0912.345.678",
            "category": "fraud.investment",
            "status": "verified",
            "confidence": "80",
            "tlp": "green",
            "kind": "",
        },
    )
    assert created.status_code == 303, created.text
    ind_id = int(created.headers["location"].rsplit("/", 1)[1])
    db.expire_all()
    ind = db.get(Indicator, ind_id)
    assert ind is not None and ind.value == "+84912345678" and ind.status == "verified"
    assert [s.source for s in ind.sources] == [f"analyst:{user.username}"]
    bad = post_form(analyst, "/indicators/new", "/indicators/new", {"value": "???"})
    assert bad.status_code == 422 and 'id="f-value-error"' in bad.text

    duplicate = Indicator(
        kind="phone", value="+84912345678-old", display="0912 345 678 (cũ)", report_count=2
    )
    db.add(duplicate)
    db.commit()
    merged = post_form(
        analyst, f"/indicators/{ind_id}", f"/indicators/{ind_id}/merge", {"duplicate": duplicate.id}
    )
    assert merged.status_code == 303
    db.expire_all()
    assert db.get(Indicator, duplicate.id).merged_into_id == ind_id  # type: ignore[union-attr]
    assert db.get(Indicator, ind_id).report_count == 2  # type: ignore[union-attr]


def test_feed_create_and_run_now_against_a_local_server(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    analyst = client_factory(_user(db, factories, Role.ANALYST))
    with serve() as (base, _seen):
        bad = post_form(
            analyst,
            "/feeds",
            "/feeds",
            {"name": "csv-thieu-cot", "url": f"{base}/x.csv", "format": "csv", "columns": ""},
        )
        assert bad.status_code == 422 and 'id="f-columns-error"' in bad.text
        created = post_form(
            analyst,
            "/feeds",
            "/feeds",
            {
                "name": "danh-sach-thu",
                "url": f"{base}/feeds/plain/list.txt",
                "format": "plain",
                "category": "phishing",
                "interval_hours": "12",
                "stale_after_hours": "48",
                "import_status": "reported",
            },
        )
        assert created.status_code == 303, created.text
        page = analyst.get("/feeds")
        assert "danh-sach-thu" in page.text and 'data-state="never">Chưa chạy' in page.text
        feed_id = int(re.search(r'action="/feeds/(\d+)/run"', page.text).group(1))  # type: ignore[union-attr]
        ran = analyst.post(f"/feeds/{feed_id}/run", data={"csrf_token": csrf_from(page.text)})
        assert ran.status_code == 303
        after = analyst.get("/feeds")
    assert re.search(r"danh-sach-thu: \d+ mục", after.text), after.text
    assert 'data-state="ok">Tốt' in after.text
    stored = db.scalars(
        select(IndicatorSource).where(IndicatorSource.source == "danh-sach-thu")
    ).all()
    assert stored and all(s.indicator.status == "reported" for s in stored)
    disabled = post_form(analyst, "/feeds", f"/feeds/{feed_id}/enabled", {"enabled": "0"})
    assert disabled.status_code == 303
    assert 'data-state="disabled">Đã tắt' in analyst.get("/feeds").text


def test_feed_run_failure_is_recorded_and_shown(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    analyst = client_factory(_user(db, factories, Role.ANALYST))
    with serve() as (base, _seen):
        post_form(
            analyst,
            "/feeds",
            "/feeds",
            {"name": "nguon-hong", "url": f"{base}/khong-co", "format": "plain"},
        )
        page = analyst.get("/feeds")
        feed_id = int(re.search(r'action="/feeds/(\d+)/run"', page.text).group(1))  # type: ignore[union-attr]
        ran = analyst.post(f"/feeds/{feed_id}/run", data={"csrf_token": csrf_from(page.text)})
    assert ran.status_code == 303
    after = analyst.get("/feeds").text
    assert "Nguồn nguon-hong lỗi" in after  # the flash
    assert re.search(r'badge-danger" data-state="(stale|failing)"', after), after


def test_allowlist_add_shows_official_and_remove(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    store.record_indicator(db, raw="congty-abc.vn", source="feed:a", category="phishing")
    db.commit()
    analyst = client_factory(_user(db, factories, Role.ANALYST))
    added = post_form(
        analyst,
        "/allowlist",
        "/allowlist",
        {"value": "congty-abc.vn", "reason": "Đã xác minh giấy phép"},
    )
    assert added.status_code == 303
    public = client_factory()
    assert "Chính thức" in public.get("/tra-cuu", params={"q": "shop.congty-abc.vn"}).text
    page = analyst.get("/allowlist")
    entry_id = int(re.search(r'action="/allowlist/(\d+)/remove"', page.text).group(1))  # type: ignore[union-attr]
    removed = analyst.post(
        f"/allowlist/{entry_id}/remove", data={"csrf_token": csrf_from(page.text)}
    )
    assert removed.status_code == 303
    assert "congty-abc.vn" not in analyst.get("/allowlist").text.split("<h2>")[0]
    empty = post_form(analyst, "/allowlist", "/allowlist", {"value": "congty-abc.vn"})
    assert empty.status_code == 422 and 'id="f-reason-error"' in empty.text


def test_nav_shows_the_indicator_areas(
    client_factory: ClientFactory, db: Session, factories: Factories
) -> None:
    home = client_factory(_user(db, factories, Role.ANALYST)).get("/").text
    for path in ("/tra-cuu", "/indicators", "/feeds", "/allowlist", "/disputes"):
        assert f'href="{path}"' in home
