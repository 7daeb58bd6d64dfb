import json
import random

import pytest

from canhgiac.detectors.text.classifier import TextClassifier
from canhgiac.detectors.text.corpus import LabelledText, load_seed_corpus
from canhgiac.detectors.text.model import load_model
from canhgiac.detectors.text.records import read_labelled
from canhgiac.detectors.text.train import TrainingConfig, train_text_classifier
from canhgiac.errors import ValidationFailed

FAST = TrainingConfig(calibration_folds=2, max_features=20_000)
NEW_SCAM = "Ban nhan duoc goi qua Hoa Mai Vang, chi can dong phi kich hoat tai hoamaivang-qua.top"


@pytest.fixture(scope="module")
def sample():
    rows = load_seed_corpus()
    return random.Random(3).sample(rows, 500)


def test_training_on_a_sample_gives_a_working_model(tmp_path, sample):
    trained = train_text_classifier(labelled=sample, include_seed=False, config=FAST)
    assert trained.report["rows"] >= 500 and trained.report["vocabulary"] > 1000
    path = tmp_path / "m.npz"
    trained.save(path)
    classifier = TextClassifier(load_model(path))
    verdict = classifier.classify("Ma OTP cua ban la 123456. Khong chia se ma nay cho ai.")
    assert not verdict.is_scam


def test_platform_labels_are_learned(sample):
    extra = [
        (NEW_SCAM.replace("Hoa Mai Vang", name), "fraud.prize")
        for name in ("Hoa Mai Vang", "Sen Vang", "Mai Vang", "Hoa Mai")
    ] * 5
    base = TextClassifier(
        train_text_classifier(labelled=sample, include_seed=False, config=FAST).model
    )
    taught = TextClassifier(
        train_text_classifier(extra, labelled=sample, include_seed=False, config=FAST).model
    )
    assert taught.classify(NEW_SCAM).score >= base.classify(NEW_SCAM).score
    assert taught.classify(NEW_SCAM).category == "fraud.prize"


def test_unknown_labels_are_refused():
    rows = [LabelledText("xin chao", "not-a-category")]
    with pytest.raises(ValidationFailed) as err:
        train_text_classifier(labelled=rows, include_seed=False, config=FAST)
    assert err.value.field == "category"


def test_one_class_is_refused():
    rows = [LabelledText(f"xin chao {i}", "legit") for i in range(10)]
    with pytest.raises(ValidationFailed):
        train_text_classifier(labelled=rows, include_seed=False, config=FAST)


def test_labelled_files_csv_and_jsonl(tmp_path):
    csv_path = tmp_path / "labels.csv"
    csv_path.write_text(
        "noi_dung,nhan,sender\nxin chao,legit,\nvay nhanh 0d,fraud.loan,0912\n", encoding="utf-8"
    )
    rows = read_labelled(csv_path, text_column="noi_dung", label_column="nhan")
    assert [(r.text, r.category, r.sender) for r in rows] == [
        ("xin chao", "legit", None),
        ("vay nhanh 0d", "fraud.loan", "0912"),
    ]
    jsonl = tmp_path / "labels.jsonl"
    jsonl.write_text(json.dumps({"text": "ok", "category": "legit"}) + "\n\n", encoding="utf-8")
    assert read_labelled(jsonl)[0].category == "legit"
    with pytest.raises(ValidationFailed) as err:
        read_labelled(csv_path, text_column="missing", label_column="nhan")
    assert err.value.field == "text_column"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(ValidationFailed):
        read_labelled(bad)
