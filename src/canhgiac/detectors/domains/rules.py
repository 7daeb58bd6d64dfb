"""Hand-checked rules of the name scorer: strong evidence that flags a name whatever the
learned model says.

Each rule lifts the logit to at least its margin over the threshold. Training counts the
legitimate names the rules flag against the target false-positive rate, so the model's
threshold leaves room for them.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from canhgiac.detectors.domains.feature_batch import DENSE_INDEX, FeatureBatch
from canhgiac.detectors.domains.lures import TELL_WORDS, VIETNAMESE_PATTERN, has_gambling_tell

RULE_MARGIN = {
    "official_domain_embedded": 3.0,
    "brand_lookalike_letters": 3.0,
    "brand_subdomain_fake_suffix": 2.0,
    "brand_with_lure": 1.0,
    "gambling_words": 0.5,
    "local_brand_elsewhere": 1.0,
    "bank_name_in_name": 1.0,
    "brand_name_in_name": 1.0,
    "brand_typo_own_suffix": 1.0,
    "latin_lookalike_letters": 1.0,
    "government_service_elsewhere": 1.0,
    "vietnamese_lure_elsewhere": 0.5,
    "vietnam_number_name": 0.5,
}

# Vietnamese words that in a host name outside .vn almost only carry a scam's pitch: prizes
# and game top-ups, account "verification", loans and credit-card cash-outs, paid tasks, and
# getting lost money back. Lure words with everyday business uses stay with the model: events
# (sukien: event organisers), gifts and deals (quatang, khuyenmai), jewellery (kimcuong),
# "free" (mienphi: free lessons and e-books), registration (dangky), transfers and
# remittances, jobs and side jobs, "rose" (hoahong), contests, sport and football.
SCAM_PITCH_WORDS = frozenset(
    {
        # prizes and game top-ups
        "nhanqua", "doiqua", "tangqua", "maquatang", "nhanthuong", "trungthuong",
        "quaythuong", "giaithuong", "vongquay", "binhchon", "hoanthue", "lienquan",
        "quanhuy", "banacc", "napthe", "napgame", "thecao",
        # accounts and cards
        "xacminh", "xacnhan", "xacthuc", "kichhoat", "mokhoa", "khoataikhoan", "taikhoan",
        "dangnhap", "sinhtrachoc", "chamsockhachhang", "nhantien", "ruttien", "ruttienmat",
        "hanmuc", "nanghanmuc", "daohan", "quetthe", "thetindung",
        # loans
        "vaytien", "vayvon", "vaytinchap", "vaytieudung", "hotrovay", "tinchap", "tindung",
        "giaingan",
        # paid tasks, money back
        "kiemtien", "nhiemvu", "lamnhiemvu", "chotdon", "viecnhe", "laylaitien", "thuhoitien",
        "nopphat",
    }
)  # fmt: skip

_COL_FAKE_SUFFIX = DENSE_INDEX["fake_suffix_label"]
_COL_GOV_EDU = DENSE_INDEX["suffix_gov_edu"]
_COL_LOCAL_ELSEWHERE = DENSE_INDEX["brand_local_exact_elsewhere"]
_COL_STRONG_LURES = tuple(DENSE_INDEX[f"lure_{k}"] for k in ("account", "loan", "prize", "task"))


def fired_rules(batch: FeatureBatch, i: int) -> list[str]:
    """The rules name ``i`` of the batch fires (cheap for most names: no brand, no marks,
    no gambling word)."""
    fired = []
    if batch.official_embedded[i]:
        fired.append("official_domain_embedded")
    if has_gambling_tell(batch.lure_words[i], batch.stems[i]):
        fired.append("gambling_words")
    if i in batch.government:
        fired.append("government_service_elsewhere")
    if _has_pitch(batch.vietnamese_elsewhere.get(i)):
        fired.append("vietnamese_lure_elsewhere")
    if i in batch.vietnam_numbers:
        fired.append("vietnam_number_name")
    hit = batch.brands[i]
    if batch.foreign_marks[i] and (hit is None or not batch.idn_lookalike[i]):
        fired.append("latin_lookalike_letters")
    if hit is None:
        return fired
    row = batch.dense[i]
    if batch.idn_lookalike[i]:
        fired.append("brand_lookalike_letters")
    # A Vietnamese brand's bare name on a suffix it does not use (agribank.info). Its name
    # with more around it on .vn ("garenagift.vn") is left to the model: dealers and estate
    # agents build .vn names on car and housing brands (xemayvinfast-…, chungcuvinhomes).
    if row[_COL_LOCAL_ELSEWHERE]:
        fired.append("local_brand_elsewhere")
    # A Vietnamese bank's name with more around it on a name outside .vn ("hdbanks.com",
    # "tpbank-hanoi.com", "my-acb-bank.com"). Dealers and estate agents build site names on
    # car and housing brands, but nobody builds one on a bank's but the bank's own group,
    # whose subsidiaries sit on .vn (vpbanks.com.vn).
    if i in batch.bank_name:
        fired.append("bank_name_in_name")
    # The same for e-wallets, online shops and Garena ("shopee-deal.com", "garenavns.com"):
    # their gift codes, orders and wallets are what these names fish for.
    if i in batch.brand_name:
        fired.append("brand_name_in_name")
    # The classic typo-squat: the brand's name misspelt (one letter, two in a long name) on
    # its own suffix.
    if i in batch.typo_squats:
        fired.append("brand_typo_own_suffix")
    if hit.where != "name" and row[_COL_FAKE_SUFFIX]:
        fired.append("brand_subdomain_fake_suffix")
    # A Vietnamese lure word outside the brand itself ("garena" is also a prize lure; "ibank"
    # sits inside "citibank").
    if (
        len(hit.token) >= 5
        and row[_COL_GOV_EDU] == 0
        and any(row[c] for c in _COL_STRONG_LURES)
        and VIETNAMESE_PATTERN.search(batch.stems[i].replace(hit.token, "."))
    ):
        fired.append("brand_with_lure")
    return fired


def _has_pitch(words: tuple[str, ...] | None) -> bool:
    return words is not None and not SCAM_PITCH_WORDS.isdisjoint(words)


def rule_candidates(batch: FeatureBatch) -> set[int]:
    """Names of the batch that some rule may fire on: every name ``fired_rules`` flags is
    among them. Found from each rule's precondition without running the rules, so the
    scorer can send every other name with a low score down its fast path."""
    tells = TELL_WORDS
    out = {
        i
        for i, (hit, embedded, words) in enumerate(
            zip(batch.brands, batch.official_embedded, batch.lure_words, strict=True)
        )
        if hit is not None or embedded or (words and not tells.isdisjoint(words))
    }
    out.update(i for i, marks in enumerate(batch.foreign_marks) if marks)
    out.update(batch.government)
    out.update(batch.vietnam_numbers)
    out.update(i for i, words in batch.vietnamese_elsewhere.items() if _has_pitch(words))
    return out


def rule_flagged(batch: FeatureBatch) -> npt.NDArray[np.bool_]:
    """Per parsed name (``batch.ok`` order): does any rule fire? Official hosts never do."""
    out = np.zeros(len(batch.ok), dtype=bool)
    for j, i in enumerate(batch.ok):
        if not batch.official[i] and fired_rules(batch, i):
            out[j] = True
    return out
