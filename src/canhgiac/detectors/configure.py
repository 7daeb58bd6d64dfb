"""Which models a process uses: the shipped ones unless the settings name retrained ones.

Each entry point (web app, CLI, worker) calls ``use_configured_models`` with its settings;
``load_domain_scorer()`` and ``load_text_classifier()`` then return the configured models.
"""

from __future__ import annotations

from canhgiac.detectors.domains.scorer import load_domain_scorer, use_domain_model
from canhgiac.detectors.text.classifier import load_text_classifier, use_text_model
from canhgiac.errors import ValidationFailed
from canhgiac.settings import Settings


def use_configured_models(settings: Settings, *, check: bool = False) -> None:
    """Point the detectors at ``settings``' models; with ``check``, load them now so that a
    wrong path stops the start-up (the web app) instead of failing its first request."""
    use_domain_model(settings.domain_model_path)
    use_text_model(settings.text_model_path)
    if not check:
        return
    for field, path, load in (
        ("domain_model_path", settings.domain_model_path, load_domain_scorer),
        ("text_model_path", settings.text_model_path, load_text_classifier),
    ):
        if path is None:
            continue
        try:
            load()
        except ValidationFailed as exc:
            raise ValidationFailed(exc.message, field=field) from exc
