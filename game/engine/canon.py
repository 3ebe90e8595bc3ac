"""A state's canonical JSON text (what save digests hash), built from pieces cached by identity.

The text is exactly `json.dumps(state_to_data(state), sort_keys=True, ensure_ascii=False,
separators=(",", ":"))`, but each field's piece is kept with the value it encodes and reused
while the next state still holds that same value (unchanged maps and sets are shared from
state to state): replay and autosave pay for what changed, not for the whole world every line.
"""

from __future__ import annotations

import json
from itertools import product

from game.engine.state import GameState
from game.engine.statecheck import DEBUGGING, MAPS, PLAIN, SETS

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
PAIRS = ("dialogue", "encounter", "pending", "oops")  # tuples or None
KEYS = tuple(sorted((*PLAIN, *SETS, *MAPS, *PAIRS)))
_SETS = frozenset(SETS)
_DEBUGGING = frozenset(DEBUGGING)


class _Layout:
    """The sorted keys for one combination of debugging flags, and the pieces last encoded."""

    def __init__(self, on: tuple[bool, ...]) -> None:
        extra = [name for name, flag in zip(DEBUGGING, on, strict=True) if flag]
        self.keys = tuple(sorted((*KEYS, *extra)))
        self.heads = tuple(_encode(name) + ":" for name in self.keys)
        self.values: list[object] = [_UNSET] * len(self.keys)
        self.pieces: list[str] = [""] * len(self.keys)


_UNSET = object()
_LAYOUTS = {on: _Layout(on) for on in product((False, True), repeat=len(DEBUGGING))}


def _piece(name: str, value: object) -> str:
    """One field's value as canonical JSON."""
    if name in _SETS:
        return _encode(sorted(value))  # type: ignore[call-overload]
    if name in _DEBUGGING:
        return "true"
    if value is None:
        return "null"
    if type(value) is int:
        return repr(value)
    if name in PAIRS:
        return _encode(value if value else None)
    return _encode(value)


def state_text(state: GameState) -> str:
    """The canonical JSON text of a state's data (history left out)."""
    fields = state.__dict__
    layout = _LAYOUTS[(fields["debug"], fields["debugged"], fields["trace"])]
    values, pieces, heads = layout.values, layout.pieces, layout.heads
    for index, name in enumerate(layout.keys):
        value = fields[name]
        if value is not values[index]:
            pieces[index] = heads[index] + _piece(name, value)
            values[index] = value
    return "{" + ",".join(pieces) + "}"
