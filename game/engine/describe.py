"""Describing rooms, items and the player's arrival somewhere."""

from __future__ import annotations

import functools
import re

from game.engine.conditions import holds
from game.engine.draft import Draft
from game.engine.library import message, say
from game.engine.names import a_name as a_thing
from game.engine.scope import can_see_inside, characters_here, contents, is_lit, visible_exits
from game.model import Item

WORD_RE = re.compile(r"[a-z][a-z'\-]*")


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
    """Describe the player's surroundings (in VERBOSE mode, the first-visit text every time)."""
    world = d.world
    room = world.rooms[d.location]
    first_visit = d.location not in d.visited
    if not is_lit(world, d):
        say(d, "look.dark_title", kind="title")
        d.say(room.dark_description or message(d, "look.dark"), "description")
        return
    d.say(room.name, "title")
    text = room_description(d, first_visit or d.verbose == "full")
    if full or first_visit:
        d.say(text, "description")
    mentioned = words_in(text)
    _list_items(d, mentioned)
    _list_doors(d, mentioned)
    _list_characters(d)
    line = _exits_line(d)
    if line:
        d.say(line, "meta")


def _exits_line(d: Draft) -> str:
    """`Exits: north, east.` for the player's room ('' when none shows); it changes only with
    the flags that reveal hidden exits, so it is kept per room with the flags it was made for."""
    key = ("exits line", d.location)
    hit = d.memo.get(key)
    if hit is not None and hit[0] is d.flags:
        return hit[1]
    exits = visible_exits(d.world, d)
    line = message(d, "look.exits", list=", ".join(exits)) if exits else ""
    d.memo[key] = (d.flags, line)
    return line


@functools.lru_cache(maxsize=1024)
def words_in(text: str) -> frozenset[str]:
    """The words of a room's text, lower case (room texts repeat: read each once)."""
    return frozenset(WORD_RE.findall(text.lower()))


def names_item(d: Draft, item_id: str, words: frozenset[str]) -> bool:
    """Whether a text's words already name the item (by one of its nouns)."""
    return not d.world.items[item_id].nouns.isdisjoint(words)


def _list_items(d: Draft, mentioned: frozenset[str]) -> None:
    """Room-listing lines: initial texts, then portable things and unmentioned fixed holders."""
    world = d.world
    plain: list[str] = []
    for item_id in contents(d, d.location):
        item = world.items[item_id]
        if item.door is not None:
            continue
        if item.initial and item_id not in d.moved:
            d.say(item.initial, "description")
        elif item.portable or (
            item.container is not None and not names_item(d, item_id, mentioned)
        ):
            plain.append(item_id)
            continue
        if item.container is not None and can_see_inside(world, d, item_id):
            inside = [i for i in contents(d, item_id) if not names_item(d, i, mentioned)]
            if inside:
                word = "on" if item.container.supporter else "in"
                say(
                    d,
                    "look.in_on",
                    item_id,
                    kind="description",
                    word=word,
                    list=list_names(d, inside),
                )
    if plain:
        say(d, "look.you_see", kind="description", list=list_names(d, plain, notes=True))


def _list_doors(d: Draft, mentioned: frozenset[str]) -> None:
    """Doors the room's text doesn't mention, with where they lead and whether they are open."""
    listed: set[str] = set()
    for ex in d.world.rooms[d.location].exits:
        if not ex.door or (ex.hidden_until and not d.flags.get(ex.hidden_until)):
            continue
        if names_item(d, ex.door, mentioned) or ex.door in listed:
            continue  # a door that two exits share (west and out) is listed once
        listed.add(ex.door)
        state = message(d, "list.open" if ex.door in d.open else "list.closed", ex.door)
        say(d, "look.door", ex.door, kind="description", direction=ex.direction, state=state)


def _list_characters(d: Draft) -> None:
    """Room-listing lines for the characters here."""
    for char_id in characters_here(d.world, d):
        character = d.world.characters[char_id]
        info = character.machine.states.get(d.char_states[char_id])
        if info and info.present:
            d.say(info.present, "description")
        else:
            say(d, "look.person_here", char_id, kind="description")


def a_name(item: Item) -> str:
    """The item's name with an article (none for a proper name)."""
    if item.proper:
        return item.name
    if item.plural:
        return "some " + item.name
    article = "an" if item.name[:1].lower() in "aeiou" else "a"
    return f"{article} {item.name}"


def item_notes(d: Draft, item_id: str) -> list[str]:
    """What a listing adds in brackets: closed, empty, providing light, being worn."""
    item = d.world.items[item_id]
    notes = []
    spec = item.container
    if spec is not None and not spec.supporter:
        if spec.openable and item_id not in d.open:
            notes.append(message(d, "list.closed", item_id))
        elif not contents(d, item_id):
            key = "list.open_empty" if spec.openable else "list.empty"
            notes.append(message(d, key, item_id))
    if item.light and item_id in d.lit:
        notes.append(message(d, "list.lit", item_id))
    if item_id in d.worn:
        notes.append(message(d, "list.worn", item_id))
    return [n for n in notes if n]


def list_names(d: Draft, item_ids: list[str], notes: bool = False) -> str:
    """`a key, a lamp (providing light) and some tags`."""
    names = []
    for item_id in item_ids:
        text = a_thing(d, item_id)
        extra = item_notes(d, item_id) if notes else []
        names.append(text + (f" ({' and '.join(extra)})" if extra else ""))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def arrive(d: Draft, room_id: str) -> None:
    """Move the player to a room, describe it, and note the visit."""
    d.location = room_id
    look(d, full=d.verbose != "brief")
    if room_id not in d.visited:
        d.visited = d.visited | {room_id}
        d.score += d.world.rooms[room_id].points
    d.entered.append(room_id)
