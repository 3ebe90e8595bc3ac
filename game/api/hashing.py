"""A state's identity as a short hex string, the same in every process and on every platform."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Set

from game.engine import GameState
from game.engine.timing import KEPT, outcome_key
from game.model import World

_CHANCE = frozenset({"rng", "seed"})


def _plain(value: object) -> object:
    """Plain JSON data with one spelling per value: sets sorted, mappings by key."""
    if isinstance(value, Mapping):
        return [[_plain(k), _plain(v)] for k, v in sorted(value.items())]
    if isinstance(value, Set):
        return sorted((_plain(v) for v in value), key=_canonical)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _canonical(value: object) -> str:
    """Canonical JSON text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def state_hash(world: World, state: GameState, clock: bool = True) -> str:
    """A 32-digit hex digest of what the state means to the world's rules.

    Built from the same key the valid actions use (`game.engine.timing.outcome_key`): parser
    memory is left out and the clock is kept only as far as a rule can read it. Never uses
    Python's hash(), so it is the same in every process. `clock=False` leaves out the clock
    and the dice (the RNG's position), for visited sets that should repeat.
    """
    key = outcome_key(world, state)
    if not clock:
        key = tuple(v for name, v in zip(KEPT, key, strict=False) if name not in _CHANCE)
    text = _canonical(_plain(key))
    return hashlib.blake2b(text.encode("ascii"), digest_size=16).hexdigest()
