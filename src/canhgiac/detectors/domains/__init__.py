"""Scam-domain name scorer (issue 5): is this host name likely a scam, and whose brand does it
imitate?

Public API: ``canhgiac.detectors.domains.scorer`` — ``load_domain_scorer(config)``,
``DomainScorer.score(name)`` / ``score_many(names)``, ``DomainScore``, ``DomainScorerConfig``.

Modules by role: ``hostnames`` (clean, validate, split at the public suffix), ``homoglyphs``
(punycode, Vietnamese diacritics, confusables), ``lures`` (Vietnamese lure words),
``brand_match`` (brand registry tokens, typos, digit swaps), ``features`` (batch features and
hashed n-grams), ``model`` (linear model in a numbers-only ``.npz``), ``explain`` (reasons and
category), ``train`` / ``authored`` (training and the project's own names), ``evaluate``.
"""
