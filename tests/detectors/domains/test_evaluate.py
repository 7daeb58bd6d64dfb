import pytest

from canhgiac.detectors.domains.evaluate import evaluate_scores, precision_at
from canhgiac.detectors.domains.scorer import DomainScore


def s(name, score, flagged):
    return DomainScore(name, score, flagged, None, None, ())


def test_precision_at_base_rate():
    assert precision_at(0.5, 0.001, 0.01) == pytest.approx(0.005 / (0.005 + 0.00099))
    assert precision_at(0.0, 0.0, 0.01) == 0.0


def test_figures():
    pos = [
        s("a.xyz", 0.9, True),
        s("b.xyz", 0.7, True),
        s("c.xyz", 0.2, False),
        s("d.xyz", 0.1, False),
    ]
    neg = [s(f"n{i}.com", i / 1000, False) for i in range(999)] + [s("x.com", 0.95, True)]
    neg.append(DomainScore("", 0.0, False, None, None, (), "bad"))
    r = evaluate_scores(pos, neg, threshold=0.5, base_rate=0.01, target_fpr=0.001)
    assert (r.positives, r.negatives, r.invalid) == (4, 1000, 1)
    assert r.recall == 0.5 and r.false_positive_rate == 0.001
    assert r.false_positive_examples == ("x.com",)
    assert r.missed_examples == ("c.xyz", "d.xyz")
    # One false positive allowed (0.1 % of 1000): the threshold lands just above 0.997.
    assert r.recall_at_target_fpr == 0.0
    assert 0.0 < r.precision_at_base_rate < 1.0
    assert r.to_dict()["false_positive_examples"] == ["x.com"]
