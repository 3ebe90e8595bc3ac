"""Why a softlock happened, and advice that fits it: the path is replayed and its last command read.

The last command of a softlock's path is compared before and after: a light put down or
switched off in a dark room, a thing dropped where it cannot be seen, a key or a needed
thing given away or used up, a one-way step, a character's state or a flag that cannot be
undone. The advice names the things involved; anything else gets the general advice.
"""

from __future__ import annotations

from game.engine import GameState, new_game, step
from game.engine.scope import is_lit, top_place
from game.model import NOWHERE, World

GENERAL = "keep a way back: make the item reusable, the exit two-way, or end the game there"
GIVING = frozenset({"give", "show", "feed", "offer", "hand"})
PASSING = frozenset({"wait", "z", "sleep"})  # commands whose point is letting time pass


def replay(world: World, path: tuple[str, ...], seed: int = 1) -> tuple[GameState, GameState]:
    """The states before and after the last command of a path."""
    state, _ = new_game(world, seed)
    before = state
    for command in path:
        before = state
        state = step(world, state, command).state
    return before, state


def advice(world: World, path: tuple[str, ...], seed: int = 1) -> str:
    """A fix that fits how this path lost the game (the general advice when nothing fits)."""
    if not path:
        return GENERAL
    try:
        before, after = replay(world, path, seed)
    except Exception:  # an engine failure is reported on its own; give the general advice
        return GENERAL
    for reason in (_dark, _given, _lost, _one_way, _clock, _machine, _flags):
        text = reason(world, path[-1], before, after)
        if text:
            return text
    return GENERAL


def _name(world: World, thing: str) -> str:
    """A thing's name as the player sees it."""
    found = world.items.get(thing) or world.characters.get(thing) or world.rooms.get(thing)
    return found.name if found is not None else thing


def _moved(world: World, before: GameState, after: GameState) -> list[str]:
    """Items whose place the command changed, in the world's order."""
    return [i for i in world.items if before.places.get(i) != after.places.get(i)]


def _key_to(world: World, item: str) -> str:
    """The door or container an item is the key of ('' if none)."""
    for other in world.items.values():
        spec = other.door or other.container
        if spec is not None and spec.key == item:
            return other.id
    return ""


def _dark(world: World, command: str, before: GameState, after: GameState) -> str:
    """A light put down or switched off, or a thing dropped, in a room left dark."""
    room = world.rooms[after.location]
    if not room.dark or is_lit(world, after) or before.location != after.location:
        return ""
    changed = _moved(world, before, after) + sorted(set(before.lit) - set(after.lit))
    here = [i for i in changed if top_place(world, after, i) == after.location]
    lights = [i for i in changed if world.items[i].light]
    if lights:
        light = _name(world, lights[0])
        how = "switched off" if lights[0] in before.lit else "put down"
        return (
            f"with the {light} {how} in dark '{room.id}', nothing there can be seen any more, "
            f"the {light} included: give the room a light, or let the player find the "
            f"{light} in the dark (an `on: take` answered by touch, or make it glow)"
        )
    if here:
        thing = _name(world, here[0])
        door = _key_to(world, here[0])
        also = f" (the only key to the {_name(world, door)})" if door else ""
        return (
            f"the {thing}{also} cannot be seen again once dropped in dark '{room.id}': light "
            f"the room, let the player find it by touch, or refuse to let it go there"
        )
    return ""


def _given(world: World, command: str, before: GameState, after: GameState) -> str:
    """A thing given to someone for good."""
    if command.split(" ", 1)[0] not in GIVING:
        return ""
    words = command.split(" to ", 1)[-1]
    people = [c for c in world.characters.values() if c.name.lower() in words or c.id in words]
    person = people[0].name if people else "they"
    given = [i for i in _moved(world, before, after) if top_place(world, after, i) != "player"]
    thing = _name(world, given[0]) if given else command.split(" ", 1)[-1].split(" to ")[0]
    door = _key_to(world, given[0]) if given else ""
    also = f" (it is the only key to the {_name(world, door)})" if door else ""
    return (
        f"{person} keeps the {thing} for good{also}: let the player get it back (a topic or "
        f"an `on:` answer with a `give` effect), or make the puzzle solvable without it"
    )


def _lost(world: World, command: str, before: GameState, after: GameState) -> str:
    """A key or a needed thing used up or destroyed."""
    gone = [
        i
        for i in _moved(world, before, after)
        if top_place(world, after, i) == NOWHERE and top_place(world, before, i) != NOWHERE
    ]
    if not gone:
        return ""
    thing = _name(world, gone[0])
    door = _key_to(world, gone[0])
    if door:
        return (
            f"the {thing} was the only key to the {_name(world, door)} and `{command}` uses it "
            f"up: keep the key, leave a spare, or give the lock another way open (an `unlock` effect)"
        )
    return (
        f"`{command}` uses up the {thing}, and something later still needs it: make it "
        f"reusable, put another within reach, or give that puzzle a second solution"
    )


def _one_way(world: World, command: str, before: GameState, after: GameState) -> str:
    """A step that cannot be taken back, leaving something needed behind."""
    if before.location == after.location:
        return ""
    back = any(e.to == before.location for e in world.exits.get(after.location, {}).values())
    one_way = any(
        e.one_way and e.to == after.location for e in world.exits.get(before.location, {}).values()
    )
    if back and not one_way:
        return ""
    return (
        f"there is no way back from '{after.location}' to '{before.location}', and what the "
        f"game still needs is behind it: add a way back, or move what is needed past it"
    )


def _clock(world: World, command: str, before: GameState, after: GameState) -> str:
    """Time passing until a win can no longer come before a timed rule ends the game."""
    if command.split(" ", 1)[0] not in PASSING:
        return ""
    if not any(e.trigger.kind in ("turn", "every") for e in world.events.values()):
        return ""  # nothing in the world is timed
    return (
        f"the clock runs out: after turn {after.turn} no winning ending can be reached before "
        f"a timed rule ends the game — if that is the point, count that ending as winning "
        f"(`game: winning:`); else give the player more time, or warn them that it is short"
    )


def _machine(world: World, command: str, before: GameState, after: GameState) -> str:
    """A character's state (or the player's condition) that cannot be undone."""
    for char_id, state in after.char_states.items():
        if before.char_states.get(char_id) != state:
            return (
                f"`{command}` puts {_name(world, char_id)} in state '{state}', from which no "
                f"winning ending can be reached: add a transition out of it, or another way on"
            )
    if before.condition != after.condition:
        return (
            f"`{command}` leaves the player '{after.condition}', and no winning ending can be "
            f"reached from there: add a way to recover, or end the game at once"
        )
    return ""


def _flags(world: World, command: str, before: GameState, after: GameState) -> str:
    """A flag set or cleared that rules out every win."""
    changed = sorted(
        name
        for name in {*before.flags, *after.flags}
        if before.flags.get(name) != after.flags.get(name)
    )
    if not changed:
        return ""
    return (
        f"`{command}` changes flag '{changed[0]}' for good, and no winning ending can be reached "
        f"after it: let a later choice undo it, or give the player another way to win"
    )
