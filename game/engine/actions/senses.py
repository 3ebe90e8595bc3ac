"""Looking and the other senses, inventory, and the verbs that mostly answer in words."""

from __future__ import annotations

import re

from game.engine.actions.common import held_contents
from game.engine.describe import list_names, names_item, words_in
from game.engine.describe import look as describe_look
from game.engine.draft import Draft
from game.engine.library import message, say
from game.engine.names import name
from game.engine.parser import Command
from game.engine.scope import can_see_inside, contents
from game.model.messages import DEFAULTS


def look(d: Draft, cmd: Command) -> None:
    """LOOK."""
    describe_look(d, full=True)


def examine(d: Draft, cmd: Command) -> None:
    """EXAMINE X."""
    thing = cmd.objs[0]
    world = d.world
    if thing in world.scenery:
        text = world.scenery[thing].description
        d.say(text or message(d, "examine.nothing_special", thing), "description")
        return
    if thing in world.characters:
        character = world.characters[thing]
        info = character.machine.states.get(d.char_states[thing])
        d.say(
            info.description if info and info.description else character.description, "description"
        )
        return
    text = _item_description(d, thing)
    d.say(text, "description")
    notes = _item_state(d, thing, words_in(text))
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


def _item_state(d: Draft, thing: str, described: frozenset[str] = frozenset()) -> str:
    """Open/closed, lit, worn, contents (leaving out what the description already names)."""
    item = d.world.items[thing]
    parts = []
    spec = item.door or item.container
    if spec is not None and spec.openable:
        key = "examine.open" if thing in d.open else "examine.closed"
        parts.append(message(d, "examine.locked" if thing in d.locked else key, thing))
    if item.light:
        key = "examine.switched_on" if thing in d.lit else "examine.switched_off"
        parts.append(message(d, key, thing))
    if thing in d.worn:
        parts.append(message(d, "examine.worn", thing))
    if item.container is not None and can_see_inside(d.world, d, thing):
        inside = contents(d, thing)
        unnamed = [i for i in inside if not names_item(d, i, described)]
        word = "on" if item.container.supporter else "in"
        if unnamed:
            parts.append(
                message(d, "examine.contents", thing, word=word, list=list_names(d, unnamed))
            )
        elif not inside:
            key = "examine.nothing_on" if item.container.supporter else "examine.empty"
            parts.append(message(d, key, thing))
    return " ".join(p for p in parts if p)


def search(d: Draft, cmd: Command) -> None:
    """SEARCH X / LOOK IN X / SEARCH."""
    if not cmd.objs:
        say(d, "search.nothing")
        return
    thing = cmd.objs[0]
    item = d.world.items.get(thing)
    if item is not None and item.container is not None:
        if not can_see_inside(d.world, d, thing):
            say(d, "search.closed", thing)
            return
        inside = contents(d, thing)
        word = "on" if item.container.supporter else "in"
        if inside:
            say(d, "search.found", thing, word=word, list=list_names(d, inside, notes=True))
        else:
            say(d, "search.empty", thing, word=word)
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
    if re.search(WRITING, text + " " + name(d, thing), re.IGNORECASE) or re.search(CAPITALS, text):
        d.say(text, "description")
    else:
        say(d, "read.nothing", thing)


# Patterns compiled on the first READ (by re's own cache), not at every start.
WRITING = (
    r"\b(writ\w*|wrote|words?|letter(s|ing)|sign\w*|label\w*|print\w*|scrawl\w*|"
    r"graffiti|notice\w*|names?|numbers?|reads?|stencil\w*|chalk\w*|marker|spell\w*|"
    r"handwriting|scratched|carved|tally|list\w*|notes?|diagram\w*|map|rules?|slogans?)\b"
)
CAPITALS = r"\b[A-Z][A-Z0-9']+(?:[ —-]+[A-Z0-9'][A-Z0-9']+)+\b"  # text in capitals


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
        say(d, "inventory.empty")
        return
    lines = [message(d, "inventory.header")]
    for item_id in carried:
        lines.append("  " + _inventory_line(d, item_id))
    d.say("\n".join(lines))


def _inventory_line(d: Draft, item_id: str) -> str:
    """`a torch (switched on)` with contents."""
    item = d.world.items[item_id]
    text = list_names(d, [item_id], notes=True)
    if item.container is not None and can_see_inside(d.world, d, item_id):
        inside = contents(d, item_id)
        if inside:
            text += ", " + message(d, "inventory.holding", item_id, list=list_names(d, inside))
    return text


FLAVOUR = frozenset(
    """
    listen smell touch taste climb jump push pull turn wait sleep think pray sing wave dig cut
    knock shout say bye pour fill empty tie write yes no kiss wake free cure call hide flee fight
    follow enter attack give show plug sit lie stand get_off blow buy consult squeeze set tune
    swing swim sorry swear transfer rub oil wake_up take_off_all
    """.split()
)


def flavour(d: Draft, cmd: Command) -> None:
    """The default answer of a verb with nothing special to do: its library message."""
    key = f"verb.{cmd.action}"
    obj = cmd.objs[0] if cmd.objs else ""
    if cmd.action == "bye":
        key = "bye.alone"
    say(d, key if key in DEFAULTS else "verb.default", obj, cmd.obj2)
