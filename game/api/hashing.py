"""A state's identity as a short hex string, the same in every process and on every platform."""

from __future__ import annotations

import hashlib
import json

from game.engine import GameState, state_to_data

# Parser memory and bookkeeping: they change with every line but not the world.
_LEFT_OUT = ("turn", "last_command", "oops", "pronouns", "pending", "hints", "verbose", "seed")
# Clocks kept as "turns since", so waiting shows up only while something counts.
_CLOCKS = ("condition_since",)


def state_data(state: GameState) -> dict:
    """The state as plain data, without parser memory, with clocks made relative to now."""
    data = state_to_data(state)
    for name in _LEFT_OUT:
        data.pop(name, None)
    data["condition_since"] = state.turn - state.condition_since
    data["char_since"] = {c: state.turn - t for c, t in sorted(state.char_since.items())}
    return data


def state_hash(state: GameState) -> str:
    """A 32-digit hex digest of the state's data (canonical JSON; never Python's hash())."""
    text = json.dumps(state_data(state), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.blake2b(text.encode("ascii"), digest_size=16).hexdigest()
