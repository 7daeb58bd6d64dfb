"""Scam-message detector: precision / recall / F1 on the shared development sets.

Label mapping (see ``canhgiac.detectors.text.reference_sets``):
  pth2016 SMS      positive = "spam" (NB: its spam is advertising, mostly genuine carrier
                   promotions, so a fraud detector SHOULD have low recall here; the useful
                   figure is the flag rate on ham and on ads).
  social comments  positive = spam=1 (about half scams, half ads): precision matters most.
  ViSpamReviews    all negative (product reviews): flag rate = false-positive rate.
Rows used to tune the shipped model (70% hash split) are excluded: only the "test" split
of pth2016 / social comments is scored, and ViSpamReviews test.csv (dev.csv is used in
training).

Usage: python benchmarks/eval_text.py [--model PATH] [--all-rows]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from canhgiac.detectors.text.classifier import TextClassifier, load_text_classifier  # noqa: E402
from canhgiac.detectors.text.evaluate import BinaryReport, score_texts  # noqa: E402
from canhgiac.detectors.text.model import load_model  # noqa: E402
from canhgiac.detectors.text.reference_sets import (  # noqa: E402
    PTH2016,
    SOCIAL,
    VISPAM,
    read_pth2016,
    read_social,
    read_vispam,
)
from canhgiac.detectors.text.train import split_of  # noqa: E402

DATASETS = Path(os.environ.get("CANHGIAC_DATASETS_DIR", REPO.parent / "shared" / "datasets"))


def _line(name: str, report: BinaryReport, note: str = "") -> None:
    print(
        f"{name:<34} rows={report.total:>6}  P={report.precision:.3f}  R={report.recall:.3f}  "
        f"F1={report.f1:.3f}  flagged={report.flag_rate:.3%}  "
        f"tp={report.tp} fp={report.fp} fn={report.fn} tn={report.tn}  {note}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument(
        "--all-rows",
        action="store_true",
        help="score every row, including those used to tune the model",
    )
    parser.add_argument("--show-errors", type=int, default=0)
    args = parser.parse_args()
    classifier: TextClassifier = (
        TextClassifier(load_model(args.model)) if args.model else load_text_classifier()
    )
    print(f"model {classifier.version}  cpu_count={os.cpu_count()}")

    def keep(text: str) -> bool:
        return args.all_rows or split_of(text) == "test"

    started = time.perf_counter()
    pth = DATASETS / PTH2016
    if pth.is_file():
        seen: set[str] = set()
        rows = []
        for row in read_pth2016(pth):
            if row.text not in seen and keep(row.text):
                seen.add(row.text)
                rows.append(row)
        texts = [r.text for r in rows]
        report = score_texts(
            classifier, texts, [r.raw_label == "spam" for r in rows], [r.raw_label for r in rows]
        )
        _line("pth2016 (positive=spam≈ads)", report, "low recall expected: spam = ads")
        ham = [t for t, r in zip(texts, rows, strict=True) if r.raw_label == "ham"]
        ads = [t for t, r in zip(texts, rows, strict=True) if r.raw_label == "spam"]
        _line("pth2016 ham only (FP rate)", score_texts(classifier, ham, [False] * len(ham)))
        _line(
            "pth2016 spam/ads only (flag rate)",
            score_texts(classifier, ads, [False] * len(ads)),
            "flagged ads (some are scams)",
        )
        if args.show_errors:
            verdicts = classifier.classify_many(ham)
            shown = [(v.score, t) for v, t in zip(verdicts, ham, strict=True) if v.is_scam]
            for score, text in sorted(shown, reverse=True)[: args.show_errors]:
                print(f"   FP ham {score:.2f} {text[:150]}")
            verdicts = classifier.classify_many(ads)
            shown = [(v.score, t) for v, t in zip(verdicts, ads, strict=True) if v.is_scam]
            for score, text in sorted(shown, reverse=True)[: args.show_errors]:
                print(f"   flagged ad {score:.2f} {text[:150]}")
    else:
        print(f"skipped: {pth} not found")
    social = DATASETS / SOCIAL
    if social.is_file():
        rows_s = [r for r in read_social(social) if keep(r.text)]
        texts_s = [r.text for r in rows_s]
        report = score_texts(classifier, texts_s, [r.raw_label == "1" for r in rows_s])
        _line("social comments (positive=spam)", report, "spam ≈ half scams, half ads")
        if args.show_errors:
            verdicts = classifier.classify_many(texts_s)
            for v, r in zip(verdicts, rows_s, strict=True):
                if v.is_scam != (r.raw_label == "1"):
                    print(
                        f"   {'FP' if v.is_scam else 'FN'} {v.score:.2f} {v.category} "
                        f"{r.text[:140]!r}"
                    )
    else:
        print(f"skipped: {social} not found")
    vispam = DATASETS / VISPAM
    if vispam.is_file():
        texts_v = [r.text for r in read_vispam(vispam, "dataset/test.csv")]
        _line(
            "ViSpamReviews test (all negative)",
            score_texts(classifier, texts_v, [False] * len(texts_v)),
            "flagged = FP",
        )
    else:
        print(f"skipped: {vispam} not found")
    training = classifier.model.metadata.get("training", {})
    if training:
        print(
            f"seed corpus 5-fold CV (from training): P={training.get('cv_precision')} "
            f"R={training.get('cv_recall')} F1={training.get('cv_f1')}"
        )
    print(f"elapsed {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
