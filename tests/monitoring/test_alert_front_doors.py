from __future__ import annotations

import pytest

from canhgiac.accounts import tokens
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.indicators import store
from canhgiac.monitoring import alerts
from tests.monitoring.test_alerts import zeek_dns
from tests.web.conftest import bearer, post_form

pytestmark = pytest.mark.db


@pytest.fixture
def setup(db, factories):
    office = factories.agency(kind=AgencyKind.PROVINCIAL_ICT, network_ranges="10.56.0.0/20")
    hospital = factories.agency(kind=AgencyKind.OTHER, network_ranges="10.56.20.0/22")
    ind = store.record_indicator(
        db, raw="c2-botnet.xyz", source="analyst", category="c2", family="mirai"
    )
    store.change_status(db, ind, status="listed", reason="C&C đã xác minh")
    sensor = tokens.create_machine_token(
        db, agency=office, name="sensor-vpubnd", scopes=["monitoring:write"]
    )
    return office, hospital, sensor


def test_sensor_pushes_and_agencies_see_their_own(client_factory, client, db, factories, setup):
    office, hospital, sensor = setup
    lines = zeek_dns([("10.56.20.7", "x.c2-botnet.xyz", "-"), ("10.56.1.3", "c2-botnet.xyz", "-")])
    pushed = client.post(
        "/api/v1/monitoring/batches",
        json={"format": "zeek-dns", "lines": lines},
        headers=bearer(sensor.secret),
    )
    assert pushed.status_code == 200, pushed.text
    assert pushed.json()["alerts_created"] == 2
    bad = client.post(
        "/api/v1/monitoring/batches",
        json={"format": "auto", "lines": lines},
        headers=bearer(sensor.secret),
    )
    assert bad.status_code == 422 and bad.json()["field"] == "format"
    reader = tokens.create_machine_token(db, agency=office, name="rpz", scopes=["blocklists:read"])
    assert (
        client.post(
            "/api/v1/monitoring/batches",
            json={"format": "zeek-dns", "lines": lines},
            headers=bearer(reader.secret),
        ).status_code
        == 403
    )

    office_analyst = client_factory(factories.user(role=Role.ANALYST, agency=office))
    hospital_officer = client_factory(factories.user(role=Role.OFFICER, agency=hospital))
    hospital_viewer = client_factory(factories.user(role=Role.VIEWER, agency=hospital))
    assert office_analyst.get("/monitoring?status=").text.count("c2-botnet.xyz") >= 2
    page = hospital_officer.get("/monitoring?status=")
    assert "10.56.20.7" in page.text and "10.56.1.3" not in page.text
    hospital_alert = alerts.list_alerts(db, agency_id=hospital.id).items[0]
    office_alert = alerts.list_alerts(db, agency_id=office.id).items[0]
    done = post_form(
        hospital_officer,
        "/monitoring?status=",
        f"/monitoring/alerts/{hospital_alert.id}/triage",
        {"status": "confirmed", "reason": "Máy X-quang nhiễm Mirai, đã cách ly"},
    )
    assert done.status_code == 303
    db.refresh(hospital_alert)
    assert hospital_alert.status == "confirmed"
    other = post_form(
        hospital_officer,
        "/monitoring?status=",
        f"/monitoring/alerts/{office_alert.id}/triage",
        {"status": "false_positive", "reason": "x"},
    )
    assert other.status_code == 403
    read_only = post_form(
        hospital_viewer,
        "/monitoring?status=",
        f"/monitoring/alerts/{hospital_alert.id}/triage",
        {"status": "new", "reason": ""},
    )
    assert read_only.status_code == 403


def test_api_alerts_triage_and_summary(client, db, factories, setup):
    office, hospital, sensor = setup
    client.post(
        "/api/v1/monitoring/batches",
        json={"format": "zeek-dns", "lines": zeek_dns([("10.56.20.7", "c2-botnet.xyz", "-")])},
        headers=bearer(sensor.secret),
    )
    user = factories.user(role=Role.ANALYST, agency=office, password="a-long-password")
    token = client.post(
        "/api/v1/auth/token", json={"username": user.username, "password": "a-long-password"}
    ).json()
    headers = bearer(token["access_token"])
    listed = client.get("/api/v1/monitoring/alerts?status=new", headers=headers).json()
    assert listed["total"] == 1 and listed["items"][0]["agency_id"] == hospital.id
    alert_id = listed["items"][0]["id"]
    refused = client.post(
        f"/api/v1/monitoring/alerts/{alert_id}/triage",
        json={"status": "false_positive"},
        headers=headers,
    )
    assert refused.status_code == 422 and refused.json()["field"] == "reason"
    ok = client.post(
        f"/api/v1/monitoring/alerts/{alert_id}/triage",
        json={"status": "confirmed", "reason": "Xác nhận nhiễm"},
        headers=headers,
    )
    assert ok.json()["status"] == "confirmed"
    summary = client.get("/api/v1/monitoring/summary", headers=headers).json()
    assert summary["categories"]["c2"]["families"]["mirai"]["alerts"] == 1
