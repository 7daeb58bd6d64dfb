"""Imports every model so ``Base.metadata`` is complete (Alembic, ``db check``).

Domains add their ``models`` module to MODEL_MODULES.
"""

from __future__ import annotations

import importlib

from canhgiac.db.base import Base

MODEL_MODULES: tuple[str, ...] = (
    "canhgiac.accounts.models",
    "canhgiac.indicators.models",
    "canhgiac.messages.models",
    "canhgiac.monitoring.models",
    "canhgiac.verification.models",
)


def load_all_models() -> type[Base]:
    for name in MODEL_MODULES:
        importlib.import_module(name)
    return Base
