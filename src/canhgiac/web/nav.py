"""The navigation registry. Each domain's pages module registers its areas at import time;
the layout shows the areas whose page exists in the application and the user may open."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from canhgiac.accounts.principal import Principal


def everyone(_principal: Principal) -> bool:
    return True


@dataclass(frozen=True)
class NavArea:
    key: str
    label: str  # gettext message id (English), translated when rendered
    path: str
    order: int = 100
    section: str = "main"  # "main" or "admin"
    visible: Callable[[Principal], bool] = everyone


_AREAS: dict[str, NavArea] = {}


def register_area(area: NavArea) -> None:
    _AREAS[area.key] = area


def registered_areas() -> list[NavArea]:
    return sorted(_AREAS.values(), key=lambda a: (a.order, a.key))


def areas_for(
    principal: Principal | None, existing_paths: Iterable[str], section: str | None = None
) -> list[NavArea]:
    if principal is None:
        return []
    paths = set(existing_paths)
    return [
        area
        for area in registered_areas()
        if area.path in paths
        and area.visible(principal)
        and (section is None or area.section == section)
    ]
