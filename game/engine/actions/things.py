"""Actions on things: take, drop, put, open, close, lock, wear, switch, eat, use."""

from __future__ import annotations

from game.engine.actions.common import ask_second, implicit_open, implicit_take, take_item
from game.engine.describe import list_names, look
from game.engine.draft import Draft
from game.engine.effects import respond
from game.engine.library import say
from game.engine.names import cap, name
from game.engine.parser import Command
from game.engine.scope import carried, contents, is_lit
from game.model import PLAYER


def _each(d: Draft, cmd: Command, one) -> None:
    """Run an action for each object, prefixing names when several were meant."""
    for thing in cmd.objs:
        if cmd.multi:
            mark = len(d.out)
            one(d, thing, cmd)
            if len(d.out) > mark:
                first = d.out[mark]
                d.out[mark] = type(first)(first.kind, f"{cap(name(d, thing))}: {first.text}")
        else:
            one(d, thing, cmd)


def take(d: Draft, cmd: Command) -> None:
    """TAKE one or more things."""
    _each(d, cmd, lambda d, t, c: take_item(d, t) and say(d, "take.done", t))


def take_from(d: Draft, cmd: Command) -> None:
    """TAKE X FROM Y."""

    def one(d: Draft, thing: str, c: Command) -> None:
        if d.places.get(thing) != c.obj2:
            spec = d.world.items[c.obj2].container if c.obj2 in d.world.items else None
            word = "on" if spec is not None and spec.supporter else "in"
            say(d, "take_from.not_there", thing, c.obj2, word=word)
            return
        if take_item(d, thing):
            say(d, "take.done", thing)

    _each(d, cmd, one)


def drop(d: Draft, cmd: Command) -> None:
    """DROP one or more things."""

    def one(d: Draft, thing: str, c: Command) -> None:
        if thing not in d.world.items or not carried(d.world, d, thing):
            say(d, "drop.not_held", thing)
            return
        if thing in d.worn:
            say(d, "implicit.take_off", thing, kind="echo")
            d.discard_from("worn", thing)
        d.move_item(thing, d.location)
        d.actions.append(("drop", thing))
        say(d, "drop.done", thing)

    _each(d, cmd, one)


def _put(d: Draft, cmd: Command, supporter: bool) -> None:
    """PUT X IN/ON Y."""
    target = cmd.obj2
    spec = d.world.items[target].container if target in d.world.items else None
    if spec is None or spec.supporter != supporter:
        say(d, "put.cant", target, word="on" if supporter else "in")
        return
    word = "on" if supporter else "in"

    def one(d: Draft, thing: str, c: Command) -> None:
        if thing == target:
            say(d, "put.itself", thing)
            return
        if thing not in d.world.items or not d.world.items[thing].portable:
            say(d, "put.fixed", thing)
            return
        if _holds_inside(d, thing, target):
            say(d, "put.loop", thing, target)
            return
        if not implicit_take(d, thing):
            return
        if not supporter and target not in d.open and not _open_first(d, target):
            return
        if len(contents(d, target)) >= spec.capacity:
            say(d, "put.full", thing, target, word=word)
            return
        d.discard_from("worn", thing)
        d.move_item(thing, target)
        d.actions.append(("put", thing))
        say(d, "put.done", thing, target, word=word)

    _each(d, cmd, one)


def _holds_inside(d: Draft, outer: str, target: str) -> bool:
    """Whether target is (transitively) inside outer: putting outer in target would loop."""
    place = target
    for _ in range(50):
        if place == outer:
            return True
        if place not in d.world.items:
            return False
        place = d.places.get(place, "nowhere")
    return True


def _open_first(d: Draft, target: str) -> bool:
    """Open a closed container before putting something in it, as Inform does."""
    if _openable(d, target) is None or target in d.locked:
        say(d, "put.closed", target)
        return False
    return implicit_open(d, target)


def insert(d: Draft, cmd: Command) -> None:
    """PUT X IN Y."""
    _put(d, cmd, supporter=False)


def put_on(d: Draft, cmd: Command) -> None:
    """PUT X ON Y."""
    _put(d, cmd, supporter=True)


def remove(d: Draft, cmd: Command) -> None:
    """REMOVE X: take off if worn, else take it out of where it is."""
    thing = cmd.objs[0]
    if thing in d.worn:
        take_off(d, cmd)
    elif take_item(d, thing):
        say(d, "take.done", thing)


def wear(d: Draft, cmd: Command) -> None:
    """WEAR X."""
    thing = cmd.objs[0]
    item = d.world.items.get(thing)
    if item is None or not item.wearable:
        say(d, "wear.cant", thing)
    elif thing in d.worn:
        say(d, "wear.already", thing)
    elif implicit_take(d, thing):
        d.add_to("worn", thing)
        say(d, "wear.done", thing)


def take_off(d: Draft, cmd: Command) -> None:
    """TAKE OFF X."""
    thing = cmd.objs[0]
    if thing not in d.worn:
        say(d, "take_off.not_worn", thing)
        return
    d.discard_from("worn", thing)
    say(d, "take_off.done", thing)


def _openable(d: Draft, thing: str):
    """The container or door spec of a thing, if it opens."""
    item = d.world.items.get(thing)
    spec = item and (item.door or item.container)
    return spec if spec and spec.openable else None


def open_(d: Draft, cmd: Command) -> None:
    """OPEN X."""
    thing = cmd.objs[0]
    if _openable(d, thing) is None:
        say(d, "open.cant", thing)
    elif thing in d.open:
        say(d, "open.already", thing)
    elif thing in d.locked:
        say(d, "open.locked", thing)
    else:
        d.add_to("open", thing)
        d.actions.append(("open", thing))
        inside = contents(d, thing)
        if inside and d.world.items[thing].container is not None:
            say(d, "open.revealing", thing, list=list_names(d, inside))
        else:
            say(d, "open.done", thing)


def close(d: Draft, cmd: Command) -> None:
    """CLOSE X."""
    thing = cmd.objs[0]
    if _openable(d, thing) is None:
        say(d, "close.cant", thing)
    elif thing not in d.open:
        say(d, "close.already", thing)
    else:
        d.discard_from("open", thing)
        d.actions.append(("close", thing))
        say(d, "close.done", thing)


def _key_for(d: Draft, cmd: Command, verb: str) -> str | None:
    """The key to use: the one named, or a carried or visible one that fits."""
    thing = cmd.objs[0]
    spec = _openable(d, thing)
    if spec is None or not spec.key:
        say(d, "lock.no_lock", thing)
        return None
    if cmd.obj2:
        if cmd.obj2 != spec.key:
            say(d, "lock.wrong_key", thing, cmd.obj2)
            return None
        return spec.key
    if carried(d.world, d, spec.key):
        say(d, "implicit.with_key", spec.key, kind="echo")
        return spec.key
    from game.engine.scope import in_scope

    if spec.key in in_scope(d.world, d) and implicit_take(d, spec.key):
        return spec.key
    ask_second(d, cmd, verb, "with")
    return None


def unlock(d: Draft, cmd: Command) -> None:
    """UNLOCK X [WITH Y]."""
    thing = cmd.objs[0]
    if _openable(d, thing) is not None and thing not in d.locked:
        say(d, "unlock.not_locked", thing)
        return
    if _key_for(d, cmd, "unlock") is None:
        return
    d.discard_from("locked", thing)
    d.actions.append(("unlock", thing))
    say(d, "unlock.done", thing)


def lock(d: Draft, cmd: Command) -> None:
    """LOCK X [WITH Y]."""
    thing = cmd.objs[0]
    if thing in d.locked:
        say(d, "lock.already", thing)
        return
    if _key_for(d, cmd, "lock") is None:
        return
    d.discard_from("open", thing)
    d.add_to("locked", thing)
    d.actions.append(("lock", thing))
    say(d, "lock.done", thing)


SWITCH_VERBS = frozenset({"switch_on", "switch_off"})


def switch(d: Draft, cmd: Command, on: bool) -> None:
    """SWITCH X ON/OFF: light sources; a thing the world answers SWITCH ON/OFF for (when none of
    its responses fits now) is still a switch, one that does nothing just now."""
    thing = cmd.objs[0]
    item = d.world.items.get(thing)
    if item is None or not item.light:
        switchable = item is not None and not SWITCH_VERBS.isdisjoint(item.on)
        say(d, "switch.nothing" if switchable else "switch.cant", thing)
        return
    if (thing in d.lit) == on:
        say(d, "switch.already_on" if on else "switch.already_off", thing)
        return
    was_lit = is_lit(d.world, d)
    if on:
        d.add_to("lit", thing)
    else:
        d.discard_from("lit", thing)
    d.actions.append(("switch_on" if on else "switch_off", thing))
    say(d, "switch.on" if on else "switch.off", thing)
    if on and not was_lit and is_lit(d.world, d):
        look(d)
    elif not on and was_lit and not is_lit(d.world, d):
        say(d, "switch.dark", thing, kind="warning")


def switch_on(d: Draft, cmd: Command) -> None:
    """SWITCH ON X."""
    switch(d, cmd, True)


def switch_off(d: Draft, cmd: Command) -> None:
    """SWITCH OFF X."""
    switch(d, cmd, False)


def light(d: Draft, cmd: Command) -> None:
    """LIGHT X."""
    item = d.world.items.get(cmd.objs[0])
    if item is not None and item.light:
        switch(d, cmd, True)
    else:
        say(d, "light.cant", cmd.objs[0])


def _consume(d: Draft, cmd: Command, drink: bool) -> None:
    """EAT / DRINK X."""
    thing = cmd.objs[0]
    item = d.world.items.get(thing)
    responses = item and (item.drinkable if drink else item.edible)
    if not responses:
        say(d, "drink.cant" if drink else "eat.cant", thing)
        return
    if not implicit_take(d, thing):
        return
    if respond(d, responses):
        if d.places.get(thing) == PLAYER:
            d.move_item(thing, "nowhere")
        d.actions.append(("drink" if drink else "eat", thing))


def eat(d: Draft, cmd: Command) -> None:
    """EAT X."""
    _consume(d, cmd, drink=False)


def drink(d: Draft, cmd: Command) -> None:
    """DRINK X."""
    _consume(d, cmd, drink=True)


def use(d: Draft, cmd: Command) -> None:
    """USE X [ON Y]: the item's use rules, else unlocking, else a shrug."""
    thing, target = cmd.objs[0], cmd.obj2
    item = d.world.items.get(thing)
    if item is None:
        say(d, "use.cant", thing)
        return
    rules = [r.response for r in item.use if r.on == target]
    if rules and respond(d, rules):
        d.actions.append(("use", thing))
        return
    if target and _openable(d, target) is not None and _openable(d, target).key == thing:
        unlock(d, Command("unlock", (target,), thing))
        return
    if rules:
        say(d, "use.not_yet", thing, target)
    elif target:
        say(d, "use.on", thing, target)
    else:
        say(d, "use.what_on", thing)


def throw(d: Draft, cmd: Command) -> None:
    """THROW X [AT Y]."""
    thing = cmd.objs[0]
    if thing not in d.world.items or not carried(d.world, d, thing):
        say(d, "throw.not_held", thing)
        return
    d.move_item(thing, d.location)
    d.discard_from("worn", thing)
    d.actions.append(("throw", thing))
    if cmd.obj2:
        say(d, "throw.at", thing, cmd.obj2)
    else:
        say(d, "throw.done", thing)


def pry(d: Draft, cmd: Command) -> None:
    """PRY X WITH Y: opens what opens (unless locked); otherwise the library's shrug."""
    thing = cmd.objs[0]
    if _openable(d, thing) is not None and thing not in d.locked:
        open_(d, Command("open", (thing,)))  # says "It's already open." when it is
    else:
        say(d, "verb.pry", thing, cmd.obj2)
