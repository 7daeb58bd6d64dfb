"""Parse a host name: clean it, validate it, split it at the public suffix.

The suffix list is tldextract's bundled snapshot (never fetched). Calling tldextract per name
costs ~8 µs, too slow for batch scoring, so the snapshot is loaded once into sets and the
longest-suffix walk is done here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import tldextract

from canhgiac.errors import ValidationFailed

MAX_HOST_LENGTH = 253
MAX_LABEL_LENGTH = 63
# Letters, digits, hyphen, underscore (seen in real DNS), plus any non-ASCII letter (IDN).
_LABEL_OK = re.compile(r"^[a-z0-9_\-\u00a0-\uffff]{1,63}$")
_HOST_OK = re.compile(r"^[a-z0-9_\-\u00a0-\uffff]{1,63}(?:\.[a-z0-9_\-\u00a0-\uffff]{1,63})+$")


# Free site builders and hosts that give every user a sub-domain but are missing from the
# bundled suffix list's private section. Scam pages sit there ("nhantienquocte.weebly.com"),
# so the user's label, not "weebly", is the name that matters.
EXTRA_SHARED_HOSTING = frozenset(
    {
        "weebly.com", "weeblysite.com", "weebly.co.uk", "000webhostapp.com", "wordpress.com",
        "mystrikingly.com", "godaddysites.com", "jimdosite.com", "jimdofree.com", "tilda.ws",
        "site123.me", "webnode.vn", "webnode.com", "simdif.com", "surge.sh", "business.site",
        "gitbook.io", "wixstudio.io", "framer.website", "webflow.com", "ucoz.net",
    }
)  # fmt: skip


@dataclass(frozen=True)
class SuffixIndex:
    icann: frozenset[str]
    private: frozenset[str]
    wildcards: frozenset[str]  # "ck" for "*.ck"
    exceptions: frozenset[str]  # "www.ck" for "!www.ck"


@lru_cache(maxsize=1)
def suffix_index() -> SuffixIndex:
    def extractor(private: bool) -> tldextract.TLDExtract:
        return tldextract.TLDExtract(
            cache_dir=None, suffix_list_urls=(), include_psl_private_domains=private
        )

    icann_raw = set(extractor(False).tlds)
    all_raw = set(extractor(True).tlds)
    wildcards = frozenset(s[2:] for s in all_raw if s.startswith("*."))
    exceptions = frozenset(s[1:] for s in all_raw if s.startswith("!"))
    plain = {s for s in all_raw if not s.startswith(("*.", "!"))}
    icann = frozenset(s for s in plain if s in icann_raw)
    private = frozenset(plain - icann) | (EXTRA_SHARED_HOSTING - icann)
    return SuffixIndex(icann, private, wildcards, exceptions)


_INDEX: list[SuffixIndex] = []


def _load_index() -> SuffixIndex:
    _INDEX.append(suffix_index())
    return _INDEX[0]


class HostParts(NamedTuple):
    host: str  # cleaned, lower-case, ``www.`` removed, punycode kept as given
    labels: tuple[str, ...]
    suffix: str  # ICANN public suffix ("com.vn"), "" when unknown
    registrable: str  # "acb.com.vn"; the whole host when the suffix is unknown
    sld: str  # the label left of the suffix ("acb")
    subdomain: tuple[str, ...]  # labels left of the registrable domain
    private_suffix: str  # shared-hosting suffix such as "github.io", "" when none


def clean_host(raw: str) -> str:
    """Reduce a line, URL or host to a bare lower-case host; raise on anything else."""
    text = raw.strip().lower()
    if not text:
        raise ValidationFailed("Tên miền trống / Empty domain name", field="domain")
    if len(text) > 2048:
        raise ValidationFailed("Tên miền quá dài / Domain name too long", field="domain")
    if "://" in text:
        text = text.split("://", 1)[1]
    for sep in ("/", "?", "#"):
        text = text.split(sep, 1)[0]
    if "@" in text:
        text = text.rsplit("@", 1)[1]
    if text.count(":") == 1:
        text = text.split(":", 1)[0]
    text = text.strip(".").removeprefix("*.")
    while text.startswith("www.") and text.count(".") >= 2:
        text = text[4:]
    if not text or len(text) > MAX_HOST_LENGTH or "." not in text:
        raise ValidationFailed(
            f"Không phải tên miền hợp lệ: {raw.strip()[:80]!r} / Not a valid domain name",
            field="domain",
        )
    if not _HOST_OK.match(text):
        bad = next(
            (x for x in text.split(".") if not x or len(x) > 63 or not _LABEL_OK.match(x)), text
        )
        raise ValidationFailed(
            f"Nhãn tên miền không hợp lệ: {bad[:63]!r} / Invalid domain label", field="domain"
        )
    if text.replace(".", "").isdigit():
        raise ValidationFailed(
            "Địa chỉ IP không phải tên miền / An IP address is not a domain name", field="domain"
        )
    return text


# HostParts built with tuple.__new__ directly: half the cost of the NamedTuple constructor,
# which matters at one call per scored name.
_new_parts = tuple.__new__


def split_host(host: str) -> HostParts:
    """Split a cleaned host at its ICANN public suffix (longest match, PSL wildcard rules)."""
    index = _INDEX[0] if _INDEX else _load_index()
    labels = tuple(host.split("."))
    if len(labels) == 2:  # fast path: "name.tld" (most names)
        if host in index.icann:
            return _new_parts(HostParts, (host, labels, host, host, "", (), ""))
        if labels[1] not in index.wildcards:
            return _new_parts(HostParts, (host, labels, labels[1], host, labels[0], (), ""))
    n = len(labels)
    # tails[i] is the host from label i to the end: "a.b.c", "b.c", "c"
    tails = [host]
    pos = 0
    for label in labels[:-1]:
        pos += len(label) + 1
        tails.append(host[pos:])
    suffix_start = n - 1  # an unknown TLD counts as a one-label suffix
    for i in range(n):
        tail = tails[i]
        if tail in index.icann:
            suffix_start = i
            break
        if i + 1 < n and tails[i + 1] in index.wildcards:
            suffix_start = i + 1 if tail in index.exceptions else i
            break
    if suffix_start == 0:  # the host is itself a suffix ("com.vn")
        return HostParts(host, labels, host, host, "", (), "")
    reg_start = suffix_start - 1
    private = ""
    for i in range(reg_start):
        if tails[i + 1] in index.private:
            private = tails[i + 1]
            break
    return HostParts(
        host,
        labels,
        tails[suffix_start],
        tails[reg_start],
        labels[reg_start],
        labels[:reg_start],
        private,
    )


def parse_host(raw: str) -> HostParts:
    return split_host(clean_host(raw))
