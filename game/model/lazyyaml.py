"""PyYAML, imported on first use: a world read from the load cache starts without it."""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any


def __getattr__(name: str) -> Any:
    """`yaml.<name>`, importing PyYAML the first time one is asked for."""
    value = getattr(importlib.import_module("yaml"), name)
    globals()[name] = value  # later look-ups are plain module attributes
    return value
