"""Library messages: the stock replies, looked up in the world before the neutral defaults."""

from __future__ import annotations

import re

from game.engine.draft import Draft
from game.engine.names import a_name, cap, name, the
from game.model.messages import DEFAULTS

FIELD_RE = re.compile(r"\{(\w+)\}")


def owner_messages(d: Draft, thing: str) -> dict[str, str]:
    """The `messages:` of an item, character or scenery (empty when it has none)."""
    world = d.world
    obj = world.items.get(thing) or world.characters.get(thing) or world.scenery.get(thing)
    return getattr(obj, "messages", None) or {}


def template(d: Draft, key: str, obj: str = "", obj2: str = "") -> str:
    """The text of a message: the thing's, then the room's, then the world's, then the default."""
    for thing in (obj, obj2):
        if thing:
            found = owner_messages(d, thing).get(key)
            if found is not None:
                return found
    room = d.world.rooms.get(d.location)
    found = room.messages.get(key) if room is not None else None
    if found is not None:
        return found
    found = d.world.messages.get(key)
    return found if found is not None else DEFAULTS[key]


def fill(d: Draft, text: str, obj: str = "", obj2: str = "", /, **fields: object) -> str:
    """Put names and values into a message's {placeholders}; unknown ones stay as they are."""
    if "{" not in text:
        return text

    def value(match: re.Match) -> str:
        field = match.group(1)
        if field in fields:
            return str(fields[field])
        if field == "Word" and "word" in fields:
            return cap(str(fields["word"]))
        thing = obj2 if field.endswith("2") else obj
        base = field.rstrip("2")
        if thing and base in ("the", "The", "a", "name"):
            if base == "the":
                return the(d, thing)
            if base == "The":
                return cap(the(d, thing))
            if base == "a":
                return a_name(d, thing)
            return name(d, thing)
        return match.group(0)

    return FIELD_RE.sub(value, text)


def message(d: Draft, key: str, obj: str = "", obj2: str = "", /, **fields: object) -> str:
    """A library message, overridden by the world where it says so, with its blanks filled."""
    return fill(d, template(d, key, obj, obj2), obj, obj2, **fields)


def say(d: Draft, key: str, obj: str = "", obj2: str = "", /, **fields: object) -> None:
    """Say a library message (an empty override says nothing); `kind=` picks the paragraph kind."""
    kind = str(fields.pop("kind", "message"))
    d.say(message(d, key, obj, obj2, **fields), kind)
