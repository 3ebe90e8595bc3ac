"""Looking and the other senses, inventory, and the verbs that mostly answer in words."""

from __future__ import annotations

import re

from game.engine.actions.common import held_contents
from game.engine.describe import a_name, list_names
from game.engine.describe import look as describe_look
from game.engine.draft import Draft
from game.engine.names import cap, name, the
from game.engine.parser import Command
from game.engine.scope import can_see_inside, contents


def look(d: Draft, cmd: Command) -> None:
    """LOOK."""
    describe_look(d, full=True)


def examine(d: Draft, cmd: Command) -> None:
    """EXAMINE X."""
    thing = cmd.objs[0]
    world = d.world
    if thing in world.scenery:
        d.say(world.scenery[thing].description or "You see nothing special.", "description")
        return
    if thing in world.characters:
        character = world.characters[thing]
        info = character.machine.states.get(d.char_states[thing])
        d.say(
            info.description if info and info.description else character.description, "description"
        )
        return
    d.say(_item_description(d, thing), "description")
    notes = _item_state(d, thing)
    if notes:
        d.say(notes, "description")


def _item_description(d: Draft, thing: str) -> str:
    """An item's description, or its first variant whose condition holds."""
    from game.engine.conditions import holds

    item = d.world.items[thing]
    for variant in item.variants:
        if holds(d, variant.when):
            return variant.text
    return item.description


def _item_state(d: Draft, thing: str) -> str:
    """Open/closed, lit, worn, contents."""
    item = d.world.items[thing]
    parts = []
    spec = item.door or item.container
    if spec is not None and spec.openable:
        parts.append(
            f"{cap(the(d, thing))} is {'open' if thing in d.open else 'closed'}"
            + (" and locked." if thing in d.locked else ".")
        )
    if item.light:
        parts.append(f"It is {'switched on' if thing in d.lit else 'switched off'}.")
    if thing in d.worn:
        parts.append("You are wearing it.")
    if item.container is not None and can_see_inside(d.world, d, thing):
        inside = contents(d, thing)
        word = "On" if item.container.supporter else "In"
        parts.append(
            f"{word} it: {list_names(d, inside)}."
            if inside
            else ("There's nothing on it." if item.container.supporter else "It's empty.")
        )
    return " ".join(parts)


def search(d: Draft, cmd: Command) -> None:
    """SEARCH X / LOOK IN X / SEARCH."""
    if not cmd.objs:
        d.say("You search around you, but turn up nothing you haven't already seen.")
        return
    thing = cmd.objs[0]
    item = d.world.items.get(thing)
    if item is not None and item.container is not None:
        if not can_see_inside(d.world, d, thing):
            d.say(f"{cap(the(d, thing))} is closed.")
            return
        inside = contents(d, thing)
        d.say(
            f"{'On' if item.container.supporter else 'In'} {the(d, thing)} you find {list_names(d, inside)}."
            if inside
            else f"There's nothing {'on' if item.container.supporter else 'in'} {the(d, thing)}."
        )
        return
    examine(d, cmd)


def read(d: Draft, cmd: Command) -> None:
    """READ X."""
    thing = cmd.objs[0]
    item = d.world.items.get(thing)
    if item is not None and item.readable:
        d.say(item.readable, "description")
        return
    text = _description(d, thing)
    if WRITING.search(text + " " + name(d, thing)):
        d.say(text, "description")
    else:
        d.say(f"There's nothing written on {the(d, thing)}.")


WRITING = re.compile(
    r"\b(writ\w*|wrote|words?|letter(s|ing)|sign\w*|label\w*|print\w*|scrawl\w*|"
    r"graffiti|notice\w*|names?|numbers?|reads?|stencil\w*|chalk\w*|marker|spell\w*|"
    r"handwriting|scratched|carved|tally|list\w*|notes?|diagram\w*|map)\b",
    re.IGNORECASE,
)


def _description(d: Draft, thing: str) -> str:
    """The text EXAMINE shows for a thing (its state's description for a character)."""
    world = d.world
    if thing in world.scenery:
        return world.scenery[thing].description
    if thing in world.characters:
        info = world.characters[thing].machine.states.get(d.char_states[thing])
        return (
            info.description if info and info.description else world.characters[thing].description
        )
    return _item_description(d, thing)


def inventory(d: Draft, cmd: Command) -> None:
    """INVENTORY."""
    carried = held_contents(d)
    if not carried:
        d.say("You are carrying nothing but the clothes you stand in.")
        return
    lines = ["You are carrying:"]
    for item_id in carried:
        lines.append("  " + _inventory_line(d, item_id))
    d.say("\n".join(lines))


def _inventory_line(d: Draft, item_id: str) -> str:
    """`a torch (switched on)` with contents."""
    item = d.world.items[item_id]
    notes = []
    if item_id in d.worn:
        notes.append("being worn")
    if item.light and item_id in d.lit:
        notes.append("switched on")
    text = a_name(item) + (f" ({', '.join(notes)})" if notes else "")
    if item.container is not None and can_see_inside(d.world, d, item_id):
        inside = contents(d, item_id)
        if inside:
            text += f", holding {list_names(d, inside)}"
    return text


FLAVOUR = {
    "listen": "You hold your breath and listen. Wind in the broken glass, and under it, far off, something that might be footsteps.",
    "smell": "Ash, rust, and the sweet rot that never quite leaves the Zone.",
    "touch": "You feel nothing unexpected.",
    "taste": "You'd rather not. Nothing in the Zone is clean.",
    "climb": "There's nothing here you can usefully climb.",
    "jump": "You jump on the spot. It does nothing for your nerves.",
    "push": "Pushing that achieves nothing.",
    "pull": "Pulling that achieves nothing.",
    "turn": "It doesn't turn.",
    "wait": "Time passes. Somewhere in the ruins, something else waits too.",
    "sleep": "Not here. Not with the doors the way they are.",
    "think": "You think of the people you have lost, and of the ones you might still reach.",
    "pray": "You don't remember the words, so you make some up.",
    "sing": "You hum a few bars of a song from before. Your voice sounds small.",
    "wave": "You wave. Nothing waves back.",
    "dig": "The ground here is concrete and rubble. Digging won't get you anywhere.",
    "cut": "You have nothing sharp enough, and no good reason.",
    "knock": "You knock. The sound carries further than you'd like.",
    "shout": "You shout. The ruins swallow the sound, and for a long moment nothing answers.",
    "say": "You say it aloud. Nobody answers.",
    "bye": "You're not talking to anyone.",
    "pour": "You'd only waste it.",
    "fill": "You have nothing to fill it with.",
    "empty": "There's nothing worth emptying out.",
    "tie": "You can't see what tying it would achieve.",
    "write": "You have nothing to write with, and nothing to say that would help.",
    "yes": "That was a rhetorical question.",
    "no": "That was a rhetorical question.",
    "kiss": "This isn't the moment.",
    "wake": "They are as awake as anyone gets in the Zone.",
    "free": "There's nothing to free.",
    "cure": "You have no cure to give. Not yet.",
    "call": "There's no signal. There hasn't been for months.",
    "hide": "You press yourself into a shadow and wait. Nothing comes. Not yet.",
    "flee": "There's nothing to flee from. Not right now.",
    "fight": "There's nothing here to fight.",
    "follow": "They're right here.",
    "enter": "That's not something you can enter.",
    "attack": "Violence won't solve this one.",
    "give": "They don't seem interested.",
    "show": "They glance at it without much interest.",
}


def flavour(d: Draft, cmd: Command) -> None:
    """The default answer of a verb with nothing special to do."""
    d.say(FLAVOUR.get(cmd.action, "Nothing happens."))
