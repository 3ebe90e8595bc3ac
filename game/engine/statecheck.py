"""Saved state data checked field by field against a world before it becomes a GameState.

Lasting facts (rooms, items, characters, flags, numbers) must fit or the save is refused with a
StateDataError naming the field. Passing moments (a conversation, an encounter, a question, a
pronoun) that no longer fit the world are dropped with a note, and the game goes on.
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine.frozen import FrozenMap
from game.engine.state import MAX_NUMBER, PHASES, initial_state
from game.model import NOWHERE, PLAYER, World

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

SETS = ("open", "locked", "lit", "worn", "visited", "moved", "fired")
MAPS = ("places", "char_states", "char_places", "flags", "char_since", "pronouns", "hints")
PLAIN = (
    "seed",
    "rng",
    "location",
    "condition",
    "turn",
    "phase",
    "condition_since",
    "score",
    "ending",
    "last_command",
    "verbose",
)
VERBOSITY = ("brief", "normal", "full")
MOMENTS = ("dialogue", "encounter", "pending", "oops")
DEBUGGING = ("debug", "debugged", "trace")  # kept in the data only when true (old saves lack them)
OPTIONAL_MAPS = ("timers",)  # kept in the data only when not empty (old saves lack them)
MAX_TEXT = 10_000  # characters of a remembered command (typed lines are cut far shorter)
PRONOUNS = frozenset({"it", "him", "her", "them"})
_RNG_LIMIT = 1 << 64


class StateDataError(ValueError):
    """Saved state data that is malformed, or names an id (`ident`) the world does not have."""

    def __init__(self, problem: str, ident: str = "") -> None:
        self.ident = ident
        super().__init__(problem)


def checked_fields(world: World, data: Any, notes: list[str]) -> dict[str, Any]:
    """GameState constructor arguments from saved data; StateDataError when they cannot be."""
    _need(isinstance(data, dict), "the saved state is not a mapping")
    missing = [n for n in (*PLAIN, *SETS, *MAPS, *MOMENTS) if n not in data]
    _need(not missing, f"the saved state has no '{missing[0] if missing else ''}' field")
    fresh = initial_state(world, 0)
    fields = _plain(world, data)
    fields.update(_sets(world, data))
    fields["places"] = _places(world, data["places"], fresh.places)
    fields.update(_characters(world, data, fresh))
    fields["flags"] = FrozenMap(_numbers(data["flags"], "flag"))
    hints = _numbers(data["hints"], "hint")
    fields["hints"] = FrozenMap(
        {h: min(max(n, 0), len(world.hints[h].hints)) for h, n in hints.items() if h in world.hints}
    )
    fields["timers"] = _timers(world, data.get("timers", {}), fields["turn"])
    fields["pronouns"] = _pronouns(world, data["pronouns"], notes)
    fields.update(_moments(world, data, fields, notes))
    return fields


def _need(ok: bool, problem: str) -> None:
    """Raise StateDataError with the problem when a check fails."""
    if not ok:
        raise StateDataError(problem)


def _unknown(ok: bool, kind: str, value: Any) -> None:
    """Raise StateDataError naming an id the world does not have."""
    if not ok:
        shown = value if isinstance(value, str) else repr(value)[:60]
        problem = f"the save refers to {kind} '{shown}', which this world does not have"
        raise StateDataError(problem, shown)


def is_whole_number(value: Any, low: int = -MAX_NUMBER, high: int = MAX_NUMBER) -> bool:
    """A JSON integer (never a boolean or a float) within the bounds."""
    return type(value) is int and low <= value <= high


def _number(data: dict[str, Any], name: str, low: int = -MAX_NUMBER, high: int = MAX_NUMBER) -> int:
    """A whole-number field within its bounds."""
    value = data[name]
    _need(is_whole_number(value, low, high), f"the saved '{name}' is not a whole number in range")
    return value


def _text(value: Any, name: str) -> str:
    """A text field."""
    _need(isinstance(value, str), f"the saved '{name}' is not text")
    return value


def _plain(world: World, data: dict[str, Any]) -> dict[str, Any]:
    """The single-value fields."""
    fields = {
        "seed": _number(data, "seed", -_RNG_LIMIT + 1, _RNG_LIMIT - 1),
        "rng": _number(data, "rng", 0, _RNG_LIMIT - 1),
        "turn": _number(data, "turn", 0),
        "condition_since": _number(data, "condition_since", 0),
        "score": _number(data, "score"),
    }
    location = _text(data["location"], "location")
    _unknown(location in world.rooms, "room", location)
    condition = _text(data["condition"], "condition")
    _unknown(condition in world.player.condition.states, "player condition", condition)
    phase = _text(data["phase"], "phase")
    _unknown(phase in PHASES, "phase", phase)
    ending = data["ending"]
    _need(ending is None or isinstance(ending, str), "the saved 'ending' is not text")
    _unknown(ending is None or ending in world.endings, "ending", ending)
    _need((ending is not None) == (phase == "ended"), "the saved ending and phase disagree")
    verbose = _verbosity(data["verbose"])
    last = _text(data["last_command"], "last_command")
    fields.update(
        location=location,
        condition=condition,
        phase=phase,
        ending=ending,
        verbose=verbose,
        **_debugging(data),
        last_command=last if len(last) <= MAX_TEXT else "",
    )
    return fields


def _debugging(data: dict[str, Any]) -> dict[str, bool]:
    """The debugging switches (absent means off); a debugging game stays marked."""
    found = {name: data.get(name, False) for name in DEBUGGING}
    for name, value in found.items():
        _need(isinstance(value, bool), f"the saved '{name}' is not true or false")
    found["debugged"] = found["debugged"] or found["debug"]
    return found


def _verbosity(value: Any) -> str:
    """The saved description mode; true and false are the older saves' normal and brief."""
    if isinstance(value, bool):
        return "normal" if value else "brief"
    _need(value in VERBOSITY, "the saved 'verbose' is not one of brief, normal or full")
    return value


def _ids(value: Any, name: str) -> list[str]:
    """A list of ids."""
    ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    _need(ok, f"the saved '{name}' is not a list of names")
    return value


def _sets(world: World, data: dict[str, Any]) -> dict[str, frozenset[str]]:
    """The id-set fields: items and rooms must exist; events gone from the world are forgotten."""
    fields = {}
    for name in SETS:
        ids = _ids(data[name], name)
        if name == "fired":
            ids = [e for e in ids if e in world.events]
        for ident in ids:
            if name == "visited":
                _unknown(ident in world.rooms, "room", ident)
            elif name != "fired":
                _unknown(ident in world.items, "item", ident)
        fields[name] = frozenset(ids)
    return fields


def _mapping(value: Any, name: str) -> dict[str, Any]:
    """A JSON object (its keys are always text)."""
    _need(isinstance(value, dict), f"the saved '{name}' is not a mapping")
    return value


def _places(world: World, value: Any, fresh: FrozenMap) -> FrozenMap:
    """Where every item is: world order, new items where the world starts them, no cycles."""
    saved = _mapping(value, "places")
    for item, place in saved.items():
        _unknown(item in world.items, "item", item)
        _need(isinstance(place, str), f"the saved place of '{item}' is not a name")
        _unknown(
            place in world.rooms or place in world.items or place in (PLAYER, NOWHERE),
            "place",
            place,
        )
    places = {item: saved.get(item, start) for item, start in fresh.items()}
    for item in places:
        _need(_reaches_top(world, places, item), f"the item '{item}' is inside itself")
    return FrozenMap(places)


def _reaches_top(world: World, places: dict[str, str], item: str) -> bool:
    """True when following an item's holders ends in a room, the player or nowhere."""
    seen = {item}
    place = places[item]
    while place in world.items:
        if place in seen:
            return False
        seen.add(place)
        place = places.get(place, NOWHERE)
    return True


def _characters(world: World, data: dict[str, Any], fresh: Any) -> dict[str, FrozenMap]:
    """Each character's state, place and clock; characters new to the world start afresh."""
    chars = world.characters
    states = _mapping(data["char_states"], "char_states")
    where = _mapping(data["char_places"], "char_places")
    since = _numbers(data["char_since"], "char_since")
    for char, state in states.items():
        _unknown(char in chars, "character", char)
        _unknown(
            isinstance(state, str) and state in chars[char].machine.states,
            f"state of {char}",
            state,
        )
    for char, place in where.items():
        _unknown(char in chars, "character", char)
        _unknown(
            isinstance(place, str) and (place in world.rooms or place == NOWHERE), "room", place
        )
    return {
        "char_states": FrozenMap({c: states.get(c, s) for c, s in fresh.char_states.items()}),
        "char_places": FrozenMap({c: where.get(c, p) for c, p in fresh.char_places.items()}),
        "char_since": FrozenMap({c: max(since.get(c, 0), 0) for c in fresh.char_states}),
    }


def _numbers(value: Any, kind: str) -> dict[str, int]:
    """A mapping of names to whole numbers in range."""
    saved = _mapping(value, kind + "s")
    for name, number in saved.items():
        shown = repr(number)[:40]
        _need(
            is_whole_number(number),
            f"the {kind} '{name}' holds {shown}, not a whole number in range",
        )
    return saved


def _timers(world: World, value: Any, turn: int) -> FrozenMap:
    """Delayed events whose clock runs: the turn each one's moment happened (no later than now).

    A timer of an event the world no longer has, or no longer delays, is forgotten."""
    saved = _numbers(value, "timer")
    for event, since in saved.items():
        _need(0 <= since <= turn, f"the timer of '{event}' starts after the saved turn")
    return FrozenMap(
        sorted(
            (event, since)
            for event, since in saved.items()
            if event in world.events and world.events[event].trigger.after
        )
    )


def _pronouns(world: World, value: Any, notes: list[str]) -> FrozenMap:
    """What it/him/her/them meant; meanings the world no longer has are forgotten."""
    if not isinstance(value, dict):
        notes.append("The game has forgotten what 'it' and 'them' referred to.")
        return FrozenMap()
    words = PRONOUNS | {c.pronoun for c in world.characters.values()}
    kept: dict[str, Any] = {}
    for word, meant in value.items():
        if word not in words:
            continue
        if isinstance(meant, list) and meant and all(_is_thing(world, t) for t in meant):
            kept[word] = tuple(meant)
        elif _is_thing(world, meant):
            kept[word] = meant
    if len(kept) < len(value):
        notes.append("Some pronouns ('it', 'them'…) no longer fit the world and were forgotten.")
    return FrozenMap(sorted(kept.items()))


def _is_thing(world: World, ident: Any) -> bool:
    """An item, character or piece of scenery of this world."""
    return isinstance(ident, str) and (
        ident in world.items or ident in world.characters or ident in world.scenery
    )


def _moments(
    world: World, data: dict[str, Any], f: dict[str, Any], notes: list[str]
) -> dict[str, Any]:
    """The conversation, encounter, open question and OOPS memory, each kept only when it fits."""
    out: dict[str, Any] = {}
    for name, read in _MOMENT_READERS.items():
        value = data[name]
        given = value not in (None, [], "")
        kept = read(world, value) if given else None
        if given and kept is None and name in _MOMENT_NOTES:
            notes.append(_MOMENT_NOTES[name])
        out[name] = kept
    if (out["dialogue"] is not None) != (f["phase"] == "dialogue"):
        out["dialogue"] = None
        f["phase"] = "exploring" if f["phase"] == "dialogue" else f["phase"]
    if (out["encounter"] is not None) != (f["phase"] == "encounter"):
        out["encounter"] = None
        f["phase"] = "exploring" if f["phase"] == "encounter" else f["phase"]
    return out


def _dialogue(world: World, value: Any) -> tuple[str, str] | None:
    """(character, talk node) when both still exist."""
    if not (isinstance(value, list) and len(value) == 2):
        return None
    char, node = value
    person = world.characters.get(char) if isinstance(char, str) else None
    if person is None or not isinstance(node, str) or node not in person.talk:
        return None
    return char, node


def _encounter(world: World, value: Any) -> tuple[str, int] | None:
    """(character, commands left) when the character still has an encounter."""
    if not (isinstance(value, list) and len(value) == 2):
        return None
    char, left = value
    person = world.characters.get(char) if isinstance(char, str) else None
    if person is None or person.encounter is None or not is_whole_number(left):
        return None
    return char, min(max(left, 0), max(person.encounter.turns, 0))


def _pending(world: World, value: Any) -> tuple[str, tuple[str, ...]] | None:
    """("take {}", candidate ids) when every candidate still exists."""
    if not (isinstance(value, list) and len(value) == 2):
        return None
    template, candidates = value
    ok = (
        isinstance(template, str)
        and len(template) <= MAX_TEXT
        and isinstance(candidates, list)
        and all(_is_thing(world, c) for c in candidates)
    )
    return (template, tuple(candidates)) if ok else None


def _oops(world: World, value: Any) -> tuple[str, str] | None:
    """(failed line, unknown word) for OOPS."""
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, str) and len(v) <= MAX_TEXT for v in value)
    )
    return (value[0], value[1]) if ok else None


_MOMENT_READERS: dict[str, Callable[[World, Any], Any]] = {
    "dialogue": _dialogue,
    "encounter": _encounter,
    "pending": _pending,
    "oops": _oops,
}
_MOMENT_NOTES = {
    "dialogue": "The conversation you were in no longer fits the world, so it has ended.",
    "encounter": "The encounter you were in no longer fits the world, so it is over.",
    "pending": "The question 'Which do you mean?' no longer fits the world and was dropped.",
}
