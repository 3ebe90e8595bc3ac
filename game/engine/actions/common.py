"""Helpers shared by the actions: names, pronouns, implicit takes."""

from __future__ import annotations

from game.engine.draft import Draft
from game.engine.names import The, cap, the
from game.engine.scope import carried, contents, top_place
from game.model import PLAYER


def note_pronoun(d: Draft, thing: str) -> None:
    """Remember what it/him/her/them now means."""
    world = d.world
    if thing in world.characters:
        word = world.characters[thing].pronoun
    elif thing in world.items and world.items[thing].plural:
        word = "them"
    else:
        word = "it"
    d.pronouns = d.pronouns.set(word, thing)


def take_item(d: Draft, item_id: str, quiet: bool = False) -> bool:
    """Try to take an item; say why not when it can't be taken."""
    world = d.world
    if item_id in world.characters:
        d.say(f"{The(d, item_id)} would not take kindly to that.")
        return False
    item = world.items.get(item_id)
    if item is None:
        d.say("That's not something you can pick up.")
        return False
    if d.places.get(item_id) == PLAYER:
        if not quiet:
            d.say("You already have that.")
        return False
    if not item.portable:
        d.say(item.fixed or f"{cap(the(d, item_id))} won't budge.")
        return False
    if not carried(world, d, item_id) and top_place(world, d, item_id) != d.location:
        d.say("You can't reach that from here.")
        return False
    d.move_item(item_id, PLAYER)
    if item_id not in d.moved:
        d.moved = d.moved | {item_id}
        d.score += item.points
    d.actions.append(("take", item_id))
    return True


def implicit_take(d: Draft, item_id: str) -> bool:
    """Make sure the player holds an item, taking it first when it lies in reach."""
    if item_id not in d.world.items:
        return True
    if carried(d.world, d, item_id):
        return True
    if not d.world.items[item_id].portable:
        return True
    d.say(f"(first taking {the(d, item_id)})", "echo")
    return take_item(d, item_id, quiet=True)


def held_contents(d: Draft) -> list[str]:
    """Items carried directly."""
    return contents(d, PLAYER)
