"""Static findings: what can never happen, and what was probably forgotten."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from game.authoring.dialogue import silent_choices
from game.authoring.findings import Finding, sort_key
from game.authoring.reach import Reach
from game.authoring.rules import all_conditions, all_effects
from game.engine.grammar import AUTHOR_VERB, LINES, META_ACTIONS
from game.model import OPPOSITE, World
from game.model.reader import Where
from game.model.verbs import ACTIONS


def analyse(world: World, reach: Reach | None = None) -> list[Finding]:
    """Every static finding about a loaded world, in file order."""
    reach = reach or Reach(world)
    found: list[Finding] = []
    for check in (
        unreachable_rooms,
        unobtainable_items,
        no_way_back,
        locks,
        flags,
        states,
        silent_transitions,
        dead_events,
        dead_endings,
        unheard_verbs,
        silent_choices,
    ):
        found.extend(check(world, reach))
    return sorted(found, key=sort_key)


def unreachable_rooms(world: World, reach: Reach) -> Iterator[Finding]:
    """Rooms the player can never stand in."""
    for room in world.rooms.values():
        if room.id not in reach.facts.rooms:
            yield Finding(
                "unreachable_room",
                room.where,
                f"room '{room.id}' can never be reached from the start",
                "add an exit to it from a reachable room (and check the doors, keys and "
                "conditions on the way), or a move_player effect",
            )


def unobtainable_items(world: World, reach: Reach) -> Iterator[Finding]:
    """Portable items the player can never pick up."""
    facts = reach.facts
    for item in world.items.values():
        if not item.portable or item.id in facts.obtainable:
            continue
        if item.location in world.rooms and item.location not in facts.rooms:
            continue  # the room is already reported
        yield Finding(
            "unobtainable_item",
            item.where,
            f"item '{item.id}' can never be obtained (it starts in '{item.location or 'nowhere'}')",
            "put it in a reachable room, or give it with a {give: "
            + item.id
            + "} effect somewhere the player can get to",
        )


def no_way_back(world: World, reach: Reach) -> Iterator[Finding]:
    """Exits whose destination has no exit back (unless marked one_way)."""
    del reach
    for room in world.rooms.values():
        for exit_ in room.exits:
            if exit_.one_way or exit_.to not in world.rooms:
                continue
            back = world.exits.get(exit_.to, {})
            if any(e.to == room.id for e in back.values()):
                continue
            reverse = OPPOSITE[exit_.direction]
            yield Finding(
                "no_way_back",
                exit_.where or room.where,
                f"exit {exit_.direction} from '{room.id}' leads to '{exit_.to}', "
                f"which has no exit back to '{room.id}'",
                f"add '{reverse}: {room.id}' to the exits of '{exit_.to}', "
                "or mark this exit 'one_way: true'",
            )


def locks(world: World, reach: Reach) -> Iterator[Finding]:
    """Locked doors and containers whose key is out of reach (and no effect unlocks them)."""
    facts = reach.facts
    for item in world.items.values():
        spec = item.door or item.container
        if spec is None or not spec.locked or item.id in facts.unlockable:
            continue
        if not spec.key:
            yield Finding(
                "locked_forever",
                item.where,
                f"'{item.id}' starts locked, has no key, and no effect unlocks it",
                f"give it 'key: <item>' or add an {{unlock: {item.id}}} effect",
            )
        elif spec.key not in facts.obtainable:
            yield Finding(
                "unreachable_key",
                item.where,
                f"the key of '{item.id}' ('{spec.key}') can never be obtained",
                f"make '{spec.key}' reachable, or add an {{unlock: {item.id}}} effect",
            )


def flags(world: World, reach: Reach) -> Iterator[Finding]:
    """Flags set but never read, and flags read but never set."""
    del reach
    written: dict[str, Where | None] = {}
    for effect in all_effects(world):
        if effect.op in ("set", "add", "unset"):
            written.setdefault(effect.args[0], effect.where)
    read: dict[str, Where | None] = {}
    for cond in all_conditions(world):
        if cond.op in ("flag", "at_least", "at_most"):
            read.setdefault(cond.args[0], cond.where)
    for room in world.rooms.values():
        for exit_ in room.exits:
            if exit_.hidden_until:
                read.setdefault(exit_.hidden_until, exit_.where)
    for event in world.events.values():
        if event.trigger.kind == "flag":
            read.setdefault(event.trigger.a, event.where)
    for name, where in written.items():
        if name not in read:
            yield Finding(
                "flag_never_read",
                where,
                f"flag '{name}' is set but never read",
                f"test it somewhere ({{flag: {name}}}, hidden_until, an event on: {{flag: {name}}}) "
                "or remove the effect",
            )
    for name, where in read.items():
        if name not in written:
            yield Finding(
                "flag_never_set",
                where,
                f"flag '{name}' is read but never set",
                f"add {{set: {name}}} to an effect, or check the spelling" + _near(name, written),
            )


def _near(name: str, known) -> str:
    """A did-you-mean tail."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.7)
    return f" (did you mean '{close[0]}'?)" if close else ""


def states(world: World, reach: Reach) -> Iterator[Finding]:
    """Character states and player conditions that can never be entered."""
    facts = reach.facts
    for char in world.characters.values():
        for state_id in char.machine.states:
            if (char.id, state_id) not in facts.states:
                yield Finding(
                    "unreachable_state",
                    char.where,
                    f"character '{char.id}' can never be in state '{state_id}'",
                    f"add a transition to '{state_id}' (with 'when' or 'after', or triggered by a "
                    f"{{state: {{of: {char.id}, to: {state_id}}}}} effect the player can reach)",
                )
    for state_id in world.player.condition.states:
        if state_id not in facts.conditions:
            yield Finding(
                "unreachable_state",
                None,
                f"the player's condition can never be '{state_id}'",
                f"add a transition to '{state_id}' under player: condition:",
            )


def silent_transitions(world: World, reach: Reach) -> Iterator[Finding]:
    """`state`/`condition` effects that ask for a change no declared transition allows."""
    del reach
    for effect in all_effects(world):
        if effect.op == "state":
            char_id, target = effect.args
            machine = world.characters[char_id].machine
            who = f"character '{char_id}'"
        elif effect.op == "condition":
            target = effect.args[0]
            machine = world.player.condition
            who = "the player's condition"
        else:
            continue
        if not any(t.to == target for t in machine.transitions):
            yield Finding(
                "no_transition",
                effect.where,
                f"this effect changes {who} to '{target}', but no transition leads there, "
                "so it does nothing",
                f"declare one: transitions: - {{from: '*', to: {target}}}",
            )


def dead_events(world: World, reach: Reach) -> Iterator[Finding]:
    """Events that can never fire."""
    for event in world.events.values():
        if event.id not in reach.facts.fired:
            yield Finding(
                "event_never_fires",
                event.where,
                f"event '{event.id}' can never fire: its trigger or condition can never happen",
                "check the room, flag, state or item it waits for, and its 'when'",
            )


def dead_endings(world: World, reach: Reach) -> Iterator[Finding]:
    """Endings no reachable effect leads to."""
    for ending in world.endings.values():
        if ending.id not in reach.facts.endings:
            yield Finding(
                "ending_unreachable",
                ending.where,
                f"ending '{ending.id}' can never be reached: no reachable effect says "
                f"{{end: {ending.id}}}",
                "add the effect to an event, a response or a transition the player can reach",
            )


def typed_verbs() -> dict[str, str]:
    """Every author verb a typed command can produce, and each command word's verb."""
    produced: dict[str, str] = {}
    for lines in LINES.values():
        for line in lines:
            if line.action in META_ACTIONS:
                continue
            verb = AUTHOR_VERB.get(line.action, line.action)
            produced.setdefault(verb, verb)
            first = line.tokens[0]
            if first.islower():
                produced.setdefault(f"word:{first}", verb)
                if first in ACTIONS:
                    produced.setdefault(first, first)  # the engine answers the typed verb too
    return produced


def unheard_verbs(world: World, reach: Reach) -> Iterator[Finding]:
    """`on:`, `orders:` and action triggers for verbs no command the player types produces."""
    del reach
    produced = typed_verbs()
    places: list[tuple[str, Where | None, str]] = []
    for room in world.rooms.values():
        places += [(verb, room.where, f"room '{room.id}'") for verb in room.on]
    for item in world.items.values():
        places += [(verb, item.where, f"item '{item.id}'") for verb in item.on]
    for char in world.characters.values():
        places += [(verb, char.where, f"character '{char.id}'") for verb in char.on]
    for event in world.events.values():
        if event.trigger.kind == "action":
            places.append((event.trigger.a, event.where, f"event '{event.id}'"))
    for verb, where, owner in places:
        if verb in produced:
            continue
        instead = produced.get(f"word:{verb}")
        fix = (
            f"the parser turns {verb.upper()} into '{instead}': write '{instead}:' instead"
            if instead
            else "no command produces it; use one of the verbs the parser knows (docs/authoring.md, Verbs)"
        )
        yield Finding(
            "verb_never_typed",
            where,
            f"'{verb}' in {owner} can never happen: no command the player types is '{verb}'",
            fix,
        )
