"""The entity passes of every module in one table, and the selection a config asks for.

``REGISTRY`` joins the ``PASSES`` tables of :mod:`newsie.entities.general` and
:mod:`newsie.entities.layouts`; :data:`newsie.entities.passes.ORDER` gives their order.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.errors import ConfigError
from . import general, layouts
from .passes import ORDER, EntityPass

REGISTRY: dict[str, EntityPass] = {**general.PASSES, **layouts.PASSES}


def select_passes(
    *, passes: list[str] | None = None, skip_passes: Iterable[str] = (), switches: dict[str, bool] | None = None,
) -> list[EntityPass]:  # fmt: skip
    """The passes to run, in :data:`ORDER`; a ``ConfigError`` names an unknown or required pass."""
    if set(ORDER) != set(REGISTRY) or len(REGISTRY) != len(general.PASSES) + len(layouts.PASSES):
        raise RuntimeError(f"entity passes: ORDER and the PASSES tables differ: {sorted(set(ORDER) ^ set(REGISTRY))}")
    if passes is not None and not isinstance(passes, (list, tuple)):
        raise ConfigError(f"news_entities: passes must be a list of pass names or null, not {passes!r}")
    if not isinstance(skip_passes, (list, tuple)):
        raise ConfigError(f"news_entities: skip_passes must be a list of pass names, not {skip_passes!r}")
    named = list(passes or []) + list(skip_passes)
    unknown = [p for p in named if p not in REGISTRY]
    if unknown:
        raise ConfigError(f"news_entities: unknown passes {unknown}; choose from {list(ORDER)}")
    required = sorted(p for p in skip_passes if REGISTRY[p].required)
    if required:
        raise ConfigError(f"news_entities: passes {required} cannot be switched off")
    off = set(skip_passes) | {p for p in ORDER if passes is not None and p not in passes and not REGISTRY[p].required}
    groups_off = {g for g, on in (switches or {}).items() if not on}
    return [
        REGISTRY[p] for p in ORDER if REGISTRY[p].required or p not in off and REGISTRY[p].group not in groups_off
    ]
