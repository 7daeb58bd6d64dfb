"""Property-based tests: normalisation is idempotent and every display re-normalises."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from canhgiac.errors import ValidationFailed
from canhgiac.indicators.brands import load_brand_registry
from canhgiac.indicators.kinds import IndicatorKind
from canhgiac.indicators.normalize import NormalizedIndicator, normalize

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_round_trips(found: NormalizedIndicator) -> None:
    again = normalize(found.value, found.kind)
    assert again.value == found.value
    assert again.kind is found.kind
    assert normalize(found.display, found.kind).value == found.value


# --- phones ---------------------------------------------------------------------------------

MOBILE_PREFIXES = ["90", "91", "93", "94", "96", "97", "98", "32", "35", "39", "70", "77", "81",
                   "83", "85", "88", "56", "58", "59"]  # fmt: skip


@st.composite
def vn_mobile_spellings(draw):
    national = draw(st.sampled_from(MOBILE_PREFIXES)) + draw(
        st.text(string.digits, min_size=7, max_size=7)
    )
    prefix = draw(st.sampled_from(["0", "+84", "84", "+84 ", "(+84) ", "0084", "+84-"]))
    sep = draw(st.sampled_from(["", " ", ".", "-"]))
    cut = draw(st.sampled_from([(3, 6), (2, 5), (4, 7)]))
    body = national[: cut[0]] + sep + national[cut[0] : cut[1]] + sep + national[cut[1] :]
    return national, prefix + body


@FAST
@given(vn_mobile_spellings())
def test_every_spelling_of_a_mobile_is_one_number(case):
    national, spelled = case
    found = normalize(spelled)
    assert found.kind is IndicatorKind.PHONE
    assert found.value == "+84" + national
    assert_round_trips(found)
    assert normalize(found.display).value == found.value


# --- domains and URLs -----------------------------------------------------------------------

LABEL = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)
UNICODE_LABEL = st.text("abcdeghiklmnopqrstuvxyàáảãạăắằâấầđéèêếệíìóòôốồơớờúùưứừýỳ", min_size=1,
                        max_size=10)  # fmt: skip
TLDS = st.sampled_from(["com", "vn", "com.vn", "xyz", "top", "net", "gov.vn", "shop", "web.app"])


@st.composite
def hosts(draw):
    labels = draw(st.lists(st.one_of(LABEL, UNICODE_LABEL), min_size=1, max_size=3))
    return ".".join(labels) + "." + draw(TLDS)


@st.composite
def host_spellings(draw):
    host = draw(hosts())
    dot = draw(st.sampled_from([".", "[.]", "(.)", "[dot]"]))
    cased = "".join(c.upper() if draw(st.booleans()) else c for c in host)
    return host, cased.replace(".", dot)


@FAST
@given(host_spellings())
def test_domain_spellings_agree_and_round_trip(case):
    host, spelled = case
    try:
        plain = normalize(host, "domain")
    except ValidationFailed:
        assume(False)  # e.g. an IDNA-invalid label combination
    assert normalize(spelled, "domain").value == plain.value
    assert plain.value.isascii() and plain.value == plain.value.lower()
    assert_round_trips(plain)
    assert normalize(plain.value).value == plain.value  # guessed: still a domain


PATH_SEGMENT = st.text(string.ascii_letters + string.digits + "-._~%!$&'()*+,;=:@ đ", max_size=8)


@st.composite
def urls(draw):
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "hxxps", "ftp"]))
    host = draw(hosts())
    port = draw(st.sampled_from(["", ":80", ":443", ":8080"]))
    segments = draw(st.lists(st.one_of(PATH_SEGMENT, st.sampled_from([".", ".."])), max_size=4))
    query = draw(st.one_of(st.just(""), st.text(string.ascii_letters + "=&%/?+", max_size=10)))
    fragment = draw(st.sampled_from(["", "#top", "#"]))
    return f"{scheme}://{host}{port}/{'/'.join(segments)}{'?' + query if query else ''}{fragment}"


@FAST
@given(urls())
def test_url_normalisation_is_idempotent(raw):
    try:
        found = normalize(raw, "url")
    except ValidationFailed:
        assume(False)
    assert "#" not in found.value
    assert found.value.split("://", 1)[0] in ("http", "https", "ftp")
    assert "/./" not in found.value and "/../" not in found.value
    assert_round_trips(found)


# --- bank accounts --------------------------------------------------------------------------

BANKS = [b for b in load_brand_registry().brands if b.sector == "bank"]


@st.composite
def account_spellings(draw):
    bank = draw(st.sampled_from(BANKS))
    digits = draw(st.text(string.digits, min_size=6, max_size=16))
    name = draw(st.sampled_from([bank.short_name, bank.key, bank.name, *bank.aliases]))
    sep = draw(st.sampled_from([" ", ": ", " - ", " STK ", ", số tài khoản: "]))
    grouped = " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    account = draw(st.sampled_from([digits, grouped]))
    spelled = draw(st.sampled_from([f"{name}{sep}{account}", f"{account} ({name})"]))
    return bank, digits, spelled


@FAST
@given(account_spellings())
def test_bank_account_spellings_agree(case):
    bank, digits, spelled = case
    found = normalize(spelled, "bank_account")
    assert found.value == f"{bank.key}:{digits}", spelled
    assert_round_trips(found)


# --- anything at all ------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_either_normalises_or_fails_cleanly(raw):
    try:
        found = normalize(raw)
    except ValidationFailed:
        return
    assert_round_trips(found)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(list(IndicatorKind)))
def test_arbitrary_text_with_a_kind_either_normalises_or_fails_cleanly(raw, kind):
    try:
        found = normalize(raw, kind)
    except ValidationFailed:
        return
    assert found.kind is kind
    assert_round_trips(found)
