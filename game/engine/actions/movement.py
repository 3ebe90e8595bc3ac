"""Moving about: GO, ENTER, GO TO a visited room, and EXITS."""

from __future__ import annotations

from collections import deque

from game.engine.conditions import holds
from game.engine.describe import arrive
from game.engine.draft import Draft
from game.engine.library import message, say
from game.engine.parser import Command
from game.engine.scope import visible_exits
from game.model import Exit


def find_exit(d: Draft, direction: str) -> Exit | None:
    """The exit the player can see in a direction, if any."""
    ex = d.world.exits[d.location].get(direction)
    if ex is None or (ex.hidden_until and not d.flags.get(ex.hidden_until)):
        return None
    return ex


def go(d: Draft, cmd: Command) -> None:
    """GO <direction>."""
    ex = find_exit(d, cmd.direction)
    if ex is None:
        exits = visible_exits(d.world, d)
        where = message(d, "go.exits_hint", list=", ".join(exits)) if exits else ""
        d.say(" ".join(p for p in (message(d, "go.cant"), where) if p))
        return
    travel(d, ex)


def travel(d: Draft, ex: Exit) -> bool:
    """Go through an exit: conditions, doors, then arrival."""
    if ex.when and not holds(d, ex.when):
        d.say(ex.refuse or message(d, "go.refused"))
        return False
    if ex.door and ex.door not in d.open:
        if ex.door in d.locked:
            say(d, "go.locked", ex.door)
            return False
        say(d, "implicit.open", ex.door, kind="echo")
        d.add_to("open", ex.door)
    d.actions.append(("go", ex.direction))
    arrive(d, ex.to)
    return True


def enter(d: Draft, cmd: Command) -> None:
    """ENTER X: go through a door."""
    thing = cmd.objs[0]
    for ex in d.world.rooms[d.location].exits:
        if ex.door == thing and find_exit(d, ex.direction) is not None:
            travel(d, ex)
            return
    say(d, "enter.cant", thing)


def route(d: Draft, target: str) -> list[str] | None:
    """The shortest list of directions to a visited room, through known, open ways."""
    if target == d.location:
        return []
    world = d.world
    seen = {d.location: []}
    queue = deque([d.location])
    while queue:
        room = queue.popleft()
        for ex in world.rooms[room].exits:
            if ex.to in seen or ex.to not in d.visited:
                continue
            if ex.hidden_until and not d.flags.get(ex.hidden_until):
                continue
            if ex.door and ex.door in d.locked:
                continue
            seen[ex.to] = [*seen[room], ex.direction]
            if ex.to == target:
                return seen[ex.to]
            queue.append(ex.to)
    return None


def exits(d: Draft, cmd: Command) -> None:
    """EXITS: the ways out, with where they lead when known."""
    lines = []
    for direction in visible_exits(d.world, d):
        ex = d.world.exits[d.location][direction]
        known = d.world.rooms[ex.to].name if ex.to in d.visited else message(d, "exits.unexplored")
        door = message(d, "exits.through", ex.door) if ex.door else ""
        lines.append(message(d, "exits.line", direction=direction, place=known) + door)
    if lines:
        d.say("\n".join([message(d, "exits.header"), *lines]), "meta")
    else:
        say(d, "exits.none", kind="meta")
