"""Score host names for scam likelihood: the public face of the name scorer.

``load_domain_scorer()`` returns a cached scorer built from the shipped model and the brand
registry. ``score`` takes one name; ``score_many`` scores a batch set-at-a-time (n-gram
hashing and the linear model run in numpy, lure and brand look-ups in one regex pass).
Official brand domains, every ``*.gov.vn`` host and allow-listed domains are never flagged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import compress
from pathlib import Path
from typing import Any, Literal

import numpy as np

from canhgiac.detectors.domains.brand_match import BrandMatcher, brands_of
from canhgiac.detectors.domains.explain import category_for, reasons_for
from canhgiac.detectors.domains.feature_batch import FeatureBatch
from canhgiac.detectors.domains.features import FeatureExtractor
from canhgiac.detectors.domains.hostnames import clean_host, split_host
from canhgiac.detectors.domains.model import NameModel
from canhgiac.detectors.domains.name_shape import BRAND_HOME_SUFFIXES
from canhgiac.detectors.domains.rules import RULE_MARGIN, fired_rules, rule_candidates
from canhgiac.errors import ValidationFailed

SHIPPED_MODEL = "name_model.npz"
BATCH_CHUNK = 20_000  # bounds memory of the n-gram matrices
MAX_ALLOW_LIST = 1_000_000


@dataclass(frozen=True)
class DomainScorerConfig:
    # None: the process's model (``use_domain_model``), the shipped one unless set.
    model_path: Path | None = None
    allow_list: frozenset[str] = frozenset()  # hosts (and their sub-domains) never flagged
    # Override of the operating point on the 0..1 score scale (0.5 is the model's own).
    threshold: float = 0.5
    use_rules: bool = True


@dataclass(frozen=True)
class DomainScore:
    domain: str
    score: float  # 0..1; 0.5 is the operating threshold unless configured otherwise
    is_suspicious: bool
    brand: str | None  # key of the brand imitated
    category: str | None  # e.g. fraud.impersonation.bank, gambling, phishing, fraud.loan
    reasons: tuple[str, ...]  # Vietnamese first, then English
    error: str | None = None  # set when the input was not a usable host name
    rules: tuple[str, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "domain": self.domain,
            "score": round(self.score, 4),
            "is_suspicious": self.is_suspicious,
            "brand": self.brand,
            "category": self.category,
            "reasons": list(self.reasons),
        }
        if self.error is not None:
            data["error"] = self.error
        return data


_new_object = object.__new__
# Field values of a plain "not suspicious" result; domain and score are filled in per name.
_PLAIN: dict[str, Any] = {
    "domain": "", "score": 0.0, "is_suspicious": False, "brand": None, "category": None,
    "reasons": (), "error": None, "rules": (),
}  # fmt: skip


def _normalise_allow_list(hosts: Iterable[str]) -> frozenset[str]:
    out = set()
    for i, host in enumerate(hosts):
        if i >= MAX_ALLOW_LIST:
            raise ValidationFailed(
                f"Danh sách cho phép quá {MAX_ALLOW_LIST} mục / allow-list too long",
                field="allow_list",
            )
        out.add(clean_host(host))
    return frozenset(out)


class DomainScorer:
    def __init__(
        self,
        model: NameModel,
        extractor: FeatureExtractor,
        config: DomainScorerConfig | None = None,
        brand_names: dict[str, str] | None = None,
    ) -> None:
        self.model = model
        self.extractor = extractor
        self.config = config or DomainScorerConfig()
        if not 0.0 < self.config.threshold < 1.0:
            raise ValidationFailed(
                "Ngưỡng phải nằm trong (0, 1) / threshold must be in (0, 1)", field="threshold"
            )
        self.allow_list = _normalise_allow_list(self.config.allow_list)
        self.brand_names = brand_names or {}
        # The score is sigmoid(logit - model threshold), so the model's operating point is 0.5.
        p = self.config.threshold
        self._cut = math.log(p / (1.0 - p))

    def _allowed(self, host: str) -> bool:
        if not self.allow_list:
            return False
        if host in self.allow_list:
            return True
        pos = host.find(".")
        while pos >= 0:
            if host[pos + 1 :] in self.allow_list:
                return True
            pos = host.find(".", pos + 1)
        return False

    def is_official_host(self, name: str) -> bool:
        """True for official brand hosts, ``*.gov.vn`` and allow-listed hosts."""
        try:
            parts = split_host(clean_host(name))
        except ValidationFailed:
            return False
        return self.extractor.is_official(parts) or self._allowed(parts.host)

    def score(self, name: str) -> DomainScore:
        """Score one name; raises ValidationFailed (field ``domain``) when it is not a host."""
        return self.score_many([name], errors="raise")[0]

    def score_many(
        self, names: Iterable[str], *, errors: Literal["raise", "mark"] = "mark"
    ) -> list[DomainScore]:
        """Score names in order. Unusable names raise, or come back with ``error`` set."""
        out: list[DomainScore] = []
        chunk: list[str] = []
        for name in names:
            chunk.append(name)
            if len(chunk) >= BATCH_CHUNK:
                out.extend(self._score_chunk(chunk, errors))
                chunk = []
        if chunk:
            out.extend(self._score_chunk(chunk, errors))
        return out

    def _score_chunk(self, names: list[str], errors: str) -> list[DomainScore]:
        batch = self.extractor.extract(names)
        ok = batch.ok
        if errors == "raise" and len(ok) < len(names):
            bad = next(i for i, e in enumerate(batch.errors) if e is not None)
            raise ValidationFailed(batch.errors[bad] or "", field="domain")
        logits = np.full(len(names), -50.0)
        if ok:
            logits[ok] = self.model.logits(batch.hashed(), batch.dense[ok]) - self.model.threshold
        np.clip(logits, -50.0, 50.0, out=logits)
        scores = (1.0 / (1.0 + np.exp(-logits))).tolist()
        cut = self._cut
        use_rules = self.config.use_rules
        # Names that need the full treatment: invalid, official, those a rule may fire on
        # (a brand among them), or any name at all when an allow-list is configured.
        if self.allow_list:
            special: set[int] = set(range(len(names)))
        else:
            special = rule_candidates(batch)
            special.update(compress(range(len(names)), batch.official))
            if len(batch.ok) < len(names):
                special.update(i for i, e in enumerate(batch.errors) if e is not None)
        hosts = batch.hosts
        new = _new_object
        plain = _PLAIN
        out: list[DomainScore] = []
        append = out.append
        for i, (logit, score) in enumerate(zip(logits.tolist(), scores, strict=True)):
            if logit < cut and i not in special:
                # Not suspicious, nothing to explain: built without the frozen-dataclass
                # __init__ (about 2 µs per name on this hot path); equal to the normal result.
                result = new(DomainScore)
                fields = result.__dict__
                fields.update(plain)
                fields["domain"] = hosts[i]
                fields["score"] = score
                append(result)
            else:
                append(self._result(batch, i, logit, use_rules))
        return out

    def _result(self, batch: FeatureBatch, i: int, logit: float, use_rules: bool) -> DomainScore:
        error = batch.errors[i]
        if error is not None:
            return DomainScore("", 0.0, False, None, None, (), error)
        host = batch.hosts[i]
        if batch.official[i]:
            parts = batch.parts[i]
            owner = self.extractor.official_owner(parts) if parts is not None else None
            name = self.brand_names.get(owner or "", owner or "")
            reason = (
                f"Tên miền chính thức của {name} / Official domain of {name}"
                if owner
                else "Tên miền cơ quan nhà nước (.gov.vn) / Government domain (.gov.vn)"
            )
            return DomainScore(host, 0.0, False, None, None, (reason,))
        if self.allow_list and self._allowed(host):
            return DomainScore(
                host, 0.0, False, None, None, ("Nằm trong danh sách cho phép / On the allow-list",)
            )
        hit = batch.brands[i]
        parts = batch.parts[i]
        # The brand's exact name on .com/.vn/.com.vn with nothing around it ("vietcombank.com")
        # is most often the brand's own (defensive) registration: scam names with the exact
        # brand name take cheap suffixes instead (70 on the ChongLuaDao list, 1 on .com).
        # The model alone does not flag it; hand-checked rules (look-alike letters) still do.
        # Government services are not among them: they live on .gov.vn only (vneid.com).
        home = (
            hit is not None
            and hit.how == "exact"
            and parts is not None
            and not parts.subdomain
            and parts.suffix in BRAND_HOME_SUFFIXES
            and self.extractor.matcher.sector.get(hit.brand) != "government"
        )
        if home:
            logit = min(logit, self._cut - _HOME_MARGIN)
        rules = fired_rules(batch, i) if use_rules else []
        model_flagged = logit >= self._cut
        for rule in rules:
            logit = max(logit, RULE_MARGIN[rule])
        score = 1.0 / (1.0 + math.exp(-max(min(logit, 50.0), -50.0)))
        suspicious = logit >= self._cut
        if not suspicious and hit is None:
            # Most names: nothing to explain, keep the fast path cheap.
            return DomainScore(host, score, False, None, None, ())
        if not suspicious and home and hit is not None:
            name = self.brand_names.get(hit.brand, hit.brand)
            reason = (
                f"Đúng tên {name} trên đuôi phổ biến, nhiều khả năng là tên miền của chính "
                f"thương hiệu / exact name of {name} on a mainstream suffix, most likely the "
                "brand's own"
            )
            return DomainScore(host, score, False, hit.brand, None, (reason,))
        sig = batch.signals(i)
        category = category_for(sig, self.extractor.matcher.sector) if suspicious else None
        reasons = reasons_for(sig, rules, suspicious, model_flagged, score, self.brand_names)
        brand = hit.brand if hit is not None else None
        if "government_service_elsewhere" in rules:
            # The service claimed is the brand imitated ("vieteid.com" has no lure word), and
            # the state's name says more than account words do ("dangkiem-online.com").
            brand = brand or batch.government[i]
            if category in (None, "phishing"):
                category = "fraud.impersonation.authority"
        if "vietnam_number_name" in rules:
            category = category or "gambling"  # "0840113vn.com" has no word to go by
        return DomainScore(
            host, score, suspicious, brand, category, tuple(reasons), None, tuple(rules)
        )


_HOME_MARGIN = 0.5  # logits below the cut


def shipped_model_path() -> Path:
    return Path(str(resources.files("canhgiac.detectors.domains") / "data" / SHIPPED_MODEL))


def build_extractor(registry: object | None = None) -> tuple[FeatureExtractor, dict[str, str]]:
    """Feature extractor over the brand registry (the shipped one unless given)."""
    if registry is None:
        from canhgiac.indicators.brands import load_brand_registry

        registry = load_brand_registry()
    brands = brands_of(registry)
    generic: frozenset[str] = getattr(registry, "name_only_aliases", frozenset())
    official: frozenset[str] = registry.all_official_domains()  # type: ignore[attr-defined]
    matcher = BrandMatcher(brands, generic)
    owners = {d: b.key for b in brands for d in b.domains}
    return FeatureExtractor(matcher, frozenset(official), owners), {
        b.key: b.short_name for b in brands
    }


def build_scorer(config: DomainScorerConfig | None = None) -> DomainScorer:
    config = config or DomainScorerConfig()
    path = config.model_path or shipped_model_path()
    if not path.is_file():
        raise ValidationFailed(
            f"Không tìm thấy mô hình tên miền {path} / domain model not found; "
            "run `canhgiac detect domains train`",
            field="model",
        )
    model = NameModel.load(path)
    extractor, names = build_extractor()
    return DomainScorer(model, extractor, config, names)


@lru_cache(maxsize=8)
def _cached(config: DomainScorerConfig) -> DomainScorer:
    return build_scorer(config)


# The model a process uses when none is named: set by each entry point from its settings
# (``domain_model_path``); None is the shipped model.
_DEFAULT_MODEL: dict[str, Path | None] = {"path": None}


def use_domain_model(path: Path | None) -> None:
    """Make ``path`` (None: the shipped model) the model of ``load_domain_scorer()``."""
    _DEFAULT_MODEL["path"] = path


def load_domain_scorer(config: DomainScorerConfig | None = None) -> DomainScorer:
    """The scorer for ``config``, built once per process. A config without a model path
    uses the process's model (``use_domain_model``; the shipped one unless set)."""
    config = config or DomainScorerConfig()
    if config.model_path is None and _DEFAULT_MODEL["path"] is not None:
        config = replace(config, model_path=_DEFAULT_MODEL["path"])
    return _cached(config)
