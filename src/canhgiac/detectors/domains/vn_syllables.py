"""Does a marked word spell Vietnamese? Tells ``hoàngmai`` and ``nạpthẻ`` (Vietnamese words
that carry marks by right) from ``shọpmobaviet`` (a dot-below on a Latin word, to slip past
brand and block lists).

A run of letters spells Vietnamese when, with its marks removed, it splits into Vietnamese
syllables: an initial consonant, a vowel cluster and a final consonant, each from the sets
the language allows. ``sh``, ``bl`` or a final ``k`` have no place in one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from canhgiac.detectors.domains.homoglyphs import strip_diacritics

_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:uye|uya|uyu|ieu|yeu|uoi|uou|oai|oay|uay|oeo|ia|iu|ie|ye|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy"
    r"|ai|ao|au|ay|eo|eu|[aeiouy])"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_MAX_RUN = 40  # longer runs are not words


@lru_cache(maxsize=4096)
def _splits_into_syllables(word: str) -> bool:
    """``word`` (ASCII, lower-case) is a sequence of Vietnamese syllables."""
    if len(word) > _MAX_RUN:
        return False
    reachable = [False] * (len(word) + 1)
    reachable[0] = True
    for start in range(len(word)):
        if not reachable[start]:
            continue
        for end in range(start + 1, min(len(word), start + 8) + 1):
            if not reachable[end] and _SYLLABLE.fullmatch(word, start, end):
                reachable[end] = True
    return reachable[-1]


def marks_spell_vietnamese(text: str) -> bool:
    """Every run of letters that carries a mark (a non-ASCII letter) spells Vietnamese."""
    for match in _LETTER_RUNS.finditer(text.lower()):
        run = match.group()
        if run.isascii():
            continue
        if not _splits_into_syllables(strip_diacritics(run)):
            return False
    return True
