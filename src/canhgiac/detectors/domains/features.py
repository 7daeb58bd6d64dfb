"""Turn a batch of host names into model inputs and the signals that explain a score.

Two kinds of input feed the model: hashed sparse inputs (``hashed``: n-grams of the host and
of its registrable label, suffix and label-shape keys; computed for the whole batch at once
with numpy) and a small dense vector of hand-made features (lure words, brand imitation,
hyphen and sub-domain tricks, look-alike letters, suspicious suffixes, gambling number
patterns, randomness). On shared hosting (``x.weebly.com``, ``x.github.io``) the user's label
stands in for the registrable label and the hosting suffix for the public one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import numpy as np

from canhgiac.detectors.domains.brand_match import (
    BrandMatcher,
    bank_name_stands,
    brand_name_stands,
    drops_a_double,
    runs_on,
)
from canhgiac.detectors.domains.feature_batch import DENSE_INDEX, DENSE_NAMES, FeatureBatch
from canhgiac.detectors.domains.government import government_claims
from canhgiac.detectors.domains.homoglyphs import FoldedName, fold_host
from canhgiac.detectors.domains.hostnames import HostParts, clean_host, split_host
from canhgiac.detectors.domains.lures import (
    GROUP_KEYS,
    LURE_PATTERN,
    VIETNAMESE_LURES,
    WORD_GROUPS,
)
from canhgiac.detectors.domains.name_shape import (
    BRAND_HOME_SUFFIXES,
    GENERIC_USE_COUNTRY_CODES,
    label_shape,
    suffix_flags,
)
from canhgiac.detectors.domains.vn_syllables import marks_spell_vietnamese
from canhgiac.detectors.domains.wordtrie import join_rows, matches_by_row
from canhgiac.errors import ValidationFailed

# Labels that pretend to be a public suffix inside the name ("acb.com.vn-login.xyz").
# Patterns below run once over a whole batch joined by newlines (hence MULTILINE).
_FAKE_SUFFIX = re.compile(r"(?:^|[.-])(?:com|vn|net|gov|org)(?:[.-]|$)", re.MULTILINE)
_GAMBLING_NUMBERS = re.compile(
    r"\d{2,}(?:bet|win|vip|club|live|fun|go|ok|hb|tv)|(?:bet|win|vip|club|fun|live)\d{2,}"
    r"|^\d{2,5}(?:[a-z]{1,3})?$|^[a-z]{1,3}\d{2,5}$",
    re.MULTILINE,
)
# A registrable label of only a number and "vn" ("2282vn", "vn5508", "vn-100"): how betting
# sites advertised to Vietnamese players name their endless mirrors: 119 names of the 2022
# scam list, none of the legitimate lists. One digit ("4vn") is too little to tell, and on
# .vn such a name may be a Vietnamese firm's or the VN30 stock index's.
_VIETNAM_NUMBER_LABEL = re.compile(r"^(?:\d{2,}-?vn(?:-?\d+)?|vn-?\d{2,})$", re.MULTILINE)
# Numbers gamblers take as lucky ("88", "789", "168", "68", "86", "79", "39", "99") in the
# registrable label: twice as common in scam number-names as in legitimate ones.
_LUCKY_DIGITS = re.compile(r"789|168|88|6[68]|86|79|39|99")


def _owned_parents(parts: HostParts) -> Iterator[str]:
    """The host and its parent domains that could make it official. Under a shared-hosting
    suffix (``x.blogspot.com``) the site belongs to whoever published it, so the parents
    stop before the suffix: the brand owning ``blogspot.com`` does not own the blogs."""
    host = parts.host
    stop = len(parts.private_suffix) if parts.private_suffix and host != parts.private_suffix else 0
    while len(host) > stop:
        yield host
        pos = host.find(".")
        if pos < 0:
            return
        host = host[pos + 1 :]


class FeatureExtractor:
    def __init__(
        self,
        matcher: BrandMatcher,
        official_domains: frozenset[str],
        owners: dict[str, str] | None = None,
    ) -> None:
        self.matcher = matcher
        self.official_domains = official_domains
        self.owners = owners or {}  # official domain -> brand key
        # Registrable domains of the official hosts: a cheap first test before the full one.
        self._official_registrables = frozenset(
            split_host(d).registrable for d in official_domains if "." in d
        )
        # Brand key -> public suffixes of its official domains ("garena" -> {"vn"}).
        self._brand_suffixes: dict[str, set[str]] = {}
        for domain, brand in self.owners.items():
            if "." in domain:
                self._brand_suffixes.setdefault(brand, set()).add(split_host(domain).suffix)
        # Vietnamese banks: their names in someone else's domain are the fake bank itself
        # (rules.py, "bank_name_in_name").
        self._bank_brands = frozenset(
            key
            for key, sector in matcher.sector.items()
            if sector == "bank" and key in matcher.local
        )
        # Vietnamese e-wallets, online shops and Garena: nobody else builds a site name on
        # theirs either (rules.py, "brand_name_in_name"). Car, housing, airline, telco and
        # insurance brands are left out: dealers, agents and resellers use those names.
        self._name_brands = frozenset(
            key
            for key, sector in matcher.sector.items()
            if key in matcher.local and (sector in ("ewallet", "ecommerce") or key == "garena")
        )
        # Public suffix -> row of its flags in _suffix_table (suffixes repeat across names).
        self._suffix_ids: dict[str, int] = {}
        self._suffix_table: list[tuple[int, int, int, int, int]] = []
        # Official registrable domains written inside another name ("vietcombank.com.vn-x").
        folded = sorted({d for d in official_domains if "." in d}, key=len, reverse=True)
        self._official_re = (
            re.compile("|".join(re.escape(d) for d in folded)) if folded else re.compile("(?!)")
        )

    def is_official(self, parts: HostParts) -> bool:
        host = parts.host
        if host.endswith(".gov.vn"):
            return True
        return any(d in self.official_domains for d in _owned_parents(parts))

    def official_owner(self, parts: HostParts) -> str | None:
        """Brand key owning an official host (None for plain ``*.gov.vn`` hosts)."""
        for domain in _owned_parents(parts):
            owner = self.owners.get(domain)
            if owner is not None:
                return owner
        return None

    def extract(self, names: list[str]) -> FeatureBatch:
        """Features of every name; unusable names get an error and a zero row."""
        n = len(names)
        hosts: list[str] = [""] * n
        errors: list[str | None] = [None] * n
        parts_list: list[HostParts | None] = [None] * n
        folded_hosts: list[str] = [""] * n
        idn_rows: list[tuple[int, FoldedName]] = []
        ok: list[int] = []
        # Per valid name: stem (folded host without its public suffix), its registrable
        # label, the sub-domain length, whether it is official, and simple counts.
        stems: list[str] = []
        labels: list[str] = []
        subs_len: list[int] = []
        # Row -> (user's part of the stem, its sub-domain length) for names on shared hosting.
        brand_scope: dict[int, tuple[str, int]] = {}
        official: list[bool] = []
        # Six numbers per valid name, laid flat: one numpy conversion of a flat list of ints
        # costs a third of converting a list of tuples.
        basic: list[int] = []
        extend = basic.extend
        if len(self._suffix_ids) > 10_000:  # unknown TLDs are unbounded
            self._suffix_ids.clear()
            self._suffix_table.clear()
        suffix_ids = self._suffix_ids
        official_regs = self._official_registrables
        ok_append, stems_append, labels_append = ok.append, stems.append, labels.append
        subs_append, official_append = subs_len.append, official.append
        for i, raw in enumerate(names):
            fast = _CLEAN.match(raw) and not raw.startswith("www.") and not raw[-1].isdigit()
            host = raw if fast else None
            if host is None:
                try:
                    host = clean_host(raw)
                except ValidationFailed as exc:
                    errors[i] = exc.message
                    continue
            p = split_host(host)
            _, p_labels, suffix, registrable, sld, subdomain, private = p  # one unpack
            hosts[i] = host
            parts_list[i] = p
            ok_append(i)
            if "xn--" in host or (not fast and not host.isascii()):  # fast: ASCII already
                folded = fold_host(host)
                idn_rows.append((i, folded))
                fh = folded_hosts[i] = _refold(folded.ascii)
            else:
                fh = folded_hosts[i] = host
            stem = (fh[: len(fh) - len(suffix) - 1] if sld else fh) or fh
            c = stem.rfind(".") + 1
            stems_append(stem)
            subs_append(c)
            if private:
                # On shared hosting the user's part is the name ("x" in x.weebly.com): its
                # last label feeds the label keys and only it is searched for brands (the
                # platform's own name is no hit); the hosting suffix stands in for the
                # public one in the suffix keys.
                above = private.count(".") - suffix.count(".")
                pieces = stem.split(".")
                if len(pieces) > above:
                    labels_append(pieces[-above - 1])
                    user = ".".join(pieces[: len(pieces) - above])
                    brand_scope[len(ok) - 1] = (user, user.rfind(".") + 1)
                else:
                    labels_append(stem[c:])
                suffix_key = private
            else:
                labels_append(stem[c:])
                suffix_key = suffix
            sid = suffix_ids.get(suffix_key)
            if sid is None:
                sid = suffix_ids[suffix_key] = len(self._suffix_table)
                self._suffix_table.append(suffix_flags(suffix, suffix_key))
            official_append(
                (registrable in official_regs or host.endswith(".gov.vn")) and self.is_official(p)
            )
            extend(
                (len(host), len(p_labels), len(subdomain), stem.count("-", 0, c), sid,
                 private != "")
            )  # fmt: skip
        m = len(ok)
        f = np.zeros((m, len(DENSE_NAMES)), dtype=np.float32)
        col = DENSE_INDEX
        if m:
            b = np.fromiter(basic, dtype=np.int64, count=len(basic)).reshape(m, 6)
            sf = np.array(self._suffix_table, dtype=np.int64).reshape(-1, 5)[b[:, 4]]
            f[:, col["host_length_log"]] = np.log1p(b[:, 0].astype(np.float64))
            f[:, col["label_count"]] = np.minimum(b[:, 1], 6)
            f[:, col["subdomain_labels"]] = np.minimum(b[:, 2], 4)
            f[:, col["subdomain_hyphens"]] = np.minimum(b[:, 3], 4)
            f[:, col["suffix_suspicious"]] = sf[:, 0]
            f[:, col["suffix_vn"]] = sf[:, 1]
            f[:, col["suffix_gov_edu"]] = sf[:, 2]
            f[:, col["suffix_generic"]] = sf[:, 3]
            f[:, col["shared_hosting"]] = b[:, 5]
        shapes, digits, lengths = label_shape(labels, f, DENSE_INDEX)
        key_inputs = np.zeros((m, 4), dtype=np.int64)
        if m:
            key_inputs[:, 0] = sf[:, 4]
            key_inputs[:, 1] = shapes
            key_inputs[:, 2] = digits
            key_inputs[:, 3] = lengths
        position = {i: j for j, i in enumerate(ok)} if idn_rows else {}
        idn_lookalike = [False] * n
        foreign_marks = [False] * n
        for i, folded in idn_rows:
            j = position[i]
            f[j, col["idn"]] = 1
            f[j, col["vietnamese_diacritics"]] = min(folded.diacritic_count, 4)
            f[j, col["confusable_letters"]] = min(folded.confusable_count, 4)
            f[j, col["other_script"]] = min(folded.unmapped_count, 4)
            # A few marks on an otherwise plain Latin name ("shọpmobaviet"): look-alike.
            lookalike = (
                folded.unmapped_count == 0
                and 0 < folded.diacritic_count + folded.confusable_count <= 2
            ) or folded.confusable_count > 0
            f[j, col["idn_latin_lookalike"]] = lookalike
            idn_lookalike[i] = lookalike
            foreign_marks[i] = (
                folded.unmapped_count == 0
                and folded.diacritic_count + folded.confusable_count > 0
                and not marks_spell_vietnamese(folded.unicode)
            )
        # Most names have no lure word: they share one empty tuple, only matches are visited.
        lure_found: list[Sequence[str]] = [()] * m
        matched: dict[int, list[str]] = {}
        joined_stems = join_rows(stems)  # scanned for lure words and fake suffix labels
        for j, match in matches_by_row(LURE_PATTERN, joined_stems):
            matched.setdefault(j, []).append(match.group())
        first_lure = col[f"lure_{GROUP_KEYS[0]}"]
        lure_any = np.zeros(m, dtype=bool)
        vietnamese_rows: dict[int, frozenset[str]] = {}  # row -> Vietnamese lure words in it
        for j, words in matched.items():
            lure_found[j] = words
            if words:
                keys: dict[str, int] = {}
                for word in words:
                    for key in WORD_GROUPS[word]:
                        keys[key] = keys.get(key, 0) + 1
                for key, count in keys.items():
                    f[j, first_lure + _GROUP_POS[key]] = min(count, 3)
                f[j, col["lure_groups"]] = len(keys)
                lure_any[j] = True
                # Vietnamese lure words apart from the English ones sharing their groups
                # ("vay" next to "loan", "online"): legitimate global names hold the English
                # words everywhere, the Vietnamese ones almost never.
                vietnamese = VIETNAMESE_LURES.intersection(words)
                f[j, col["lure_vietnamese"]] = min(len(vietnamese), 3)
                if vietnamese:
                    vietnamese_rows[j] = vietnamese
        match_stems, match_subs = stems, subs_len
        if brand_scope:
            match_stems, match_subs = list(stems), list(subs_len)
            for j, (user, sub_len) in brand_scope.items():
                match_stems[j], match_subs[j] = user, sub_len
        hits = self.matcher.find_batch(match_stems, match_subs)
        # Names outside .vn and the state and school suffixes, official hosts aside: where
        # Vietnamese sites do not live, so Vietnamese lure words, a bank's name or a
        # "<number>vn" label there say more (the rules' "…elsewhere" cases).
        vn = f[:, col["suffix_vn"]] > 0
        official_rows = np.fromiter(official, dtype=bool, count=m)
        elsewhere = ~(vn | (f[:, col["suffix_gov_edu"]] > 0) | official_rows)
        bank_names: set[int] = set()
        brand_names: set[int] = set()
        typo_squats: set[int] = set()
        for j, hit in enumerate(hits):
            if hit is None:
                continue
            if official[j]:
                hits[j] = None
                continue
            row = f[j]
            row[col["brand_in_name"]] = hit.where != "subdomain"
            row[col["brand_exact_label"]] = hit.how == "exact"
            row[col["brand_in_subdomain"]] = hit.where != "name"
            row[col["brand_typo"]] = hit.how == "typo"
            row[col["brand_digit_swap"]] = hit.how == "digit_swap"
            row[col["brand_with_lure"]] = lure_any[j]
            row[col["brand_short_code"]] = len(hit.token) <= 4
            # Legitimate lists hold global brands' names everywhere (googleadservices,
            # amazon.ae) but a Vietnamese brand's name almost only on its own sites.
            local = hit.brand in self.matcher.local
            row[col["brand_local"]] = local
            # The bare brand on a generic new suffix ("shopee.pics", "garena.quest"); global
            # brands' own sites abroad sit on country codes ("garena.tw", "dhl.co.uk").
            hp = parts_list[ok[j]]
            if hit.how == "exact" and hit.where == "name" and not subs_len[j] and hp:
                suffix = hp.suffix
                last = suffix[suffix.rfind(".") + 1 :]
                row[col["brand_exact_odd_suffix"]] = bool(row[col["suffix_suspicious"]]) or (
                    len(last) > 2 and last not in _PLAIN_GENERIC
                )
                # A Vietnamese brand's bare name on a suffix it does not use ("agribank.info",
                # "hdsaison.me"); .com and .vn are often its own defensive registrations, and
                # other country codes its sister companies' (garena.ph).
                row[col["brand_local_exact_elsewhere"]] = (
                    local
                    and len(hit.token) >= 5
                    and suffix not in BRAND_HOME_SUFFIXES
                    and suffix not in self._brand_suffixes.get(hit.brand, ())
                    and (len(last) > 2 or last in GENERIC_USE_COUNTRY_CODES)
                )
            # A typo of the brand's own name on the brand's own suffix ("gareena.vn" for
            # garena.vn, "garenaa.vn"): the classic typo-squat. Not on .com, where global
            # brands hold their own typo names (googl.com) and the legitimate lists are full
            # of near-brand words (cgarena.com).
            if (
                hit.where == "name"
                and not subs_len[j]
                and hit.how != "exact"
                and hp
                and hp.suffix != "com"
                and hp.suffix in self._brand_suffixes.get(hit.brand, ())
            ):
                extra = len(labels[j]) - len(hit.token)
                row[col["brand_near_official"]] = hit.how != "contains" or 0 < extra <= 2
                # Digits for letters only in a name long enough to be the brand's
                # ("3vn" is no EVN): a letter-for-digit swap of "evn" is any number.
                if (
                    hit.how == "typo" or (hit.how == "digit_swap" and len(hit.token) >= 5)
                ) and not drops_a_double(hit.token, labels[j]):
                    typo_squats.add(ok[j])
            if hit.how == "contains" and hit.where != "subdomain" and elsewhere[j]:
                if hit.brand in self._bank_brands and bank_name_stands(hit.token, labels[j]):
                    bank_names.add(ok[j])
                elif hit.brand in self._name_brands and brand_name_stands(hit.token, labels[j]):
                    brand_names.add(ok[j])
        for j, _match in matches_by_row(_FAKE_SUFFIX, joined_stems):
            f[j, col["fake_suffix_label"]] = 1
        government = {
            ok[j]: service
            for j, service in government_claims(joined_stems, elsewhere).items()
            if not official[j]
        }
        embedded: list[str | None] = [None] * n
        with_sub = np.flatnonzero(np.fromiter(subs_len, dtype=np.int64, count=m)).tolist()
        for j in with_sub:
            if not official[j]:
                i = ok[j]
                found = self._official_re.search(folded_hosts[i], 0, len(stems[j]))
                if found is not None:
                    f[j, col["official_domain_embedded"]] = 1
                    embedded[i] = found.group()
        for j, _match in matches_by_row(_GAMBLING_NUMBERS, labels):
            f[j, col["gambling_numbers"]] = 1
        for j, _match in matches_by_row(_LUCKY_DIGITS, labels):
            f[j, col["lucky_digits"]] = 1
        vietnam_numbers = {
            ok[j] for j, _match in matches_by_row(_VIETNAM_NUMBER_LABEL, labels) if elsewhere[j]
        }
        f[:, col["shared_hosting_lure"]] = lure_any & (f[:, col["shared_hosting"]] > 0)
        no_brand = np.array([h is None for h in hits], dtype=bool)
        f[:, col["vn_lure_without_brand"]] = lure_any & no_brand & vn
        # Vietnamese lure words in the registrable label of a name outside .vn and the state
        # and school suffixes: Vietnamese sites that use such words sit on .vn, scams on
        # anything cheap. Only the label counts: "sukien.example.net" is a page of a site.
        vietnamese_elsewhere: dict[int, tuple[str, ...]] = {}
        for j, vi_words in vietnamese_rows.items():
            if not elsewhere[j]:
                continue
            label = labels[j]
            in_label = tuple(sorted(w for w in vi_words if _stands_in(w, label)))
            if in_label:
                vietnamese_elsewhere[ok[j]] = in_label
                f[j, col["lure_vietnamese_elsewhere"]] = min(len(in_label), 3)
        if m == n:
            dense = f
        else:
            dense = np.zeros((n, len(DENSE_NAMES)), dtype=np.float32)
            dense[ok] = f
        if m == n:  # every name valid: rows already line up
            lure_words, brands, official_all, stems_all = lure_found, hits, official, stems
        else:
            lure_words = [()] * n
            brands = [None] * n
            official_all = [False] * n
            stems_all = [""] * n
            for j, i in enumerate(ok):
                stems_all[i] = stems[j]
                lure_words[i] = lure_found[j]
                brands[i] = hits[j]
                official_all[i] = official[j]
        return FeatureBatch(
            hosts,
            errors,
            parts_list,
            folded_hosts,
            stems_all,
            official_all,
            dense,
            lure_words,
            brands,
            embedded,
            idn_lookalike,
            foreign_marks,
            government,
            vietnamese_elsewhere,
            bank_names,
            brand_names,
            vietnam_numbers,
            typo_squats,
            ok,
            labels,
            key_inputs,
        )


_PLAIN_GENERIC = frozenset({"com", "net", "org", "edu", "gov", "mil", "int"})
_CLEAN = re.compile(r"^[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63})+$")
_GROUP_POS = {key: k for k, key in enumerate(GROUP_KEYS)}


def _stands_in(word: str, label: str) -> bool:
    """``word`` occurs in ``label`` as itself, not as the start of a longer syllable
    ("chinhphu" in "chinhphucielts" is "chinh phục", to conquer)."""
    at = label.find(word)
    while at >= 0:
        if not runs_on(word, label, at + len(word)):
            return True
        at = label.find(word, at + 1)
    return False


def _refold(text: str) -> str:
    """Folded IDN text may hold characters outside [a-z0-9.-]; drop them for hashing."""
    return _NOT_HOST.sub("", text.lower())


_NOT_HOST = re.compile(r"[^a-z0-9.\-_]")
