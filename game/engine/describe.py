"""Describing rooms, items and the player's arrival somewhere."""

from __future__ import annotations

from game.engine.conditions import holds
from game.engine.draft import Draft
from game.engine.names import The, the
from game.engine.scope import can_see_inside, characters_here, contents, is_lit, visible_exits
from game.model import Item

DARK_TEXT = "It is pitch dark here. You can't see a thing, and anything could be close."


def room_description(d: Draft, first_visit: bool) -> str:
    """The room's text right now: a matching variant, the first-visit text, or the usual one."""
    room = d.world.rooms[d.location]
    for variant in room.variants:
        if holds(d, variant.when):
            return variant.text
    if first_visit and room.first:
        return room.first
    return room.description


def look(d: Draft, full: bool = True) -> None:
    """Describe the player's surroundings."""
    world = d.world
    room = world.rooms[d.location]
    first_visit = d.location not in d.visited
    if not is_lit(world, d):
        d.say("Darkness", "title")
        d.say(room.dark_description or DARK_TEXT, "description")
        return
    d.say(room.name, "title")
    if full or first_visit:
        d.say(room_description(d, first_visit), "description")
    _list_items(d)
    _list_characters(d)
    exits = visible_exits(world, d)
    if exits:
        d.say("Exits: " + ", ".join(exits) + ".", "meta")


def _list_items(d: Draft) -> None:
    """Room-listing lines for the items lying here."""
    world = d.world
    plain: list[str] = []
    for item_id in contents(d, d.location):
        item = world.items[item_id]
        if item.door is not None:
            continue
        if item.initial and item_id not in d.moved:
            d.say(item.initial, "description")
        elif item.portable:
            plain.append(item_id)
        if item.container is not None and can_see_inside(world, d, item_id):
            inside = contents(d, item_id)
            if inside:
                word = "On" if item.container.supporter else "In"
                d.say(f"{word} {the(d, item_id)} you see {list_names(d, inside)}.", "description")
    if plain:
        d.say(f"You can see {list_names(d, plain)} here.", "description")


def _list_characters(d: Draft) -> None:
    """Room-listing lines for the characters here."""
    for char_id in characters_here(d.world, d):
        character = d.world.characters[char_id]
        info = character.machine.states.get(d.char_states[char_id])
        line = info.present if info and info.present else f"{The(d, char_id)} is here."
        d.say(line, "description")


def a_name(item: Item) -> str:
    """The item's name with an article (none for a proper name)."""
    if item.proper:
        return item.name
    if item.plural:
        return "some " + item.name
    article = "an" if item.name[:1].lower() in "aeiou" else "a"
    return f"{article} {item.name}"


def list_names(d: Draft, item_ids: list[str]) -> str:
    """`a key, a lamp and some tags`."""
    names = [a_name(d.world.items[i]) for i in item_ids]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def arrive(d: Draft, room_id: str) -> None:
    """Move the player to a room, describe it, and note the visit."""
    d.location = room_id
    look(d, full=d.verbose)
    if room_id not in d.visited:
        d.visited = d.visited | {room_id}
        d.score += d.world.rooms[room_id].points
    d.entered.append(room_id)
