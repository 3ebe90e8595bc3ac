"""What the player hears of things that happen out of sight: `heard:` and `heard_from:`.

Earshot is measured from the player's room to the room where it happens:
- `next_door`: one exit apart, in either direction, whatever door stands between (a shut door
  muffles nothing the author has not written);
- `region`: anywhere in the player's region, and next door (rooms without a region hear only
  next door);
- `anywhere`: wherever the player is.
The room where it happens is never in earshot of itself: there the player sees it instead.
"""

from __future__ import annotations

from game.engine.draft import Draft


def within_earshot(d: Draft, room: str | None, reach: str) -> bool:
    """Whether the player, elsewhere, hears what happens in `room` at this reach."""
    here = d.location
    if not reach or not room or room == here or room not in d.world.rooms:
        return False
    if reach == "anywhere":
        return True
    if reach == "region":
        region = d.world.rooms[here].region
        if region and d.world.rooms[room].region == region:
            return True
    return next_door(d, here, room)


def next_door(d: Draft, a: str, b: str) -> bool:
    """Whether an exit joins two rooms, either way."""
    exits = d.world.exits
    return any(ex.to == b for ex in exits.get(a, {}).values()) or any(
        ex.to == a for ex in exits.get(b, {}).values()
    )
