"""A state's canonical JSON text (what save digests hash), built from pieces cached by identity.

The text is exactly `json.dumps(state_to_data(state), sort_keys=True, ensure_ascii=False,
separators=(",", ":"))`, but the big maps and sets, which a turn rarely replaces, are encoded
once and reused while the next state still shares them: replay and autosave pay for what
changed, not for the whole world every line.
"""

from __future__ import annotations

import json

from game.engine.state import GameState
from game.engine.statecheck import MAPS, PLAIN, SETS

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
PAIRS = ("dialogue", "encounter", "pending", "oops")  # tuples or None
KEYS = tuple(sorted((*PLAIN, *SETS, *MAPS, *PAIRS)))
_SETS = frozenset(SETS)
_CACHED = frozenset((*SETS, *MAPS))
_HEADS = {name: _encode(name) + ":" for name in KEYS}

# field -> (the value last encoded, its text); one entry per field, replaced as states move on
_last: dict[str, tuple[object, str]] = {}


_strings: dict[str, str] = {}


def _text_of(value: str) -> str:
    """A string as JSON (remembered: ids and commands repeat from line to line)."""
    text = _strings.get(value)
    if text is None:
        if len(_strings) > 4096:
            _strings.clear()
        text = _strings[value] = _encode(value)
    return text


def state_text(state: GameState) -> str:
    """The canonical JSON text of a state's data (history left out)."""
    parts = []
    for name in KEYS:
        value = getattr(state, name)
        if name in _CACHED:
            hit = _last.get(name)
            if hit is not None and hit[0] is value:
                text = hit[1]
            else:
                text = _encode(sorted(value) if name in _SETS else value)
                _last[name] = (value, text)
        elif value is None:
            text = "null"
        elif type(value) is int:
            text = repr(value)
        elif type(value) is str:
            text = _text_of(value)
        elif name in PLAIN:
            text = _encode(value)
        else:
            text = _encode(value if value else None)
        parts.append(_HEADS[name] + text)
    return "{" + ",".join(parts) + "}"
