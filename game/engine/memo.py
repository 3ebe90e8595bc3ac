"""Per-world memo: derived data (compiled checks, rule plans) that lives exactly as long as its world."""

from __future__ import annotations

import weakref
from collections.abc import Callable

from game.model import World

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

# id(world) -> (weak reference to the world, its memo)
_MEMOS: dict[int, tuple[weakref.ref, dict[Any, Any]]] = {}


def memo_for(world: World) -> dict[Any, Any]:
    """The memo dict of a world (empty at first; dropped when the world is collected)."""
    entry = _MEMOS.get(id(world))
    if entry is None or entry[0]() is not world:
        entry = (weakref.ref(world, _forget(id(world))), {})
        _MEMOS[id(world)] = entry
    return entry[1]


def _forget(key: int, memos: dict = _MEMOS) -> Callable[[weakref.ref], None]:
    """A callback that drops a dead world's memo (unless the id was reused meanwhile)."""

    def forget(ref: weakref.ref) -> None:
        """Remove the entry if it still belongs to the dead world."""
        entry = memos.get(key)
        if entry is not None and entry[0] is ref:
            del memos[key]

    return forget
