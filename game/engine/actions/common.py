"""Helpers shared by the actions: names, pronouns, implicit takes."""

from __future__ import annotations

from game.engine.draft import Draft
from game.engine.library import message, say
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
        say(d, "take.person", item_id)
        return False
    item = world.items.get(item_id)
    if item is None:
        say(d, "take.scenery" if item_id in world.scenery else "take.not_thing", item_id)
        return False
    if d.places.get(item_id) == PLAYER:
        if not quiet:
            say(d, "take.already", item_id)
        return False
    if not item.portable:
        d.say(item.fixed or message(d, "take.fixed", item_id))
        return False
    if not carried(world, d, item_id) and top_place(world, d, item_id) != d.location:
        say(d, "take.unreachable", item_id)
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
    say(d, "implicit.take", item_id, kind="echo")
    return take_item(d, item_id, quiet=True)


def implicit_open(d: Draft, item_id: str) -> bool:
    """Open a closed, unlocked container or door on the way to doing something else."""
    if item_id in d.open:
        return True
    if item_id in d.locked:
        say(d, "open.locked", item_id)
        return False
    say(d, "implicit.open", item_id, kind="echo")
    d.add_to("open", item_id)
    d.actions.append(("open", item_id))
    return True


def ask_second(d: Draft, cmd, verb: str, prep: str) -> None:
    """Ask for a missing second noun; the next line answers it (`What do you want to … with?`)."""
    thing = cmd.objs[0]
    say(d, "lock.no_key" if prep == "with" else "parser.ask_second", thing, verb=verb, prep=prep)
    d.pending = (f"{verb} #{thing} {prep} {{}}", ())


def held_contents(d: Draft) -> list[str]:
    """Items carried directly."""
    return contents(d, PLAYER)
