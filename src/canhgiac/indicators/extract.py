"""Find every indicator in free Vietnamese text, with its position.

One pass of precompiled regular expressions proposes candidates (links, defanged or not;
bare domains under common TLDs; e-mails; IPs; crypto addresses; VietQR payloads; social
handles; runs of digits), each candidate is normalised, and overlaps are settled by
priority (a URL beats the phone number inside it, an account number next to "STK" or a bank
name beats a phone reading of the same digits). ``raw`` is always ``text[start:end]`` and
normalises to the same indicator.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, TypeVar

from canhgiac.errors import ValidationFailed
from canhgiac.indicators import extract_patterns as P
from canhgiac.indicators.brands import BANK_SECTORS, Brand, fold, load_brand_registry
from canhgiac.indicators.normalize import normalize
from canhgiac.indicators.normalized import NormalizedIndicator
from canhgiac.indicators.normalizers.bank_accounts import (
    MAX_DIGITS,
    MIN_DIGITS,
    normalize_bank_account,
)
from canhgiac.indicators.normalizers.crypto import parse_crypto
from canhgiac.indicators.normalizers.emails import parse_email
from canhgiac.indicators.normalizers.ewallets import parse_ewallet, wallet_names
from canhgiac.indicators.normalizers.phones import parse_phone, phone_indicator
from canhgiac.indicators.normalizers.social import social_from_handle
from canhgiac.indicators.normalizers.vietqr import QrError, parse_vietqr
from canhgiac.indicators.textfold import fold_in_place

MAX_TEXT_LENGTH = 200_000
_CONTEXT_CHARS = 64

# Priorities: the higher wins where two candidates overlap.
_VIETQR, _URL, _EMAIL, _SOCIAL, _EWALLET, _ZALO, _BANK = 100, 90, 85, 80, 75, 72, 70
_CRYPTO, _IP, _HOST, _PHONE = 60, 55, 50, 30

_MARKERS = frozenset(
    {"stk", "so tk", "so tai khoan", "tai khoan", "tk", "tknh", "account", "account number",
     "account no", "acc", "acct", "so tai khoan ngan hang", "tai khoan ngan hang"}
)  # fmt: skip
_BANK_PREFIXES = frozenset({"ngan hang", "nh", "tai ngan hang", "tai"})
_CONNECTORS = frozenset({"la", "so", "sdt"})
_MAX_WORDS = 6


@dataclass(frozen=True)
class ExtractedIndicator:
    indicator: NormalizedIndicator
    start: int
    end: int
    raw: str  # text[start:end]


class _Candidate(NamedTuple):
    start: int
    end: int
    priority: int
    indicator: NormalizedIndicator


class _Names(NamedTuple):
    banks: dict[str, tuple[Brand, bool]]  # folded phrase -> (bank, generic alias)
    wallets: dict[str, Brand]
    max_words: int
    # Every tail of every phrase, spaces removed: a word that is none of them cannot end a
    # bank name, wallet name or marker, so most digit runs skip the phrase look-ups.
    endings: frozenset[str]
    beginnings: frozenset[str]  # likewise every head of a bank name, for the right side


def _words(text: str) -> str:
    return " ".join(P.WORD.findall(fold(text)))


@lru_cache(maxsize=1)
def _names() -> _Names:
    registry = load_brand_registry()
    banks: dict[str, tuple[Brand, bool]] = {}
    for brand in registry.brands:
        if brand.sector not in BANK_SECTORS:
            continue
        for label in (brand.key, brand.short_name, *brand.aliases):
            phrase = _words(label)
            if phrase and not phrase.isdigit():
                generic = phrase in registry.name_only_aliases
                banks.setdefault(phrase, (brand, generic))
    wallets = dict(wallet_names())
    longest = max((p.count(" ") + 1 for p in (*banks, *wallets)), default=1)
    endings = {
        joined[i:]
        for phrase in (*banks, *wallets, *_MARKERS, "zalo")
        for joined in (phrase.replace(" ", ""),)
        for i in range(len(joined))
    }
    beginnings = {
        joined[: i + 1] for phrase in banks for joined in (phrase.replace(" ", ""),)
        for i in range(len(joined))
    }  # fmt: skip
    return _Names(
        banks, wallets, min(longest, _MAX_WORDS), frozenset(endings), frozenset(beginnings)
    )


# --- context around a run of digits ------------------------------------------------------


class _Token(NamedTuple):
    word: str
    start: int
    end: int


def _tokens(folded: str, start: int, end: int) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in P.WORD.finditer(folded, start, end)]


_T = TypeVar("_T")


def _spaced_only(folded: str, chunk: list[_Token]) -> bool:
    """The words of one phrase are separated by whitespace only."""
    return not any(folded[a.end : b.start].strip() for a, b in itertools.pairwise(chunk))


def _match_back(folded: str, tokens: list[_Token], last: int, table: Container[str]) -> int | None:
    """Index of the first token of the longest phrase in ``table`` ending at ``last``."""
    for n in range(min(_names().max_words, last + 1), 0, -1):
        chunk = tokens[last - n + 1 : last + 1]
        if not _spaced_only(folded, chunk):
            continue
        phrase = " ".join(t.word for t in chunk)
        if phrase in table or (n > 1 and "".join(t.word for t in chunk) in table):
            return last - n + 1
    return None


def _lookup(table: Mapping[str, _T], tokens: list[_Token], first: int, last: int) -> _T | None:
    chunk = tokens[first : last + 1]
    phrase = " ".join(t.word for t in chunk)
    return table.get(phrase) or table.get("".join(t.word for t in chunk))


def _gap_is_filler(folded: str, start: int, end: int) -> bool:
    return P.FILLER.fullmatch(folded, start, end) is not None


class _Left(NamedTuple):
    kind: str  # "bank", "marker", "wallet", "zalo"
    start: int
    generic: bool = False
    has_marker: bool = False


def _left_context(folded: str, pos: int) -> _Left | None:
    names = _names()
    window = max(0, pos - _CONTEXT_CHARS)
    tokens = _tokens(folded, window, pos)
    last = len(tokens) - 1
    if last < 0 or not _gap_is_filler(folded, tokens[last].end, pos):
        return None
    connector = tokens[last].word in _CONNECTORS and last > 0
    if connector and _gap_is_filler(folded, tokens[last - 1].end, tokens[last].start):
        last -= 1
    if tokens[last].word not in names.endings:
        return None
    if tokens[last].word == "zalo":
        return _Left("zalo", tokens[last].start)
    first = _match_back(folded, tokens, last, names.wallets)
    if first is not None:
        if first > 0 and tokens[first - 1].word == "vi":
            first -= 1
        return _Left("wallet", tokens[first].start)
    first = _match_back(folded, tokens, last, _MARKERS)
    if first is not None:
        # "Vietcombank - STK: …": a bank right before the marker.
        before = first - 1
        if before >= 0 and _gap_is_filler(folded, tokens[before].end, tokens[first].start):
            bank_first = _match_back(folded, tokens, before, names.banks)
            if bank_first is not None:
                return _Left("bank", tokens[bank_first].start, has_marker=True)
        return _Left("marker", tokens[first].start, has_marker=True)
    first = _match_back(folded, tokens, last, names.banks)
    if first is None:
        return None
    found = _lookup(names.banks, tokens, first, last)
    generic = found is not None and found[1]
    start = tokens[first].start
    # "STK ngân hàng VCB …", "số tài khoản Vietcombank …": a marker before the bank.
    before = first - 1
    for prefix_words in (2, 1):  # "ngan hang", "nh"
        if before - prefix_words + 1 >= 0:
            phrase = " ".join(t.word for t in tokens[before - prefix_words + 1 : before + 1])
            if phrase in _BANK_PREFIXES:
                before -= prefix_words
                generic = generic and phrase == "tai"  # "ngân hàng Á Châu" names the bank
                start = tokens[before + 1].start
                break
    has_marker = False
    if before >= 0 and _gap_is_filler(folded, tokens[before].end, tokens[before + 1].start):
        marker_first = _match_back(folded, tokens, before, _MARKERS)
        if marker_first is not None:
            start, has_marker = tokens[marker_first].start, True
    return _Left("bank", start, generic=generic, has_marker=has_marker)


def _right_bank(folded: str, pos: int, *, allow_generic: bool) -> int | None:
    """End of a bank name right after the digits ("0123456789 - Vietcombank")."""
    names = _names()
    tokens = _tokens(folded, pos, min(len(folded), pos + _CONTEXT_CHARS))
    if not tokens or not _gap_is_filler(folded, pos, tokens[0].start):
        return None
    first = 0
    for prefix_words in (3, 2, 1):  # "tai ngan hang", "ngan hang", "nh"/"tai"
        phrase = " ".join(t.word for t in tokens[:prefix_words])
        if len(tokens) > prefix_words and phrase in _BANK_PREFIXES:
            first = prefix_words
            allow_generic = allow_generic or phrase != "tai"
            break
    if first >= len(tokens) or tokens[first].word not in names.beginnings:
        return None
    for n in range(min(names.max_words, len(tokens) - first), 0, -1):
        chunk = tokens[first : first + n]
        if not _spaced_only(folded, chunk):
            continue
        found = _lookup(names.banks, tokens, first, first + n - 1)
        if found is not None and (allow_generic or not found[1]):
            end = chunk[-1].end
            # Close "(Vietcombank)" when the bracket opened after the digits.
            if folded[end : end + 1] == ")" and "(" in folded[pos : tokens[0].start]:
                end += 1
            return end
    return None


# --- candidates ---------------------------------------------------------------------------


def _number_candidates(text: str, folded: str, out: list[_Candidate]) -> None:
    for run in P.NUMBER_RUN.finditer(text):
        groups = list(P.DIGITS.finditer(text, run.start(), run.end()))
        plus = text[run.start()] in "+("
        # A long group after another starts a new number ("0912345678 0987654321").
        sub: list[re.Match[str]] = []
        for k, group in enumerate(groups):
            if sub and len(group.group()) >= 7 and not (k == 1 and plus):
                _digit_run(text, folded, sub, run.start() if sub[0] is groups[0] else None, out)
                sub = []
            sub.append(group)
        if sub:
            _digit_run(text, folded, sub, run.start() if sub[0] is groups[0] else None, out)


def _digit_run(
    text: str,
    folded: str,
    groups: list[re.Match[str]],
    prefix_start: int | None,
    out: list[_Candidate],
) -> None:
    start = prefix_start if prefix_start is not None else groups[0].start()
    end = groups[-1].end()
    n_digits = sum(len(g.group()) for g in groups)
    if n_digits < MIN_DIGITS:
        return
    left = _left_context(folded, start)
    if left is not None and left.kind in ("wallet", "zalo"):
        raw = text[left.start : end]
        found = parse_ewallet(raw) if left.kind == "wallet" else social_from_handle(raw)
        if found is not None:
            out.append(_Candidate(left.start, end, _EWALLET if left.kind == "wallet" else _ZALO,
                                  found))  # fmt: skip
            return
    if text[start] not in "+(":  # "+84…" is a phone number, never an account
        bank_start: int | None = None
        bank_end = end
        named = left is not None and left.kind == "bank" and (not left.generic or left.has_marker)
        if left is not None and (left.kind == "marker" or named):
            bank_start = left.start
        right = _right_bank(folded, end, allow_generic=left is not None and left.has_marker)
        if right is not None and not named:  # "STK 0123… Vietcombank", "0123… - VCB"
            bank_start = start if bank_start is None else bank_start
            bank_end = right
        if bank_start is not None and MIN_DIGITS <= n_digits <= MAX_DIGITS:
            try:
                found = normalize_bank_account(text[bank_start:bank_end], explicit=False)
            except ValidationFailed:
                found = None
            if found is not None:
                out.append(_Candidate(bank_start, bank_end, _BANK, found))
                return
    _phones(text, groups, start, out)


def _phones(text: str, groups: list[re.Match[str]], start: int, out: list[_Candidate]) -> None:
    i = 0
    while i < len(groups):
        best: tuple[int, NormalizedIndicator] | None = None
        begin = start if i == 0 else groups[i].start()
        digits = ""
        for j in range(i, min(len(groups), i + 6)):
            digits += groups[j].group()
            if len(digits) > 13:
                break
            if len(digits) < 8:
                continue
            plus = text[begin] in "+("
            if not plus and not (
                digits.startswith("0")
                or (digits.startswith("84") and len(digits) >= 11)
                or digits.startswith(("1800", "1900"))
            ):
                continue  # amounts and counts, not phone numbers
            phone = parse_phone(text[begin : groups[j].end()])
            if phone is not None:
                best = (j + 1, phone_indicator(phone))
        if best is None:
            i += 1
            continue
        out.append(_Candidate(begin, groups[best[0] - 1].end(), _PHONE, best[1]))
        i = best[0]


_CLOSERS = {")": "(", "]": "["}


def _trim(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation and unbalanced closing brackets from a link."""
    while end > start:
        last = text[end - 1]
        unbalanced = last in _CLOSERS and text.count(_CLOSERS[last], start, end) < text.count(
            last, start, end
        )
        if last not in P.TRAILING_PUNCTUATION and not unbalanced:
            break
        end -= 1
    return end


def _try(raw: str, start: int, end: int, priority: int, out: list[_Candidate]) -> None:
    with contextlib.suppress(ValidationFailed):
        out.append(_Candidate(start, end, priority, normalize(raw)))


_SPACED_AFTER_ONLY = re.compile(r"(?<![ \t])\.[ \t]")


_SPACED_DOT = re.compile(r"[ \t]\.|\.[ \t]")
_LABEL_SPLIT = re.compile(r"\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\.", re.I)


def _plausible_idn(host: str) -> bool:
    """A bare non-ASCII host in free text is a link only if it is written tight and each
    non-ASCII label is longer than a Vietnamese syllable or has a digit or hyphen, as
    homographs of brands do ("việtcombank.com"); words run together are not."""
    if _SPACED_DOT.search(host):
        return False
    return all(
        label.isascii() or len(label) >= 8 or any(c.isdigit() or c == "-" for c in label)
        for label in _LABEL_SPLIT.split(host)
    )


def _host_candidates(text: str, out: list[_Candidate]) -> None:
    for m in P.BARE_HOST.finditer(text):
        tld = m.group("tld").lower()
        host, path = m.group("host"), m.group("path")
        if tld in P.AMBIGUOUS_TLDS and not path and not host.lower().startswith("www"):
            continue
        if m.group("tld").istitle() and not path:
            continue  # "ơi.Com nha": a sentence run into the next, not a link
        if _SPACED_AFTER_ONLY.search(host) and not path:
            continue  # "xong. Com nhé": the end of a sentence, not a link
        if not host.isascii() and not _plausible_idn(host):
            continue  # "quá rẻ.shop", "ngốc . top": Vietnamese words, not a homograph
        end = _trim(text, m.start(), m.end()) if path else m.end()
        _try(text[m.start() : end], m.start(), end, _HOST, out)


def extract_indicators(text: str) -> list[ExtractedIndicator]:
    """Every indicator in ``text``, in order of position, without overlaps."""
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationFailed(
            f"Văn bản quá dài (tối đa {MAX_TEXT_LENGTH} ký tự) / "
            f"Text too long (at most {MAX_TEXT_LENGTH} characters)",
            field="text",
        )
    folded = fold_in_place(text)
    out: list[_Candidate] = []
    if "000201" in text:
        for m in P.VIETQR.finditer(text):
            with contextlib.suppress(QrError):
                out.append(_Candidate(m.start(), m.end(), _VIETQR, parse_vietqr(m.group())))
    for m in P.SCHEME_URL.finditer(text):
        end = _trim(text, m.start(), m.end())
        _try(text[m.start() : end], m.start(), end, _URL, out)
    if "@" in text or "at]" in folded or "at)" in folded:
        for m in P.EMAIL.finditer(text):
            found = parse_email(m.group())
            if found is not None:
                out.append(_Candidate(m.start(), m.end(), _EMAIL, found))
    if "@" in text or ":" in text:
        for m in P.SOCIAL_HANDLE.finditer(folded):
            end = m.start() + len(text[m.start() : m.end()].rstrip(".-_"))
            found = social_from_handle(text[m.start() : end])
            if found is not None:
                out.append(_Candidate(m.start(), end, _SOCIAL, found))
    for m in P.CRYPTO.finditer(text):
        found = parse_crypto(m.group())
        if found is not None:
            out.append(_Candidate(m.start(), m.end(), _CRYPTO, found))
    if "." in text or "dot" in folded:
        _host_candidates(text, out)
        for m in P.IPV4.finditer(text):
            _try(m.group(), m.start(), m.end(), _IP, out)
    if "::" in text or text.count(":") >= 7:
        for m in P.IPV6.finditer(text):
            groups = [g for g in m.group().split("/")[0].split(":") if g]
            if len(groups) >= 2:  # not "::" or "a::" in ordinary punctuation
                _try(m.group(), m.start(), m.end(), _IP, out)
    _number_candidates(text, folded, out)
    return _resolve(text, out)


def _resolve(text: str, candidates: list[_Candidate]) -> list[ExtractedIndicator]:
    taken: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.priority, c.start, c.start - c.end)):
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return [ExtractedIndicator(c.indicator, c.start, c.end, text[c.start : c.end]) for c in taken]
