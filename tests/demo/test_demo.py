from __future__ import annotations

import pytest
from sqlalchemy import func, select

from canhgiac.accounts import auth
from canhgiac.accounts.models import Agency, User
from canhgiac.accounts.roles import AgencyKind, Role
from canhgiac.demo.service import DEMO_PASSWORD, load_demo
from canhgiac.errors import Conflict
from canhgiac.indicators.lookup import lookup
from canhgiac.verification.service import list_candidates

pytestmark = pytest.mark.db


def test_demo_province_is_complete_and_idempotent(db, settings):
    first = load_demo(db)
    assert first.created["agencies"] >= 10 and first.created["users"] >= 10
    # Later domains' demo records: indicators to look up, alerts to triage, messages to label,
    # names to verify (new registrations and a resolver log, through the real scorer).
    assert (
        first.created["indicators"] >= 10
        and first.created["alerts"] >= 3
        and first.created["messages"] >= 5
        and first.created["domain_candidates"] >= 5
    )
    assert lookup(db, "login.bidv.com.vn-ebank.top").status == "verified"
    queued = {c.name: c.source for c in list_candidates(db, limit=100).items}
    assert queued["bidv-smartbanking-capnhat.com"] == "monitoring"
    assert not {"banhmi-co-ba-nhatrang.vn", "vnexpress.net", "dichvucong.gov.vn"} & set(queued)
    kinds = set(db.scalars(select(Agency.kind)))
    assert {k.value for k in AgencyKind} - {"other"} <= kinds | {"isp", "bank"}
    office_roles = set(db.scalars(select(User.role).join(Agency).where(Agency.code == "so-tttt")))
    assert office_roles == {r.value for r in Role}
    assert (
        auth.authenticate(db, username="analyst", password=DEMO_PASSWORD, settings=settings).role
        == "analyst"
    )
    count = db.scalar(select(func.count()).select_from(User))
    second = load_demo(db)
    assert second.already_loaded and second.created == {}
    assert db.scalar(select(func.count()).select_from(User)) == count


def test_demo_refuses_a_database_with_real_data(db, factories):
    factories.user(username="real.person")
    with pytest.raises(Conflict, match="non-demo"):
        load_demo(db)
