"""Actions on things: take, drop, put, open, close, lock, wear, switch, eat, use."""

from __future__ import annotations

from game.engine.actions.common import implicit_take, take_item
from game.engine.describe import list_names, look
from game.engine.draft import Draft
from game.engine.effects import respond
from game.engine.names import cap, name, the
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
    _each(d, cmd, lambda d, t, c: take_item(d, t) and d.say("Taken."))


def take_from(d: Draft, cmd: Command) -> None:
    """TAKE X FROM Y."""

    def one(d: Draft, thing: str, c: Command) -> None:
        if d.places.get(thing) != c.obj2:
            spec = d.world.items[c.obj2].container if c.obj2 in d.world.items else None
            word = "on" if spec is not None and spec.supporter else "in"
            d.say(f"{cap(the(d, thing))} isn't {word} {the(d, c.obj2)}.")
            return
        if take_item(d, thing):
            d.say("Taken.")

    _each(d, cmd, one)


def drop(d: Draft, cmd: Command) -> None:
    """DROP one or more things."""

    def one(d: Draft, thing: str, c: Command) -> None:
        if thing not in d.world.items or not carried(d.world, d, thing):
            d.say("You aren't carrying that.")
            return
        if thing in d.worn:
            d.say(f"(first taking off {the(d, thing)})", "echo")
            d.discard_from("worn", thing)
        d.move_item(thing, d.location)
        d.actions.append(("drop", thing))
        d.say("Dropped.")

    _each(d, cmd, one)


def _put(d: Draft, cmd: Command, supporter: bool) -> None:
    """PUT X IN/ON Y."""
    target = cmd.obj2
    spec = d.world.items[target].container if target in d.world.items else None
    if spec is None or spec.supporter != supporter:
        word = "on" if supporter else "in"
        d.say(f"You can't put things {word} {the(d, target)}.")
        return
    if not supporter and target not in d.open:
        d.say(f"{cap(the(d, target))} is closed.")
        return

    def one(d: Draft, thing: str, c: Command) -> None:
        if thing == target:
            d.say("You can't put something inside itself.")
            return
        if thing not in d.world.items or not d.world.items[thing].portable:
            d.say(f"{cap(the(d, thing))} stays where it is.")
            return
        if _holds_inside(d, thing, target):
            d.say(f"You can't put {the(d, thing)} inside something it holds.")
            return
        if not implicit_take(d, thing):
            return
        if len(contents(d, target)) >= spec.capacity:
            d.say(f"There's no more room {'on' if supporter else 'in'} {the(d, target)}.")
            return
        d.discard_from("worn", thing)
        d.move_item(thing, target)
        d.actions.append(("put", thing))
        d.say(f"You put {the(d, thing)} {'on' if supporter else 'in'} {the(d, target)}.")

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
        d.say("Taken.")


def wear(d: Draft, cmd: Command) -> None:
    """WEAR X."""
    thing = cmd.objs[0]
    item = d.world.items.get(thing)
    if item is None or not item.wearable:
        d.say("You can't wear that.")
    elif thing in d.worn:
        d.say("You're already wearing it.")
    elif implicit_take(d, thing):
        d.add_to("worn", thing)
        d.say(f"You put on {the(d, thing)}.")


def take_off(d: Draft, cmd: Command) -> None:
    """TAKE OFF X."""
    thing = cmd.objs[0]
    if thing not in d.worn:
        d.say("You aren't wearing that.")
        return
    d.discard_from("worn", thing)
    d.say(f"You take off {the(d, thing)}.")


def _openable(d: Draft, thing: str):
    """The container or door spec of a thing, if it opens."""
    item = d.world.items.get(thing)
    spec = item and (item.door or item.container)
    return spec if spec and spec.openable else None


def open_(d: Draft, cmd: Command) -> None:
    """OPEN X."""
    thing = cmd.objs[0]
    if _openable(d, thing) is None:
        d.say("That's not something you can open.")
    elif thing in d.open:
        d.say("It's already open.")
    elif thing in d.locked:
        d.say(f"{cap(the(d, thing))} is locked.")
    else:
        d.add_to("open", thing)
        d.actions.append(("open", thing))
        inside = contents(d, thing)
        if inside and d.world.items[thing].container is not None:
            d.say(f"You open {the(d, thing)}, revealing {list_names(d, inside)}.")
        else:
            d.say(f"You open {the(d, thing)}.")


def close(d: Draft, cmd: Command) -> None:
    """CLOSE X."""
    thing = cmd.objs[0]
    if _openable(d, thing) is None:
        d.say("That's not something you can close.")
    elif thing not in d.open:
        d.say("It's already closed.")
    else:
        d.discard_from("open", thing)
        d.actions.append(("close", thing))
        d.say(f"You close {the(d, thing)}.")


def _key_for(d: Draft, cmd: Command, verb: str) -> str | None:
    """The key to use: the one named, or a carried or visible one that fits."""
    thing = cmd.objs[0]
    spec = _openable(d, thing)
    if spec is None or not spec.key:
        d.say(f"{cap(the(d, thing))} has no lock you can work.")
        return None
    if cmd.obj2:
        if cmd.obj2 != spec.key:
            d.say(f"{cap(the(d, cmd.obj2))} doesn't fit.")
            return None
        return spec.key
    if carried(d.world, d, spec.key):
        d.say(f"(with {the(d, spec.key)})", "echo")
        return spec.key
    from game.engine.scope import in_scope

    if spec.key in in_scope(d.world, d) and implicit_take(d, spec.key):
        return spec.key
    d.say(f"What do you want to {verb} {the(d, thing)} with?")
    return None


def unlock(d: Draft, cmd: Command) -> None:
    """UNLOCK X [WITH Y]."""
    thing = cmd.objs[0]
    if _openable(d, thing) is not None and thing not in d.locked:
        d.say("It isn't locked.")
        return
    if _key_for(d, cmd, "unlock") is None:
        return
    d.discard_from("locked", thing)
    d.actions.append(("unlock", thing))
    d.say(f"You unlock {the(d, thing)}.")


def lock(d: Draft, cmd: Command) -> None:
    """LOCK X [WITH Y]."""
    thing = cmd.objs[0]
    if thing in d.locked:
        d.say("It's already locked.")
        return
    if _key_for(d, cmd, "lock") is None:
        return
    d.discard_from("open", thing)
    d.add_to("locked", thing)
    d.actions.append(("lock", thing))
    d.say(f"You lock {the(d, thing)}.")


def switch(d: Draft, cmd: Command, on: bool) -> None:
    """SWITCH X ON/OFF (light sources)."""
    thing = cmd.objs[0]
    item = d.world.items.get(thing)
    if item is None or not item.light:
        d.say("That's not something you can switch.")
        return
    if (thing in d.lit) == on:
        d.say(f"It's already {'on' if on else 'off'}.")
        return
    was_lit = is_lit(d.world, d)
    if on:
        d.add_to("lit", thing)
    else:
        d.discard_from("lit", thing)
    d.actions.append(("switch_on" if on else "switch_off", thing))
    d.say(f"You switch {the(d, thing)} {'on' if on else 'off'}.")
    if on and not was_lit and is_lit(d.world, d):
        look(d)
    elif not on and was_lit and not is_lit(d.world, d):
        d.say("Darkness closes in around you.", "warning")


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
        d.say("You have nothing to set it alight with, and it wouldn't help.")


def _consume(d: Draft, cmd: Command, drink: bool) -> None:
    """EAT / DRINK X."""
    thing = cmd.objs[0]
    item = d.world.items.get(thing)
    responses = item and (item.drinkable if drink else item.edible)
    if not responses:
        d.say("You can't drink that." if drink else "That's plainly inedible.")
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
        d.say("That's not something you can use.")
        return
    rules = [r.response for r in item.use if r.on == target]
    if rules and respond(d, rules):
        d.actions.append(("use", thing))
        return
    if target and _openable(d, target) is not None and _openable(d, target).key == thing:
        unlock(d, Command("unlock", (target,), thing))
        return
    if rules:
        d.say("Not yet. Something isn't right.")
    elif target:
        d.say(f"You can't see how to use {the(d, thing)} on {the(d, target)}.")
    else:
        d.say(f"You'll have to say what to use {the(d, thing)} on.")


def throw(d: Draft, cmd: Command) -> None:
    """THROW X [AT Y]."""
    thing = cmd.objs[0]
    if thing not in d.world.items or not carried(d.world, d, thing):
        d.say("You aren't holding that.")
        return
    d.move_item(thing, d.location)
    d.discard_from("worn", thing)
    d.actions.append(("throw", thing))
    if cmd.obj2:
        d.say(f"{cap(the(d, thing))} bounces off {the(d, cmd.obj2)} and lands at your feet.")
    else:
        d.say(f"{cap(the(d, thing))} clatters to the ground.")
