"""Held-out evaluation of the name scorer on the shared domain lists.

Splits the ChongLuaDao scam list and the legitimate lists by registrable domain (or by name
family with ``--by family``, so runs of near-identical scam names stay on one side), trains on
one part (plus the project's authored names), and reports on the unseen part: recall and
false-positive rate at the trained threshold, the recall at exactly 0.1 % FPR, the FPR on the
Vietnamese legitimate names alone, the FPR on another legitimate list never used in training
(maltrail's whitelist), and how many official brand domains were flagged (must be 0).

    .venv/bin/python benchmarks/eval_domains.py [--by registrable|family] [--test 0.3]
        [--c C] [--margin M] [--folds K] [--threshold-per-list] [--dump FILE.tsv]
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
DOMAINS = SHARED / "domains"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--by", choices=["registrable", "family"], default="registrable")
    parser.add_argument("--test", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--c", type=float, default=None)
    parser.add_argument("--margin", type=float, default=None, help="share of the target FPR")
    parser.add_argument("--folds", type=int, default=None)
    parser.add_argument("--no-authored", action="store_true")
    parser.add_argument(
        "--threshold-per-list",
        action="store_true",
        help="hold the target FPR on each legitimate list, not only on the pool",
    )
    parser.add_argument(
        "--dump",
        type=Path,
        default=None,
        help="write every held-out name with its label, score and verdict (TSV) here",
    )
    args = parser.parse_args()
    if not DOMAINS.is_dir():
        raise SystemExit(f"shared datasets not found at {DOMAINS}")

    from canhgiac.detectors.domains.evaluate import evaluate
    from canhgiac.detectors.domains.scorer import DomainScorer, build_extractor
    from canhgiac.detectors.domains.train import (
        TrainingConfig,
        read_names,
        split_names,
        train_model,
    )
    from canhgiac.indicators.brands import load_brand_registry

    pos = read_names(DOMAINS / "scam_chongluadao_2022-12-31.txt")
    vn = read_names(DOMAINS / "legit_vn_whitelist_part.txt")
    lists = {
        "vn": vn,
        "tranco": read_names(DOMAINS / "legit_tranco_part.txt"),
        "alexa": read_names(DOMAINS / "legit_alexa2015_part.txt"),
    }
    list_names = list(lists)
    list_of = {n: i for i, names in enumerate(lists.values()) for n in names}
    neg = [n for names in lists.values() for n in names]
    pos_tr, pos_te = split_names(pos, test_fraction=args.test, seed=args.seed, by=args.by)
    neg_tr, neg_te = split_names(neg, test_fraction=args.test, seed=args.seed, by=args.by)
    vn_set = set(vn)

    config = TrainingConfig(use_authored=not args.no_authored)
    if args.c is not None:
        config = replace(config, c=args.c)
    if args.margin is not None:
        config = replace(config, fpr_margin=args.margin)
    if args.folds is not None:
        config = replace(config, folds=args.folds)
    if args.threshold_per_list:
        config = replace(config, threshold_per_list=True)
    extractor, brand_names = build_extractor()
    t0, cpu0 = time.monotonic(), time.process_time()
    model = train_model(
        extractor, pos_tr, neg_tr, config, negative_lists=[list_of[n] for n in neg_tr]
    )
    train_s, train_cpu = time.monotonic() - t0, time.process_time() - cpu0
    scorer = DomainScorer(model, extractor, None, brand_names)

    held = evaluate(scorer, pos_te, neg_te, base_rate=0.01, target_fpr=0.001, examples=15)
    vn_te = [n for n in neg_te if n in vn_set]
    vn_scores = scorer.score_many(vn_te)
    vn_fp = [s.domain for s in vn_scores if s.is_suspicious]

    other = SHARED / "trails" / "maltrail" / "whitelist" / "whitelist.txt"
    other_line = "maltrail whitelist: not available"
    if other.is_file():
        names = [n for n in read_names(other) if "." in n and not n[-1].isdigit()]
        scores = [s for s in scorer.score_many(names) if s.error is None]
        fps = [s.domain for s in scores if s.is_suspicious]
        other_line = (
            f"other legit list (maltrail whitelist, never trained on): {len(scores)} names, "
            f"FPR {len(fps) / max(len(scores), 1):.4%} ({len(fps)}) e.g. {fps[:8]}"
        )
    registry = load_brand_registry()
    official = sorted(registry.all_official_domains())
    official_flagged = [s.domain for s in scorer.score_many(official) if s.is_suspicious]

    print(
        f"split by {args.by}, test fraction {args.test}, seed {args.seed}; "
        f"train {len(pos_tr)} scam / {len(neg_tr)} legit, test {len(pos_te)} / {len(neg_te)}"
    )
    meta = {k: v for k, v in model.meta.items() if k != "sources"}
    print(f"training {train_s:.0f} s wall, {train_cpu:.0f} s CPU; out-of-fold on train: {meta}")
    print(
        f"held-out at trained threshold: recall {held.recall:.4f}, "
        f"FPR {held.false_positive_rate:.4%} ({held.false_positives}), "
        f"precision at base rate 1 %: {held.precision_at_base_rate:.3f}"
    )
    print(f"held-out recall at exactly 0.1 % FPR: {held.recall_at_target_fpr:.4f}")
    print(
        f"held-out Vietnamese legit: {len(vn_te)} names, FPR "
        f"{len(vn_fp) / max(len(vn_te), 1):.4%} ({len(vn_fp)}) {vn_fp[:10]}"
    )
    neg_scores = scorer.score_many(neg_te)
    for i, name in enumerate(list_names):
        flagged = [
            s.domain
            for s, n in zip(neg_scores, neg_te, strict=True)
            if list_of[n] == i and s.is_suspicious
        ]
        total = sum(1 for n in neg_te if list_of[n] == i)
        print(
            f"held-out {name}: {total} names, FPR {len(flagged) / max(total, 1):.4%} "
            f"({len(flagged)}) {flagged[:6]}"
        )
    print(other_line)
    print(
        f"official brand domains flagged: {len(official_flagged)} of {len(official)} "
        f"{official_flagged[:5]}"
    )
    print(f"false positives: {list(held.false_positive_examples)}")
    rng = np.random.default_rng(0)
    missed = [s.domain for s in scorer.score_many(pos_te) if not s.is_suspicious]
    print(f"missed (sample): {list(rng.choice(missed, size=min(15, len(missed)), replace=False))}")
    print(f"os.cpu_count() = {os.cpu_count()}")
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as fh:
            for label, names in (("scam", pos_te), ("legit", neg_te)):
                for s in scorer.score_many(names):
                    fh.write(f"{label}\t{s.domain}\t{s.score:.5f}\t{int(s.is_suspicious)}\n")


if __name__ == "__main__":
    main()
