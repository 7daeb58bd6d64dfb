"""Where the shared development datasets live (``../shared/datasets`` beside the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
DATASETS_DIR = Path(
    os.environ.get("CANHGIAC_DATASETS_DIR", REPO_ROOT.parent / "shared" / "datasets")
)


def require_dataset(relative: str) -> Path:
    """Return the dataset path, or skip the calling test cleanly when it is absent."""
    path = DATASETS_DIR / relative
    if not path.exists():
        pytest.skip(f"shared dataset {relative} not available")
    return path
