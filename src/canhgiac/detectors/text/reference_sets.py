"""The shared public development sets (``../shared/datasets/texts``) with honest label maps.

Used to tune weights and to report metrics; never shipped, never copied. Label mapping:

* ``sms_pth2016_spam_ham.tsv`` (SMS, 2015): ``ham`` → ``legit``; ``spam`` → ``spam.ads``.
  Its "spam" is unsolicited advertising, mostly genuine carrier promotions — not fraud. A
  few of its spam messages are fraud-like, but they are not marked, so none count as scams.
* ``social_comments_spam.csv`` (social-media comments): ``0`` → ``legit``; ``1`` → unknown
  (about half scams — fake diplomas, gambling, "investment" — and half ads), so it is
  used for training only through its clean half and reported with spam as the positive class.
* ``vispamreviews.zip`` (product reviews): all ``legit`` (its "spam" means fake reviews), a
  measure of false positives on ordinary Vietnamese text.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from canhgiac.detectors.text.corpus import LabelledText

PTH2016 = "texts/sms_pth2016_spam_ham.tsv"
SOCIAL = "texts/social_comments_spam.csv"
VISPAM = "texts/vispamreviews.zip"


@dataclass(frozen=True)
class ReferenceRow:
    text: str
    raw_label: str
    category: str | None  # mapped category, None when the label does not say


def read_pth2016(path: Path) -> Iterator[ReferenceRow]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            label, _, text = line.rstrip("\n").partition("\t")
            if label in {"ham", "spam"} and text.strip():
                yield ReferenceRow(text, label, "legit" if label == "ham" else "spam.ads")


def read_social(path: Path) -> Iterator[ReferenceRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text, label = row.get("text") or "", (row.get("spam") or "").strip()
            if text.strip() and label in {"0", "1"}:
                yield ReferenceRow(text, label, "legit" if label == "0" else None)


def read_vispam(path: Path, member: str = "dataset/test.csv") -> Iterator[ReferenceRow]:
    with zipfile.ZipFile(path) as archive, archive.open(member) as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        for row in reader:
            text = row.get("Comment") or ""
            if text.strip():
                yield ReferenceRow(text, row.get("Label") or "", "legit")


def training_rows(datasets_dir: Path) -> list[LabelledText]:
    """Rows of the shared sets whose mapped category is known, for weight tuning only."""
    rows: list[LabelledText] = []
    pth = datasets_dir / PTH2016
    if pth.is_file():
        seen: set[str] = set()
        for row in read_pth2016(pth):
            if row.category and row.text not in seen:
                seen.add(row.text)
                rows.append(LabelledText(row.text, row.category, None, "pth2016"))
    social = datasets_dir / SOCIAL
    if social.is_file():
        rows.extend(
            LabelledText(r.text, r.category, None, "social")
            for r in read_social(social)
            if r.category
        )
    vispam = datasets_dir / VISPAM
    if vispam.is_file():
        rows.extend(
            LabelledText(r.text, "legit", None, "vispam")
            for r in read_vispam(vispam, "dataset/dev.csv")
        )
    return rows
