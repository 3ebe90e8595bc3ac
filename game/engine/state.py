"""The game state: everything that changes, as one frozen, hashable value."""

from __future__ import annotations

import operator

from game.engine.frozen import EMPTY, FrozenMap
from game.model import NOWHERE, PLAYER, World
from game.model.record import HASH_CACHE, fields, record

PHASES = ("exploring", "dialogue", "encounter", "ended")
MAX_NUMBER = 2**53 - 1  # the largest flag, score or turn a state holds (exact in every JSON reader)


@record(cache_hash=True, slots=False)
class GameState:
    """One moment of one game. Transitions happen by building a new value.

    A plain-dict class (not slotted) so a state is built from a draft's fields in one copy
    (see `state_from_fields`); the fields are still frozen to everyone else.
    """

    seed: int
    rng: int
    location: str
    places: FrozenMap  # item id -> room id, item id (container), "player" or "nowhere"
    condition: str
    char_states: FrozenMap  # character id -> state id
    char_places: FrozenMap  # character id -> room id or "nowhere"
    turn: int = 0
    phase: str = "exploring"
    open: frozenset[str] = frozenset()
    locked: frozenset[str] = frozenset()
    lit: frozenset[str] = frozenset()
    worn: frozenset[str] = frozenset()
    flags: FrozenMap = EMPTY  # flag -> int
    condition_since: int = 0
    char_since: FrozenMap = EMPTY  # character id -> turn the state began
    visited: frozenset[str] = frozenset()
    moved: frozenset[str] = frozenset()  # items taken at least once
    fired: frozenset[str] = frozenset()  # once-events that have fired
    timers: FrozenMap = EMPTY  # delayed event id -> turn its moment happened (`on: {after: n}`)
    score: int = 0
    dialogue: tuple[str, str] | None = None  # (character, talk node)
    encounter: tuple[str, int] | None = None  # (character, commands left)
    ending: str | None = None
    pronouns: FrozenMap = EMPTY  # it/him/her/them -> id
    pending: tuple[str, tuple[str, ...]] | None = None  # (command with {}, candidate ids)
    last_command: str = ""
    oops: tuple[str, str] | None = None  # (line, unknown word)
    hints: FrozenMap = EMPTY  # puzzle id -> hints shown
    verbose: str = "normal"  # room descriptions on later visits: "brief", "normal" or "full"
    debug: bool = False  # the debugging verbs answer (`hyosan --debug`)
    debugged: bool = False  # debugging verbs were on at some point of this game (saves say so)
    trace: bool = False  # debugging: say which events and transitions fire
    history: tuple[GameState, ...] = ()


FIELD_NAMES = tuple(f.name for f in fields(GameState))
MOMENT_FIELDS = FIELD_NAMES[:-1]  # everything but history, in constructor order
_read_moment = operator.attrgetter(*MOMENT_FIELDS)
_HASH_CACHE = HASH_CACHE  # where a state keeps its hash once computed
_INSTANCE_KEYS = frozenset((*FIELD_NAMES, _HASH_CACHE))
_new = object.__new__
_set = object.__setattr__


def moment(state: GameState) -> tuple:
    """The state's fields except history, in constructor order."""
    return _read_moment(state)


def state_from_fields(fields: dict, history: tuple[GameState, ...]) -> GameState:
    """A state from a dict holding every field but history (the dict becomes the state's own).

    The fast path for building the next state each turn: one dict, no per-field calls.
    """
    fields["history"] = history
    fields[_HASH_CACHE] = None
    if len(fields) != len(_INSTANCE_KEYS):  # stray keys (or missing fields): build it properly
        return GameState(*[fields[name] for name in MOMENT_FIELDS], history)
    state = _new(GameState)
    _set(state, "__dict__", fields)
    return state


def state_fields(state: GameState) -> dict:
    """A fresh dict of the state's fields (history and the hash cache included, to be replaced)."""
    return dict(state.__dict__)


def without_history(state: GameState) -> GameState:
    """The same moment with no undo history (what the history itself stores)."""
    return state if not state.history else state_from_fields(state_fields(state), ())


def initial_state(world: World, seed: int) -> GameState:
    """The state before the first command."""
    places = {item.id: item.location or NOWHERE for item in world.items.values()}
    for item_id in world.player.inventory:
        places[item_id] = PLAYER
    open_, locked, lit = set(), set(), set()
    for item in world.items.values():
        spec = item.container or item.door
        if spec is not None:
            if spec.open:
                open_.add(item.id)
            if spec.locked:
                locked.add(item.id)
        if item.lit:
            lit.add(item.id)
    chars = world.characters.values()
    return GameState(
        seed=seed,
        rng=seed & ((1 << 64) - 1),
        location=world.player.start,
        places=FrozenMap(places),
        condition=world.player.condition.initial,
        char_states=FrozenMap({c.id: c.machine.initial for c in chars}),
        char_places=FrozenMap({c.id: c.location for c in chars}),
        char_since=FrozenMap({c.id: 0 for c in chars}),
        open=frozenset(open_),
        locked=frozenset(locked),
        lit=frozenset(lit),
        visited=frozenset(),
    )
