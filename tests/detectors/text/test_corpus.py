from collections import Counter

from canhgiac.categories import CATEGORIES
from canhgiac.detectors.text.corpus import load_seed_corpus
from canhgiac.detectors.text.corpus.build import generate
from canhgiac.detectors.text.normalize import fold_diacritics


def test_seed_corpus_size_and_coverage():
    rows = load_seed_corpus()
    assert len(rows) >= 2000
    counts = Counter(r.category for r in rows)
    assert set(counts) == {c.code for c in CATEGORIES}
    assert min(counts.values()) >= 50
    assert counts["legit"] >= 800  # many genuine OTP, bank, carrier, delivery, personal
    assert len({r.text for r in rows}) == len(rows)


def test_seed_corpus_has_both_writing_styles():
    rows = load_seed_corpus()
    plain = sum(r.text == fold_diacritics(r.text) for r in rows)
    assert 0.2 * len(rows) < plain < 0.8 * len(rows)
    assert any("\u200b" in r.text or "." in r.text.split()[0] for r in rows)
    assert sum(bool(r.sender) for r in rows) > 500


def test_genuine_kinds_are_present():
    legit = " ".join(r.text.lower() for r in load_seed_corpus() if r.category == "legit")
    for word in ("otp", "sd", "gói", "đơn hàng", "nhắc lịch", "mẹ ơi"):
        assert word in legit or fold_diacritics(word) in legit, word


def test_generator_is_deterministic():
    first = [row for _, row in zip(range(50), generate(), strict=False)]
    second = [row for _, row in zip(range(50), generate(), strict=False)]
    assert first == second
