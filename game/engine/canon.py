"""A state's canonical JSON text (what save digests hash), built from pieces cached by identity.

The text is exactly `json.dumps(state_to_data(state), sort_keys=True, ensure_ascii=False,
separators=(",", ":"))`, but each field's piece is kept with the value it encodes and reused
while the next state still holds that same value (unchanged maps and sets are shared from
state to state): replay and autosave pay for what changed, not for the whole world every line.
"""

from __future__ import annotations

import json
from itertools import compress, product
from operator import is_not

from game.engine.state import GameState
from game.engine.statecheck import DEBUGGING, MAPS, OPTIONAL_MAPS, PLAIN, SETS

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
PAIRS = ("dialogue", "encounter", "pending", "oops")  # tuples or None
KEYS = tuple(sorted((*PLAIN, *SETS, *MAPS, *PAIRS)))
_SETS = frozenset(SETS)
_DEBUGGING = frozenset(DEBUGGING)
_SOMETIMES = (*DEBUGGING, *OPTIONAL_MAPS)  # in the data only when true / not empty


class _Layout:
    """The sorted keys for one combination of debugging flags and optional maps present, and
    the pieces last encoded."""

    def __init__(self, on: tuple[bool, ...]) -> None:
        extra = [name for name, flag in zip(_SOMETIMES, on, strict=True) if flag]
        self.keys = tuple(sorted((*KEYS, *extra)))
        self.heads = tuple(_encode(name) + ":" for name in self.keys)
        self.values: list[object] = [_UNSET] * len(self.keys)
        self.pieces: list[str] = [""] * len(self.keys)
        # the value and piece each field had before its last change: UNDO goes back to them
        self.older_values: list[object] = [_UNSET] * len(self.keys)
        self.older_pieces: list[str] = [""] * len(self.keys)
        self.indexes = range(len(self.keys))


_UNSET = object()
_LAYOUTS = {on: _Layout(on) for on in product((False, True), repeat=len(_SOMETIMES))}


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
    if type(value) is str:
        return _text_of(value)
    return _encode(value)


_strings: dict[str, str] = {}


def _text_of(value: str) -> str:
    """A string as JSON (remembered, up to a bound: ids and commands repeat from line to line)."""
    text = _strings.get(value)
    if text is None:
        if len(_strings) > 4096:
            _strings.clear()
        text = _strings[value] = _encode(value)
    return text


def state_text(state: GameState) -> str:
    """The canonical JSON text of a state's data (history left out)."""
    fields = state.__dict__
    # in the order of _SOMETIMES
    layout = _LAYOUTS[
        (fields["debug"], fields["debugged"], fields["trace"], bool(fields["timers"]))
    ]
    keys, pieces, heads = layout.keys, layout.pieces, layout.heads
    older_values, older_pieces, last = layout.older_values, layout.older_pieces, layout.values
    values = list(map(fields.__getitem__, keys))
    for index in compress(layout.indexes, map(is_not, values, last)):
        value = values[index]
        if value is older_values[index]:
            piece = older_pieces[index]
        else:
            piece = heads[index] + _piece(keys[index], value)
        older_values[index], older_pieces[index] = last[index], pieces[index]
        pieces[index] = piece
    layout.values = values
    return "{" + ",".join(pieces) + "}"
