"""What the name model reads and what explains a score: the dense feature columns, and the
batch of extracted features (``features.FeatureExtractor`` builds it; the model, the rules and
the scorer read it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from canhgiac.detectors.domains.brand_match import BrandHit
from canhgiac.detectors.domains.hashed import (
    HashedInputs,
    key_hashes,
    label_ngram_hashes,
    ngram_hashes,
)
from canhgiac.detectors.domains.hostnames import HostParts
from canhgiac.detectors.domains.lures import GROUP_KEYS, WORD_GROUPS

# Bump when the meaning or order of any feature changes: saved models record it.
FEATURE_VERSION = 10

DENSE_NAMES: tuple[str, ...] = (
    "host_length_log",
    "label_count",
    "name_length_log",
    "name_digits",
    "name_digit_ratio",
    "name_hyphens",
    "subdomain_hyphens",
    "subdomain_labels",
    "suffix_suspicious",
    "suffix_vn",
    "suffix_gov_edu",
    "suffix_generic",
    "shared_hosting",
    "idn",
    "vietnamese_diacritics",
    "confusable_letters",
    "other_script",
    "idn_latin_lookalike",
    *(f"lure_{key}" for key in GROUP_KEYS),
    "lure_groups",
    "brand_in_name",
    "brand_exact_label",
    "brand_in_subdomain",
    "brand_typo",
    "brand_digit_swap",
    "brand_with_lure",
    "fake_suffix_label",
    "official_domain_embedded",
    "gambling_numbers",
    "consonant_run",
    "vowel_ratio",
    "digit_letter_switches",
    "name_all_digits",
    "vn_lure_without_brand",
    "brand_short_code",
    "lucky_digits",
    "shared_hosting_lure",
    "brand_exact_odd_suffix",
    "brand_near_official",
    "brand_local",
    "brand_local_exact_elsewhere",
    "lure_vietnamese",
    "lure_vietnamese_elsewhere",
)
DENSE_INDEX = {name: i for i, name in enumerate(DENSE_NAMES)}


@dataclass
class NameSignals:
    """What was found in one name; the scorer turns these into reasons and a category."""

    lures: dict[str, list[str]] = field(default_factory=dict)
    brand: BrandHit | None = None
    official_embedded: str | None = None
    fake_suffix: bool = False
    shared_hosting: str = ""
    idn_lookalike: bool = False
    gambling_numbers: bool = False
    suspicious_suffix: str = ""


@dataclass
class FeatureBatch:
    hosts: list[str]  # cleaned host ("" when invalid)
    errors: list[str | None]
    parts: list[HostParts | None]
    folded: list[str]  # folded ASCII host, used for n-grams
    stems: list[str]  # folded host without its public suffix
    official: list[bool]
    dense: npt.NDArray[np.float32]
    lure_words: list[Sequence[str]]  # lure words found, per name
    brands: list[BrandHit | None]
    official_embedded: list[str | None]
    idn_lookalike: list[bool]
    # Marks on a word that does not spell Vietnamese ("shọpmobaviet"), all letters Latin.
    foreign_marks: list[bool]
    # Name index -> government service it claims to be outside .gov.vn (government.py);
    # the brand key, or None for the state in general.
    government: dict[int, str | None]
    # Name index -> Vietnamese lure words in its registrable label, for names outside .vn
    # and the state and school suffixes (features.py).
    vietnamese_elsewhere: dict[int, tuple[str, ...]]
    # Names outside .vn where a Vietnamese bank's own name stands in the registrable label
    # (features.py). On .vn, registered under a checked identity, such names are also the
    # banks' subsidiaries' (vpbanks.com.vn, VPBank Securities).
    bank_name: set[int]
    # Names outside .vn where a Vietnamese e-wallet's, online shop's or Garena's name stands
    # in the registrable label (features.py).
    brand_name: set[int]
    # Names whose registrable label is only a number and "vn" (features.py).
    vietnam_numbers: set[int]
    # Names one letter off a brand's name (two off a long one) on the brand's own suffix, .com
    # aside ("gareena.vn" for garena.vn; features.py).
    typo_squats: set[int]
    # Per valid name (rows of ``ok``): registrable label and the whole-name key inputs.
    ok: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    keys: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros((0, 4), np.int64))

    def hashed(self, rows: list[int] | None = None) -> HashedInputs:
        """Hashed sparse inputs of valid names (all of them, or positions ``rows`` of ``ok``)."""
        if rows is None:
            ok = self.ok
            hosts = self.folded if len(ok) == len(self.folded) else [self.folded[i] for i in ok]
            labels = self.labels
            keys = self.keys
        else:
            hosts = [self.folded[self.ok[j]] for j in rows]
            labels = [self.labels[j] for j in rows]
            keys = self.keys[rows]
        return HashedInputs(
            ngram_hashes(hosts),
            label_ngram_hashes(labels),
            key_hashes(keys[:, 0], keys[:, 1], keys[:, 2], keys[:, 3]),
        )

    def signals(self, i: int) -> NameSignals:
        """The evidence found in name ``i`` (built on demand: most names need none)."""
        parts = self.parts[i]
        if parts is None:
            return NameSignals()
        lures: dict[str, list[str]] = {}
        for word in self.lure_words[i]:
            for key in WORD_GROUPS[word]:
                lures.setdefault(key, []).append(word)
        row = self.dense[i]
        return NameSignals(
            lures=lures,
            brand=self.brands[i],
            official_embedded=self.official_embedded[i],
            fake_suffix=bool(row[DENSE_INDEX["fake_suffix_label"]]),
            shared_hosting=parts.private_suffix,
            idn_lookalike=self.idn_lookalike[i],
            gambling_numbers=bool(row[DENSE_INDEX["gambling_numbers"]]),
            suspicious_suffix=parts.suffix if row[DENSE_INDEX["suffix_suspicious"]] else "",
        )
