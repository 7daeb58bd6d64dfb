"""Retrained models named in the settings replace the shipped ones in every front door."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from canhgiac.cli.main import app as cli_app
from canhgiac.detectors.configure import use_configured_models
from canhgiac.detectors.domains.scorer import build_extractor, load_domain_scorer, use_domain_model
from canhgiac.detectors.domains.train import TrainingConfig, train_model
from canhgiac.detectors.text.classifier import load_text_classifier, use_text_model
from canhgiac.detectors.text.model import SHIPPED_MODEL
from canhgiac.detectors.text.train import train_text_classifier
from canhgiac.errors import ValidationFailed
from canhgiac.settings import Settings
from canhgiac.web.app import create_app

# A name the shipped model leaves alone; the model below is trained to flag names like it.
PLAIN = "thuvien999sach.vn"


@pytest.fixture(autouse=True)
def shipped_models_afterwards() -> Iterator[None]:
    yield
    use_domain_model(None)
    use_text_model(None)


@pytest.fixture(scope="module")
def odd_domain_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model with the labels swapped: library names are "scams"."""
    extractor, _ = build_extractor()
    model = train_model(
        extractor,
        [f"thuvien{i}sach.vn" for i in range(60)],
        [f"vaytien{i}-xacminh.xyz" for i in range(120)],
        TrainingConfig(use_authored=False, target_fpr=0.01),
        sources=["odd"],
    )
    path = tmp_path_factory.mktemp("models") / "odd.npz"
    model.save(path)
    return path


def _settings(**models: Path | None) -> Settings:
    return Settings(_env_file=None, **models)  # type: ignore[call-arg]


def test_settings_choose_the_domain_model_and_none_means_shipped(odd_domain_model):
    assert not load_domain_scorer().score(PLAIN).is_suspicious
    use_configured_models(_settings(domain_model_path=odd_domain_model), check=True)
    assert load_domain_scorer().model.meta["sources"] == ["odd"]
    assert load_domain_scorer().score(PLAIN).is_suspicious
    use_configured_models(_settings())
    assert not load_domain_scorer().score(PLAIN).is_suspicious


def test_settings_choose_the_text_model(tmp_path):
    rows = [(f"Vay nhanh {i} trieu chi can CCCD lien he zalo", "fraud.loan") for i in range(12)]
    rows += [(f"Me oi toi nay con ve muon {i} phut nhe", "legit") for i in range(12)]
    trained = train_text_classifier(rows, include_seed=False)
    path = tmp_path / "text.npz"
    trained.save(path)
    use_configured_models(_settings(text_model_path=path), check=True)
    assert load_text_classifier() is load_text_classifier(path)
    use_configured_models(_settings())
    assert load_text_classifier() is load_text_classifier(SHIPPED_MODEL)


def test_a_missing_model_names_the_setting(tmp_path):
    with pytest.raises(ValidationFailed) as err:
        use_configured_models(_settings(domain_model_path=tmp_path / "none.npz"), check=True)
    assert err.value.field == "domain_model_path"
    with pytest.raises(ValidationFailed) as err:
        use_configured_models(_settings(text_model_path=tmp_path / "none.npz"), check=True)
    assert err.value.field == "text_model_path"


def test_the_web_app_uses_the_configured_model(settings, test_session_factory, odd_domain_model):
    configured = settings.model_copy(update={"domain_model_path": odd_domain_model})
    app = create_app(configured, session_factory=test_session_factory)
    with TestClient(app) as client:
        body = client.get("/api/v1/lookup", params={"q": PLAIN}).json()
    assert body["status"] == "unknown" and body["suspicion"] is not None
    missing = settings.model_copy(update={"domain_model_path": Path("/nonexistent/m.npz")})
    with pytest.raises(ValidationFailed):
        create_app(missing, session_factory=test_session_factory)


def test_the_cli_uses_the_model_in_its_environment(odd_domain_model):
    env = {"CANHGIAC_DOMAIN_MODEL_PATH": str(odd_domain_model)}
    result = CliRunner().invoke(
        cli_app, ["detect", "domains", "score", "--input", "-"], input=f"{PLAIN}\n", env=env
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["is_suspicious"]
