from canhgiac.detectors.domains.authored import authored_legitimate, authored_scam
from canhgiac.detectors.domains.hostnames import parse_host
from canhgiac.detectors.domains.lures import find_lures
from canhgiac.detectors.domains.rules import SCAM_PITCH_WORDS


def test_composed_scams_cover_site_builders_and_game_shops():
    names = authored_scam()
    hosted = [n for n in names if parse_host(n).private_suffix]
    assert len(hosted) >= 500
    # Every hosted scam carries a lure word in the user's label.
    assert all(find_lures(n.split(".", 1)[0]) for n in hosted)
    assert (
        sum(n.startswith(("shop", "banacc", "tiemacc", "napgame", "muaacc")) for n in names) >= 500
    )


def test_composed_legitimate_names_include_plain_sites_on_the_same_builders():
    names = authored_legitimate()
    # Official hosts with a typical prefix ("ebank.blogspot.com") aside.
    prefixes = {"www", "m", "ebank", "online", "portal", "app", "id", "mail", "news", "pay"}
    hosted = [n for n in names if parse_host(n).private_suffix]
    hosted = [n for n in hosted if n.split(".", 1)[0] not in prefixes]
    assert len(hosted) >= 150
    assert not [n for n in hosted if find_lures(n.split(".", 1)[0])]


def test_composition_is_deterministic():
    authored_scam.cache_clear()
    first = authored_scam()
    authored_scam.cache_clear()
    assert authored_scam() == first


def test_composed_legitimate_names_include_trades_named_with_scam_words():
    # Gift shops, event organisers, jewellers: words scams also use, in ordinary businesses.
    names = authored_legitimate()
    trades = [n for n in names if find_lures(n.split(".", 1)[0]).get("prize")]
    assert len(trades) >= 100
    assert any("quatang" in n for n in trades) and any("sukien" in n for n in trades)
    # None of them carries a word that only a scam's pitch uses.
    assert not [n for n in names if any(w in n.split(".", 1)[0] for w in SCAM_PITCH_WORDS)]
