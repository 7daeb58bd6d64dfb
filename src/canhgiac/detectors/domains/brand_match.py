"""Find the brand a host name imitates, using the brand registry.

Tokens come from each brand's key, short name, aliases and the first label of each official
domain, folded to ASCII. A host imitates a brand when (on its folded form, public suffix
removed) a token appears in the sub-domain or registrable label, a label is one edit away
from a token (``vietconbank``) or two from a token of ten letters or more with the same first
four (``steamcomminuty``), or it only matches after undoing digit swaps
(``vietc0mbank``). Short tokens such as ``acb`` or ``vib`` only count on a boundary or
before a typical affix (``acb-vn``, ``acbonline``), so ``jacbo.com`` is not ACB.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz.distance import OSA

from canhgiac.detectors.domains.homoglyphs import strip_diacritics, unleet
from canhgiac.detectors.domains.wordtrie import trie_pattern

# Tokens this short need a boundary; longer ones count anywhere in a label.
SHORT_TOKEN = 5
# Tokens this long also match two edits away (one edit for tokens of six letters or more).
FAR_TYPO_LENGTH = 10
# Tokens too generic to stand for one brand on their own.
GENERIC_TOKENS = frozenset(
    {
        "bank", "pay", "viet", "vietnam", "home", "online", "shop", "mail", "news", "post",
        "gov", "com", "net", "org", "info", "app", "mobile", "money", "card", "digital",
        "smart", "my", "vn", "ebank", "ibank", "the", "one", "plus", "star", "sun", "go",
        "fast", "hub", "cloud", "life", "care", "now", "viettravel", "travel", "express",
        "market", "dichvu", "congan", "thue", "baohiem", "tele", "meta", "office", "live",
        "vietnamobile", "mobi", "goo", "finance", "credit", "begroup", "bestinc", "best", "messenger",
    }
)  # fmt: skip
# What scam names glue onto a short brand token ("acbonline", "vibbank", "tpbankvn").
SHORT_AFFIXES = (
    "bank", "banking", "online", "onl", "vn", "viet", "home", "login", "ebank", "ibank",
    "digital", "smart", "cskh", "hotro", "support", "pay", "card", "the", "vay", "app",
    "mobile", "plus", "net", "web", "secure", "verify", "xacminh", "khcn", "khdn", "bidv",
)  # fmt: skip

# Bank codes that stand for their bank wherever a word starts, whatever follows: Vietcombank's
# "VCB" and BIDV's own name begin scam names with a garbled product after them
# ("vcbdiabrnk", "vcbayvbink" for VCB Digibank). Other codes (ACB, SCB, VIB, TPB) start
# ordinary foreign names (scbeasy, viber, tpbid) and need an affix (SHORT_AFFIXES).
CODES_AT_WORD_START = frozenset({"vcb", "bidv"})

# Brand tokens that, with these letters after them, end inside another word: "chinhphu"
# (chính phủ) inside "chinhphuc…" is chinh phục, "to conquer", a favourite of schools and
# courses (chinhphucvumon.com), and inside "chinhphuong…" a person's name, as is "haiquang"
# (Hải Quang) for "haiquan" (hải quan, customs); "vietin" (VietinBank) inside "vietinfo" is
# "viet info".
SYLLABLE_EXTENSIONS = {"chinhphu": ("c", "ong"), "haiquan": ("g",), "vietin": ("fo",)}


def runs_on(token: str, text: str, at: int) -> bool:
    """Does ``token``, ending at ``at`` in ``text``, run on there into another word?"""
    extensions = SYLLABLE_EXTENSIONS.get(token)
    return extensions is not None and text.startswith(extensions, at)


def drops_a_double(token: str, label: str) -> bool:
    """``label`` is ``token`` with one of a doubled letter dropped ("vietel" for viettel):
    how firms register a shorter spelling of their own name, not how typo-squats look."""
    return len(label) == len(token) - 1 and any(
        token[k] == token[k + 1] and token[:k] + token[k + 1 :] == label
        for k in range(len(token) - 1)
    )


def _starts_a_word(label: str, at: int) -> bool:
    """Position ``at`` of ``label`` has no letter before it."""
    return not (at and label[at - 1].isalpha())


# Names of e-wallets and shops that are also ordinary words or word starts ("cellphones",
# "smartpay", "sendo…" for "send o…"): inside another name they say nothing.
ORDINARY_WORD_TOKENS = frozenset(
    {"cellphones", "foody", "topzone", "airpay", "foxpay", "smartpay", "mservice", "napas", "sendo"}
)
# Brand names that end in an ordinary word: after other letters they read as that word
# ("buildingarena", "cgarena": arena, not Garena).
_ENDS_IN_A_WORD = frozenset({"garena"})


def brand_name_stands(token: str, label: str) -> bool:
    """The name ``token`` of a Vietnamese e-wallet, shop or game publisher stands as itself in
    ``label``: where a word starts ("garena-center", "shopee-deal"), or, from six letters,
    anywhere ("dichvushopee", "mallslazada") unless it ends in an ordinary word after other
    letters ("buildingarena"). Shorter names and ordinary words are left to the model."""
    at = label.find(token)
    if at < 0 or len(token) < 5 or token in ORDINARY_WORD_TOKENS:
        return False
    if _starts_a_word(label, at):
        return True
    return len(token) >= 6 and token not in _ENDS_IN_A_WORD


def bank_name_stands(token: str, label: str) -> bool:
    """A Vietnamese bank's name ``token`` stands as itself in ``label``.

    Names ending in "bank" count where they start a word ("hdbanks", "tpbank-hanoi"), or
    anywhere when eight letters or longer, which no other bank's name ends in
    ("bvietcombank", "tindungtechcombank"); a letter before a shorter one makes another bank
    ("otpbank" is not TPBank). A code of four letters or fewer needs "bank" after it
    ("my-acb-bank", "vibbank"): alone, ACB or VIB stand for many things abroad. Other
    spellings ("vietin", "maritime…") are left to the model. Codes in CODES_AT_WORD_START
    stand where a word starts ("vcbdiabrnk").
    """
    at = label.find(token)
    if at < 0:
        return False
    if len(token) <= 4:
        if not _starts_a_word(label, at):
            return False
        after = label[at + len(token) :].lstrip("-")
        return token in CODES_AT_WORD_START or after.startswith(("bank", "nganhang"))
    if len(token) < 6 or not token.endswith("bank"):
        return False
    return _starts_a_word(label, at) or len(token) >= 8


class BrandLike(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def short_name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def domains(self) -> tuple[str, ...]: ...
    @property
    def sector(self) -> str: ...


@dataclass(frozen=True, slots=True)
class BrandHit:
    brand: str  # brand key
    token: str  # the folded token found
    where: str  # "subdomain", "name" (registrable label) or "both"
    how: str  # "exact" (label equals token), "contains", "typo", "digit_swap"


# Multi-word aliases glued together only make a brand-like token with one of these last
# words ("vietin bank" -> "vietinbank"); "zalo oa" -> "zalooa" would match "zalora".
_GLUE_LAST_WORDS = frozenset(
    {"bank", "airlines", "airways", "express", "money", "pay", "post", "finance", "credit"}
)


def _usable_alias(alias: str) -> bool:
    if not alias.isascii() or "." in alias:
        return False
    words = alias.split()
    return len(words) == 1 or words[-1] in _GLUE_LAST_WORDS


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _official_label(domain: str) -> str:
    """First label of an official domain ("vietcombank.com.vn" -> "vietcombank")."""
    return domain.split(".", 1)[0]


class BrandMatcher:
    """Compiled look-up of brand tokens in folded host names."""

    def __init__(self, brands: Iterable[BrandLike], generic_phrases: Iterable[str] = ()) -> None:
        self.sector: dict[str, str] = {}
        self.name: dict[str, str] = {}
        # Brands of the Vietnamese market (see Brand.market); the rest are global.
        self.local: set[str] = set()
        generic = {p.replace(" ", "") for p in generic_phrases}
        token_brand: dict[str, str] = {}
        for brand in brands:
            self.sector[brand.key] = brand.sector
            if getattr(brand, "market", "vn") == "vn":
                self.local.add(brand.key)
            self.name[brand.key] = brand.short_name
            # Vietnamese descriptive aliases ("ngân hàng ngoại thương") are common words;
            # their brand-like ASCII spellings are listed separately in the registry.
            raw = [brand.key, *(a for a in brand.aliases if _usable_alias(a))]
            if brand.short_name.isascii():
                raw.append(brand.short_name)
            raw += [_official_label(d) for d in brand.domains]
            for text in raw:
                token = re.sub(r"[^a-z0-9]", "", strip_diacritics(text))
                if token in generic:
                    continue
                if len(token) < 3 or token in GENERIC_TOKENS or token.isdigit():
                    continue
                # First brand to claim a token keeps it; collisions are rare and deliberate.
                token_brand.setdefault(token, brand.key)
        self.token_brand = token_brand
        long_tokens = [t for t in token_brand if len(t) > SHORT_TOKEN]
        short_tokens = [t for t in token_brand if len(t) <= SHORT_TOKEN]
        parts = []
        if long_tokens:
            parts.append(trie_pattern(long_tokens))
        if short_tokens:
            affix = trie_pattern(SHORT_AFFIXES)
            # The codes of CODES_AT_WORD_START need nothing after them: a look-behind for
            # each (the code itself at a word start, not "pvcb"), tried only when the affix
            # test has failed, keeps the scan to one branch.
            codes = "".join(
                f"|(?<=(?<![a-z]){c})" for c in sorted(CODES_AT_WORD_START & set(short_tokens))
            )
            parts.append(rf"(?<![a-z]){trie_pattern(short_tokens)}(?=[^a-z]|$|{affix}{codes})")
        self.pattern = re.compile("|".join(parts) if parts else "(?!)", re.MULTILINE)
        # Single-deletion index of tokens long enough for typo matching.
        self._typo: dict[str, str] = {}
        typo_tokens = [t for t in long_tokens if len(t) >= 6]
        for token in typo_tokens:
            for variant in _deletions(token):
                self._typo.setdefault(variant, token)
        # Cheap pre-filter: one edit leaves the first or the last three letters intact
        # (or the length is off by one), so most pieces skip the deletion look-ups.
        self._typo_heads = frozenset(t[:3] for t in typo_tokens)
        self._typo_tails = frozenset(t[-3:] for t in typo_tokens)
        # (first letter, length) of every piece that could be one edit from a token.
        self._typo_shapes = frozenset(
            (t[0], n) for t in typo_tokens for n in (len(t) - 1, len(t), len(t) + 1)
        )
        # Long tokens by their first four letters: a piece sharing those may be two edits
        # away ("steamcomminuty", "shinhanfinaco"); shorter tokens would reach real words.
        self._far_typo: dict[str, list[str]] = {}
        for token in long_tokens:
            if len(token) >= FAR_TYPO_LENGTH:
                self._far_typo.setdefault(token[:4], []).append(token)

    def _typo_token(self, piece: str) -> str | None:
        """A token one edit (or one transposition) away from ``piece``, if any."""
        if piece in self.token_brand:
            return None
        candidates = [self._typo.get(piece)]  # piece lost a letter
        for variant in _deletions(piece):
            if len(variant) >= 6 and variant in self.token_brand:  # piece gained a letter
                candidates.append(variant)
            candidates.append(self._typo.get(variant))  # a letter changed (checked below)
        for token in candidates:
            # Typo-squats keep the first letter; without this "cloud" would be "icloud".
            if (
                token is not None
                and token[0] == piece[0]
                and OSA.distance(piece, token, score_cutoff=1) <= 1
                and not (piece.startswith(token) and runs_on(token, piece, len(token)))
            ):
                return token
        return None

    def _far_typo_token(self, piece: str) -> str | None:
        """A long token two edits (insertions, deletions, changes or swaps) from ``piece``
        with the same first four letters, if any."""
        if piece in self.token_brand:
            return None
        for token in self._far_typo.get(piece[:4], ()):
            if (
                abs(len(token) - len(piece)) <= 2
                and OSA.distance(piece, token, score_cutoff=2) <= 2
            ):
                return token
        return None

    def find_batch(self, stems: list[str], sub_lengths: list[int]) -> list[BrandHit | None]:
        """Best brand hit per stem (folded host without its public suffix).

        ``sub_lengths[i]`` is the length of the sub-domain part of ``stems[i]`` including its
        trailing dot (0 when there is no sub-domain): hits before it are in the sub-domain.
        """
        out: list[BrandHit | None] = [None] * len(stems)
        text = "\n".join(stems)
        starts = [0] * len(stems)
        pos = 0
        for i, stem in enumerate(stems):
            starts[i] = pos
            pos += len(stem) + 1
        self._scan(text, starts, stems, sub_lengths, out, "contains")
        # Digit swaps: only names with digits need a second look.
        leet_idx = [i for i, s in enumerate(stems) if out[i] is None and _HAS_DIGIT.search(s)]
        if leet_idx:
            sub_stems = [unleet(stems[i]) for i in leet_idx]
            sub_out: list[BrandHit | None] = [None] * len(leet_idx)
            sub_text = "\n".join(sub_stems)
            sub_starts = [0] * len(leet_idx)
            pos = 0
            for j, stem in enumerate(sub_stems):
                sub_starts[j] = pos
                pos += len(stem) + 1
            self._scan(
                sub_text,
                sub_starts,
                sub_stems,
                [sub_lengths[i] for i in leet_idx],
                sub_out,
                "digit_swap",
            )
            for j, i in enumerate(leet_idx):
                out[i] = sub_out[j]
        # Typos: one regex pass finds letter runs that start or end like a typo-able token.
        shapes, heads, tails = self._typo_shapes, self._typo_heads, self._typo_tails
        far = self._far_typo
        far_length = FAR_TYPO_LENGTH - 2
        for m in _LETTER_RUNS(text):
            piece = m.group()
            near = (piece[0], len(piece)) in shapes and (piece[:3] in heads or piece[-3:] in tails)
            if not near and (len(piece) < far_length or piece[:4] not in far):
                continue
            i = bisect.bisect_right(starts, m.start()) - 1
            if out[i] is not None:
                continue
            token = self._typo_token(piece) if near else None
            if token is None and len(piece) >= far_length:
                token = self._far_typo_token(piece)
            if token is not None:
                where = "subdomain" if m.start() - starts[i] < sub_lengths[i] else "name"
                out[i] = BrandHit(self.token_brand[token], token, where, "typo")
        return out

    def _scan(
        self,
        text: str,
        starts: list[int],
        stems: list[str],
        sub_lengths: list[int],
        out: list[BrandHit | None],
        how: str,
    ) -> None:
        for m in self.pattern.finditer(text):
            token = m.group()
            if token in SYLLABLE_EXTENSIONS and runs_on(token, text, m.end()):
                continue
            i = bisect.bisect_right(starts, m.start()) - 1
            offset = m.start() - starts[i]
            stem = stems[i]
            where = "subdomain" if offset < sub_lengths[i] else "name"
            label_start = stem.rfind(".", 0, offset) + 1
            label_end = stem.find(".", offset)
            label = stem[label_start : label_end if label_end >= 0 else len(stem)]
            kind = "exact" if label == token and how == "contains" else how
            brand = self.token_brand[token]
            previous = out[i]
            if previous is not None:
                if previous.where != where:
                    where = "both"
                # Prefer a Vietnamese brand to a global one ("eib-westernunion": Eximbank is
                # the one whose customers are phished; the bank rules depend on it), then
                # the longer token ("vietcombank" over "vcb" inside it).
                if (previous.brand in self.local, len(previous.token)) >= (
                    brand in self.local,
                    len(token),
                ):
                    out[i] = BrandHit(previous.brand, previous.token, where, previous.how)
                    continue
            out[i] = BrandHit(brand, token, where, kind)

    def find(self, stem: str, sub_length: int) -> BrandHit | None:
        return self.find_batch([stem], [sub_length])[0]


_HAS_DIGIT = re.compile(r"\d")
_LETTER_RUNS = re.compile(r"[a-z]{5,}").finditer


def brands_of(registry: object) -> list[BrandLike]:
    """The registry's brands whether it keeps them as a tuple or a mapping."""
    brands = getattr(registry, "brands", ())
    if isinstance(brands, Mapping):
        return list(brands.values())
    return list(brands)
