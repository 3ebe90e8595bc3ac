"""How things are named in sentences: articles, proper names, capitals."""

from __future__ import annotations

from game.engine.draft import Draft


def name(d: Draft, thing: str) -> str:
    """The name of an item, character or scenery."""
    world = d.world
    obj = world.items.get(thing) or world.characters.get(thing) or world.scenery.get(thing)
    return obj.name if obj else thing


def the(d: Draft, thing: str) -> str:
    """`the rusty key`, `the horde`; proper names (`Alice`, `Bob's letter`) as they are."""
    world = d.world
    obj = world.characters.get(thing) or world.items.get(thing)
    if obj is not None and obj.proper:
        return obj.name
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
    if obj.proper:
        return obj.name
    if getattr(obj, "plural", False):
        return "some " + obj.name
    article = "an" if obj.name[:1].lower() in "aeiou" else "a"
    return f"{article} {obj.name}"
