from __future__ import annotations

import pytest

from canhgiac.accounts import tokens
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.detectors.text.classifier import load_text_classifier
from canhgiac.errors import ValidationFailed
from canhgiac.indicators.extract import extract_indicators
from canhgiac.messages import service
from canhgiac.verification import service as verification
from canhgiac.verification.links import link_hosts
from tests.web.conftest import bearer, post_form

SCAM = (
    "Vietcombank thong bao: tai khoan cua quy khach se bi khoa trong 24h. Vui long xac minh tai "
    "https://vietcombank-xacminh.xyz de tranh gian doan."
)
OTP = "Ma OTP cua Quy khach la 482913. Tuyet doi KHONG cung cap ma nay cho bat ky ai. Vietcombank"


def test_store_label_and_export_for_training(db, factories):
    classifier = load_text_classifier()
    analyst = factories.user(role=Role.ANALYST)
    message, verdict = service.check_and_store(
        db, classifier, text=SCAM, source="web", checked_by_id=analyst.id
    )
    assert verdict.is_scam and message.is_scam and message.model_version == classifier.version
    with pytest.raises(ValidationFailed) as err:
        service.label_message(db, message, category="political", labelled_by_id=analyst.id)
    assert err.value.field == "category"
    service.label_message(
        db, message, category="fraud.impersonation.bank", labelled_by_id=analyst.id
    )
    assert message.label_is_scam is True
    other, _ = service.check_and_store(db, classifier, text=OTP, sender="Vietcombank", source="api")
    service.label_message(db, other, category="legit", labelled_by_id=analyst.id)
    assert list(service.labelled_examples(db)) == [
        (SCAM, "fraud.impersonation.bank"),
        (OTP, "legit"),
    ]
    assert service.list_messages(db, labelled=False).total == 0


def test_links_in_stored_messages_feed_the_verification_queue(db):
    classifier = load_text_classifier()
    service.check_and_store(db, classifier, text=SCAM, source="api")
    service.check_and_store(
        db, classifier, text="Doc tin moi nhat tai https://vnexpress.net/thoi-su", source="api"
    )
    service.check_and_store(db, classifier, text=SCAM, source="web")  # seen again, not twice
    queued = verification.list_candidates(db).items
    assert [(c.name, c.source, c.seen_count) for c in queued] == [
        ("vietcombank-xacminh.xyz", "message", 2)
    ]


def test_a_failing_name_scorer_never_loses_the_message(db, monkeypatch):
    def broken() -> None:
        raise RuntimeError("model file unreadable")

    monkeypatch.setattr(service, "load_domain_scorer", broken)
    message, verdict = service.check_and_store(db, load_text_classifier(), text=SCAM, source="api")
    assert message.id is not None and verdict.is_scam
    assert verification.list_candidates(db).total == 0


def test_link_hosts_are_domains_and_link_hosts():
    def names_in_text(text: str) -> list[str]:
        return link_hosts(f.indicator.to_dict() for f in extract_indicators(text))

    text = "Nhan qua tai https://Shopee-Qua.top/x?y=1 hoac shopee-qua.top, goi 0912345678"
    assert names_in_text(text) == ["shopee-qua.top"]
    assert names_in_text("Xin chao, hen gap lai") == []


def test_bad_input_names_the_field():
    classifier = load_text_classifier()
    with pytest.raises(ValidationFailed) as err:
        service.check_text(classifier, text="   ")
    assert err.value.field == "text"
    with pytest.raises(ValidationFailed) as err:
        service.check_text(classifier, text="x" * 6000)
    assert err.value.field == "text"


def test_api_detect_text_with_user_and_machine_tokens(client, db, factories):
    analyst = factories.user(role=Role.ANALYST, password="a-long-password")
    login = client.post(
        "/api/v1/auth/token", json={"username": analyst.username, "password": "a-long-password"}
    )
    token = login.json()["access_token"]
    answer = client.post("/api/v1/detect/text", json={"text": SCAM}, headers=bearer(token))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (
        body["is_scam"] is True
        and body["category"].startswith("fraud")
        and body["reasons"]
        and body["id"] is None
    )
    legit = client.post(
        "/api/v1/detect/text", json={"text": OTP, "sender": "Vietcombank"}, headers=bearer(token)
    )
    assert legit.json()["is_scam"] is False
    stored = client.post(
        "/api/v1/detect/text", json={"text": SCAM, "store": True}, headers=bearer(token)
    ).json()
    labelled = client.post(
        f"/api/v1/messages/{stored['id']}/label",
        json={"category": "phishing"},
        headers=bearer(token),
    )
    assert labelled.status_code == 200 and labelled.json()["label_category"] == "phishing"
    assert (
        client.post("/api/v1/detect/text", json={"text": ""}, headers=bearer(token)).status_code
        == 422
    )
    telco = factories.agency(kind=AgencyKind.TELCO)
    scoped = tokens.create_machine_token(db, agency=telco, name="Viettel SMS", scopes=["detect"])
    assert (
        client.post(
            "/api/v1/detect/text", json={"text": SCAM}, headers=bearer(scoped.secret)
        ).status_code
        == 200
    )
    unscoped = tokens.create_machine_token(db, agency=telco, name="RPZ", scopes=["blocklists:read"])
    assert (
        client.post(
            "/api/v1/detect/text", json={"text": SCAM}, headers=bearer(unscoped.secret)
        ).status_code
        == 403
    )
    assert client.get("/api/v1/messages", headers=bearer(scoped.secret)).status_code == 403
    assert client.post("/api/v1/detect/text", json={"text": SCAM}).status_code == 401


def test_page_check_and_label(client_factory, db, factories):
    analyst = factories.user(role=Role.ANALYST)
    browser = client_factory(analyst)
    result = post_form(browser, "/messages", "/messages", {"text": SCAM, "sender": "0912345678"})
    assert result.status_code == 200
    assert "vietcombank-xacminh.xyz" in result.text
    message = service.list_messages(db).items[0]
    labelled = post_form(
        browser,
        "/messages",
        f"/messages/{message.id}/label",
        {"category": "fraud.impersonation.bank"},
    )
    assert labelled.status_code == 303
    db.refresh(message)
    assert message.label_category == "fraud.impersonation.bank"
    viewer = client_factory(factories.user(role=Role.VIEWER))
    assert viewer.get("/messages").status_code == 403


def test_public_lookup_page_checks_a_message_without_storing_it(client, db):
    page = client.get("/tra-cuu")
    assert 'action="/tra-cuu/tin-nhan"' in page.text
    from tests.web.conftest import csrf_from

    answer = client.post(
        "/tra-cuu/tin-nhan", data={"text": SCAM, "csrf_token": csrf_from(page.text)}
    )
    assert answer.status_code == 200
    assert "ket-qua-tin-nhan" in answer.text and "verdict-scam" in answer.text
    legit = client.post(
        "/tra-cuu/tin-nhan",
        data={"text": OTP, "sender": "Vietcombank", "csrf_token": csrf_from(page.text)},
    )
    assert "verdict-ok" in legit.text
    empty = client.post("/tra-cuu/tin-nhan", data={"text": " ", "csrf_token": csrf_from(page.text)})
    assert empty.status_code == 422
    assert service.list_messages(db).total == 0  # nothing a citizen pastes is kept
    assert client.post("/tra-cuu/tin-nhan", data={"text": SCAM}).status_code == 403  # CSRF


def test_retraining_learns_from_analysts_labels(scratch_database_url, tmp_path, monkeypatch):
    """`detect text train` reads analysts' verdicts from the database (here: the only data)."""
    import json

    from typer.testing import CliRunner

    from canhgiac.cli.main import app
    from canhgiac.db import migrate
    from canhgiac.db.engine import build_engine, session_factory, unit_of_work
    from canhgiac.messages.models import CheckedMessage

    monkeypatch.setenv("CANHGIAC_DATABASE_URL", scratch_database_url)
    engine = build_engine(scratch_database_url)
    migrate.upgrade(engine)
    with unit_of_work(session_factory(engine)) as session:
        for i in range(12):
            for text, category in (
                (f"Vay nhanh {i} trieu chi can CCCD lien he zalo 09123456{i:02d}", "fraud.loan"),
                (f"Me oi toi nay con ve muon {i} phut nhe", "legit"),
            ):
                session.add(
                    CheckedMessage(
                        text=text,
                        source="web",
                        category="legit",
                        is_scam=False,
                        score=0.1,
                        reasons=[],
                        model_version="x",
                        label_category=category,
                        label_is_scam=category != "legit",
                    )
                )
    engine.dispose()
    out = tmp_path / "model.npz"
    runner = CliRunner()
    result = runner.invoke(app, ["detect", "text", "train", "--no-seed", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "24" in result.output
    check = tmp_path / "one.csv"
    check.write_text('text\n"Vay nhanh 5 trieu chi can CCCD"\n', encoding="utf-8")
    result = runner.invoke(
        app, ["detect", "text", "classify", "--input", str(check), "--model", str(out)]
    )
    assert json.loads(result.stdout.splitlines()[0])["category"] == "fraud.loan"
