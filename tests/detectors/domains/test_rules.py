from canhgiac.detectors.domains.authored import authored_legitimate, authored_scam
from canhgiac.detectors.domains.rules import fired_rules, rule_candidates
from canhgiac.detectors.domains.scorer import build_extractor


def test_every_name_a_rule_fires_on_is_a_candidate():
    # The scorer skips the rules for low-scoring names outside rule_candidates: a rule
    # whose precondition is missing there would never fire on them.
    names = [*authored_scam(), *authored_legitimate(), "shọpmobaviet.vn", "vieteid.com",
             "vietcombank.com.vn-xacminh.top", "chanlemomo-vip.com", "hotrovaynganhang.com",
             "agribank.info", "hdbanks.com", "2282vn.com", "gareena.vn", "garenavns.com",
             "vcbdiabrnk.com", "tintuc.com",
             "example.org"]  # fmt: skip
    batch = build_extractor()[0].extract(names)
    candidates = rule_candidates(batch)
    fired = {i: set(fired_rules(batch, i)) for i in batch.ok}
    assert {i for i, rules in fired.items() if rules} <= candidates
    # Every rule is exercised, and plain names stay off the slow path.
    assert set().union(*fired.values()) >= {
        "official_domain_embedded", "gambling_words", "government_service_elsewhere",
        "vietnamese_lure_elsewhere", "latin_lookalike_letters", "local_brand_elsewhere",
        "brand_with_lure", "bank_name_in_name", "vietnam_number_name",
        "brand_typo_own_suffix", "brand_name_in_name",
    }  # fmt: skip
    assert names.index("tintuc.com") not in candidates
    assert names.index("example.org") not in candidates
