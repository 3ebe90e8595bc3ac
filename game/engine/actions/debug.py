"""The author's debugging verbs (GONEAR, PURLOIN, SHOWME, FLAGS, SET, PENDING, TRACE).

They answer only in a game begun with debugging on (`new_game(..., debug=True)`, which the
front ends do for `hyosan --debug`); otherwise their words go to the parser like any other.
They take no time and fire no events, but UNDO takes back what they change.
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine.conditions import holds
from game.engine.describe import look
from game.engine.draft import Draft
from game.engine.library import say
from game.engine.machines import turns_left
from game.model import NOWHERE, PLAYER

DebugVerb = Callable[[Draft, tuple[str, ...]], None]


ARTICLES = frozenset({"the", "a", "an"})


def debug_verb(d: Draft, text: str) -> bool:
    """Carry out one debugging verb, its words taken as typed (always lets the line go on)."""
    words = tuple(text.lower().split())
    DEBUG_VERBS[words[0]](d, words[1:])
    return True


def resolve(d: Draft, words: tuple[str, ...]) -> str:
    """The room, item or character named by id, by its whole name, or by its words ('' if none)."""
    world = d.world
    words = tuple(w for w in words if w not in ARTICLES) or words
    text = " ".join(words)
    ident = "_".join(words)
    for table in (world.rooms, world.items, world.characters):
        if ident in table:
            return ident
    for table in (world.rooms, world.items, world.characters):
        for thing_id, thing in table.items():
            if thing.name.lower() == text:
                return thing_id
    for thing_id, vocab in world.vocab.items():
        if words and thing_id in (*world.items, *world.characters) and set(words) <= set(vocab):
            return thing_id
    return ""


def _named(d: Draft, words: tuple[str, ...], usage: str) -> str:
    """The thing a debugging verb names, or '' after saying why not."""
    if not words:
        say(d, "debug.usage", kind="meta", text=usage)
        return ""
    found = resolve(d, words)
    if not found:
        say(d, "debug.which", kind="meta", word=" ".join(words))
    return found


def room_of(d: Draft, thing: str) -> str:
    """The room a room, item or character is in ('' when it is nowhere)."""
    world = d.world
    for _ in range(len(world.items) + 2):
        if thing in world.rooms:
            return thing
        if thing == PLAYER:
            return d.location
        if thing in world.characters:
            thing = d.char_places.get(thing, NOWHERE)
        elif thing in world.items:
            thing = d.places.get(thing, NOWHERE)
        else:
            return ""
    return ""


def gonear(d: Draft, words: tuple[str, ...]) -> None:
    """GONEAR place/thing: move the player to a room, or to the room something is in."""
    thing = _named(d, words, "GONEAR room, item or character")
    if not thing:
        return
    room = room_of(d, thing)
    if not room:
        say(d, "debug.which", kind="meta", word=" ".join(words))
        return
    d.took_turn = True
    d.location = room
    d.visited = d.visited | {room}
    say(d, "debug.moved", kind="meta", place=d.world.rooms[room].name)
    look(d, full=True)


def purloin(d: Draft, words: tuple[str, ...]) -> None:
    """PURLOIN item: the item, from anywhere, into the player's hands."""
    thing = _named(d, words, "PURLOIN item")
    if not thing:
        return
    if thing not in d.world.items:
        say(d, "debug.which", kind="meta", word=" ".join(words))
        return
    d.took_turn = True
    d.move_item(thing, PLAYER)
    d.discard_from("worn", thing)
    say(d, "debug.purloined", thing, kind="meta")


def showme(d: Draft, words: tuple[str, ...]) -> None:
    """SHOWME thing: every fact the state holds about a room, item or character (or you)."""
    if not words or words in (("me",), ("myself",), ("player",)):
        d.say("\n".join(_player_lines(d)), "meta")
        return
    thing = _named(d, words, "SHOWME room, item or character")
    if not thing:
        return
    world = d.world
    if thing in world.rooms:
        lines = _room_lines(d, thing)
    elif thing in world.items:
        lines = _item_lines(d, thing)
    else:
        lines = _character_lines(d, thing)
    d.say("\n".join(lines), "meta")


def _player_lines(d: Draft) -> list[str]:
    """The player's facts."""
    machine = d.world.player.condition
    left = turns_left(machine, d.condition, d.condition_since, d.turn)
    carried = sorted(i for i, place in d.places.items() if place == PLAYER)
    return [
        "player",
        f"  location: {d.location}",
        f"  condition: {d.condition} (since turn {d.condition_since})"
        + (f", {left} turns to its next timed change" if left is not None else ""),
        f"  carrying: {', '.join(carried) or '-'}",
        f"  turn: {d.turn}  score: {d.score}  phase: {d.phase}",
    ]


def _room_lines(d: Draft, room: str) -> list[str]:
    """A room's facts."""
    world = d.world
    info = world.rooms[room]
    things = sorted(i for i, place in d.places.items() if place == room)
    people = sorted(c for c, place in d.char_places.items() if place == room)
    exits = ", ".join(f"{ex.direction}->{ex.to}" for ex in info.exits) or "-"
    return [
        f"{room} ({info.name})",
        f"  visited: {'yes' if room in d.visited else 'no'}  dark: {_yes(info.dark)}",
        f"  items: {', '.join(things) or '-'}",
        f"  characters: {', '.join(people) or '-'}",
        f"  exits: {exits}",
    ]


def _yes(value: object) -> str:
    """'yes', 'no', or 'when ...' for a darkness that depends on the state."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "depends on the state" if value else "no"


def _item_lines(d: Draft, item: str) -> list[str]:
    """An item's facts."""
    facts = [
        name for name in ("open", "locked", "lit", "worn", "moved") if item in getattr(d, name)
    ]
    return [
        f"{item} ({d.world.items[item].name})",
        f"  location: {d.places.get(item, NOWHERE)}",
        f"  now: {', '.join(facts) or '-'}",
    ]


def _character_lines(d: Draft, char: str) -> list[str]:
    """A character's facts."""
    machine = d.world.characters[char].machine
    state = d.char_states.get(char, "")
    since = d.char_since.get(char, 0)
    left = turns_left(machine, state, since, d.turn)
    return [
        f"{char} ({d.world.characters[char].name})",
        f"  location: {d.char_places.get(char, NOWHERE)}",
        f"  state: {state} (since turn {since})"
        + (f", {left} turns to its next timed change" if left is not None else ""),
    ]


def flags(d: Draft, words: tuple[str, ...]) -> None:
    """FLAGS: every flag that is set, with its value."""
    if not d.flags:
        say(d, "debug.no_flags", kind="meta")
        return
    d.say("\n".join(f"{name} = {value}" for name, value in sorted(d.flags.items())), "meta")


def set_flag(d: Draft, words: tuple[str, ...]) -> None:
    """SET flag [n]: set a flag or counter (0 clears it)."""
    usage = "SET flag [number]"
    if not words or len(words) > 2:
        say(d, "debug.usage", kind="meta", text=usage)
        return
    value = 1
    if len(words) == 2:
        try:
            value = int(words[1])
        except ValueError:
            say(d, "debug.usage", kind="meta", text=usage)
            return
    d.took_turn = True
    d.set_flag(words[0], value)
    say(d, "debug.flag_set", kind="meta", word=words[0], n=d.flags.get(words[0], 0))


def pending(d: Draft, words: tuple[str, ...]) -> None:
    """PENDING: events that have not fired yet, timed changes and an encounter's countdown."""
    lines = []
    for event in sorted(d.world.events.values(), key=lambda e: (e.priority, e.id)):
        if event.once and event.id in d.fired:
            continue
        trigger = event.trigger
        on = " ".join(str(part) for part in (trigger.kind, trigger.a, trigger.b, trigger.n) if part)
        if trigger.after:
            on += f" after {trigger.after}" + _clock(d, event.id, trigger.after)
        guard = (
            "" if not event.when else (" (when holds)" if holds(d, event.when) else " (when fails)")
        )
        lines.append(f"event {event.id}: on {on}{guard}")
    lines += _timed(d)
    if d.encounter is not None:
        lines.append(f"encounter with {d.encounter[0]}: {d.encounter[1]} commands left")
    if not lines:
        say(d, "debug.nothing_pending", kind="meta")
        return
    d.say("\n".join(lines), "meta")


def _clock(d: Draft, event_id: str, after: int) -> str:
    """How a delayed event's clock stands: not started, turns to go, or due."""
    since = d.timers.get(event_id)
    if since is None:
        return " (clock not started)"
    left = since + after - d.turn
    return f" (clock running: {left} to go)" if left > 0 else " (due)"


def _timed(d: Draft) -> list[str]:
    """Timed transitions that will happen if nothing else does."""
    world = d.world
    owners = [("player", world.player.condition, d.condition, d.condition_since)]
    for char_id in sorted(world.characters):
        state = d.char_states.get(char_id, "")
        since = d.char_since.get(char_id, 0)
        owners.append((char_id, world.characters[char_id].machine, state, since))
    lines = []
    for owner, machine, state, since in owners:
        left = turns_left(machine, state, since, d.turn)
        if left is not None:
            lines.append(f"{owner}: leaves '{state}' in {left} turns")
    return lines


def trace(d: Draft, words: tuple[str, ...]) -> None:
    """TRACE ON/OFF: name each event and state change as it happens."""
    if words and words[0] in ("on", "off"):
        d.trace = words[0] == "on"
    elif not words:
        d.trace = not d.trace
    else:
        say(d, "debug.usage", kind="meta", text="TRACE ON or TRACE OFF")
        return
    say(d, "debug.trace", kind="meta", state="on" if d.trace else "off")


def help_(d: Draft, words: tuple[str, ...]) -> None:
    """DEBUG: the list of debugging verbs."""
    say(d, "debug.help", kind="meta")


DEBUG_VERBS: dict[str, DebugVerb] = {
    "debug": help_,
    "gonear": gonear,
    "goto": gonear,
    "purloin": purloin,
    "showme": showme,
    "flags": flags,
    "set": set_flag,
    "pending": pending,
    "trace": trace,
}
