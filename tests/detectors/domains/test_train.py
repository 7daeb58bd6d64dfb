import numpy as np
import pytest

from canhgiac.detectors.domains.scorer import DomainScorer, build_extractor
from canhgiac.detectors.domains.train import (
    TrainingConfig,
    list_thresholds,
    read_names,
    split_names,
    threshold_for_fpr,
    train_model,
)
from canhgiac.errors import ValidationFailed

SCAM_WORDS = ["vaytien", "nhanqua", "xacminh", "hotro", "taixiu", "nohu", "trian", "bet"]
LEGIT_WORDS = ["nhakhoa", "noithat", "thuvien", "truonghoc", "dulich", "benhvien", "sach", "cafe"]


def make_names(words, suffixes, n, seed):
    rng = np.random.default_rng(seed)
    return [
        f"{rng.choice(words)}{rng.choice(words)}{rng.integers(0, 99)}.{rng.choice(suffixes)}"
        for _ in range(n)
    ]


@pytest.fixture(scope="module")
def extractor():
    return build_extractor()[0]


def test_split_keeps_registrable_domains_together():
    names = [f"s{i}.site{i % 7}.com" for i in range(200)] + ["a.example.org", "b.example.org"]
    train, test = split_names(names, test_fraction=0.3, seed=1)
    assert sorted(train + test) == sorted(names)
    for name in test:
        site = name.split(".", 1)[1]
        assert not any(t.endswith("." + site) for t in train)
    assert split_names(names, test_fraction=0.3, seed=1) == (train, test)


def test_threshold_for_fpr():
    neg = np.arange(1000, dtype=float)
    t = threshold_for_fpr(neg, 0.01)
    assert (neg >= t).sum() == 10
    assert threshold_for_fpr(np.array([]), 0.01) == 0.0
    # Four more negatives are flagged by rules: 1 % of 1,004 leaves room for 6 by the model.
    t = threshold_for_fpr(neg, 0.01, flagged_anyway=4)
    assert (neg >= t).sum() == 6
    # Rules alone use up the allowance: the model flags none.
    assert (neg >= threshold_for_fpr(neg, 0.01, flagged_anyway=20)).sum() == 0


def test_threshold_per_list_holds_the_target_on_every_measurable_list():
    # List 0: 1,000 low scores; list 1: 1,000 names with a high tail; list 2: 5 names, too
    # few to measure 1 % on, counted only in the pool.
    rng = np.random.default_rng(0)
    scores = np.concatenate([rng.normal(0, 1, 1000), rng.normal(2, 1, 1000), np.full(5, 9.0)])
    lists = np.repeat([0, 1, 2], [1000, 1000, 5])
    counted = np.ones(scores.size, dtype=bool)
    pooled, by_list = list_thresholds(scores, counted, lists, 0.01, per_list=False)
    assert by_list == {} and pooled == threshold_for_fpr(scores, 0.01)
    strict, by_list = list_thresholds(scores, counted, lists, 0.01, per_list=True)
    assert set(by_list) == {0, 1}
    assert strict == max(pooled, *by_list.values())
    assert (scores[lists == 1] >= strict).mean() <= 0.01
    assert (scores[lists == 1] >= pooled).mean() > 0.01  # the pool alone let list 1 through


def test_training_takes_the_list_of_each_negative(extractor):
    pos = make_names(SCAM_WORDS, ["xyz", "top", "vip"], 200, 5)
    neg = make_names(LEGIT_WORDS, ["vn", "com.vn", "com"], 400, 6)
    config = TrainingConfig(
        folds=2, use_authored=False, min_df=2, target_fpr=0.01, threshold_per_list=True
    )
    model = train_model(extractor, pos, neg, config, negative_lists=[i % 2 for i in range(400)])
    assert set(model.meta["out_of_fold_fpr_by_list"]) == {"0", "1"}
    with pytest.raises(ValueError, match="one list id per negative"):
        train_model(extractor, pos, neg, config, negative_lists=[0])


def test_tiny_training_learns_and_sets_threshold(extractor, tmp_path):
    pos = make_names(SCAM_WORDS, ["xyz", "top", "vip"], 300, 1)
    neg = make_names(LEGIT_WORDS, ["vn", "com.vn", "com"], 600, 2)
    config = TrainingConfig(c=1.0, folds=2, use_authored=False, min_df=2, target_fpr=0.01)
    model = train_model(extractor, pos, neg, config, sources=["synthetic"])
    assert model.meta["positives"] == 300 and model.meta["sources"] == ["synthetic"]
    scorer = DomainScorer(model, extractor)
    fresh_pos = make_names(SCAM_WORDS, ["xyz", "top", "vip"], 100, 3)
    fresh_neg = make_names(LEGIT_WORDS, ["vn", "com.vn", "com"], 100, 4)
    recall = np.mean([s.is_suspicious for s in scorer.score_many(fresh_pos)])
    fpr = np.mean([s.is_suspicious for s in scorer.score_many(fresh_neg)])
    assert recall > 0.8 and fpr < 0.05
    path = tmp_path / "tiny.npz"
    model.save(path)
    assert path.stat().st_size > 0


def test_training_needs_both_classes(extractor):
    with pytest.raises(ValidationFailed):
        train_model(extractor, ["a.xyz"], [], TrainingConfig(use_authored=False))


def test_read_names_skips_comments_and_bounds(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# header\n\nexample.com\n  acb.vn-home.xyz  \n", encoding="utf-8")
    assert read_names(path) == ["example.com", "acb.vn-home.xyz"]
    with pytest.raises(ValidationFailed):
        read_names(path, limit=1)
    with pytest.raises(ValidationFailed) as info:
        read_names(tmp_path / "missing.txt")
    assert info.value.field == "input"


def test_training_matrix_matches_scoring_arithmetic(extractor):
    # The trainer's sparse design and the scorer's batch arithmetic must give the same logit.
    from canhgiac.detectors.domains.train import _fit, _labelled, design, model_logits

    pos = make_names(SCAM_WORDS, ["xyz", "top"], 80, 5)
    neg = make_names(LEGIT_WORDS, ["vn", "com"], 160, 6)
    config = TrainingConfig(c=1.0, folds=2, use_authored=False, min_df=1, max_iter=50)
    names, y, w, _lists = _labelled(pos, neg, config)
    d = design(extractor, [*names, "m.789bet.vip", "xn--vietcombnk-r7a.com", "not a host"])
    assert d.keep.tolist()[-1] is False
    model = _fit(d.rows(np.arange(d.dense.shape[0]) < len(y)), y, w, config)
    batch = extractor.extract([*names, "m.789bet.vip", "xn--vietcombnk-r7a.com"])
    scored = model.logits(batch.hashed(), batch.dense[batch.ok])
    assert np.allclose(model_logits(model, d), scored, atol=1e-4)
    assert np.any(model.ngram_weights != 0)
