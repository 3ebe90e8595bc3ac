"""How things are named in sentences: articles, proper names, capitals."""

from __future__ import annotations

from game.engine.draft import Draft


def name(d: Draft, thing: str) -> str:
    """The name of an item, character or scenery (a stranger's `unnamed` until `named`)."""
    world = d.world
    if thing in world.characters and _stranger(d, thing):
        return world.characters[thing].unnamed
    obj = world.items.get(thing) or world.characters.get(thing) or world.scenery.get(thing)
    return obj.name if obj else thing


def _stranger(d: Draft, char_id: str) -> bool:
    """Whether a character with an `unnamed` name has not yet been named to the player."""
    from game.engine.conditions import holds

    character = d.world.characters[char_id]
    return bool(character.unnamed) and not holds(d, character.named)


def _proper(d: Draft, thing: str) -> bool:
    """Whether a thing's name, as said now, is a proper name."""
    world = d.world
    obj = world.characters.get(thing) or world.items.get(thing)
    if obj is None or not obj.proper:
        return False
    return not (thing in world.characters and _stranger(d, thing))


def the(d: Draft, thing: str) -> str:
    """`the rusty key`, `the horde`; proper names (`Alice`, `Bob's letter`) as they are."""
    if _proper(d, thing):
        return name(d, thing)
    return "the " + name(d, thing)


def The(d: Draft, thing: str) -> str:
    """`The rusty key` at the start of a sentence."""
    return cap(the(d, thing))


def cap(text: str) -> str:
    """Capitalise the first letter."""
    return text[:1].upper() + text[1:]


def a_name(d: Draft, thing: str) -> str:
    """`a rusty key`, `an apple`, `some tags`; proper names as they are."""
    world = d.world
    obj = world.items.get(thing) or world.characters.get(thing)
    if obj is None:
        return "the " + name(d, thing)
    if _proper(d, thing):
        return obj.name
    said = name(d, thing)
    if getattr(obj, "plural", False):
        return "some " + said
    article = "an" if said[:1].lower() in "aeiou" else "a"
    return f"{article} {said}"
