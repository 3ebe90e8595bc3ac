"""Every action the parser can produce, by name."""

from __future__ import annotations

from collections.abc import Callable

from game.engine.actions import meta, movement, people, senses, things
from game.engine.draft import Draft
from game.engine.parser import Command

Action = Callable[[Draft, Command], None]

WORLD_ACTIONS: dict[str, Action] = {
    "look": senses.look,
    "examine": senses.examine,
    "search": senses.search,
    "read": senses.read,
    "inventory": senses.inventory,
    "take": things.take,
    "take_from": things.take_from,
    "drop": things.drop,
    "insert": things.insert,
    "put_on": things.put_on,
    "remove": things.remove,
    "wear": things.wear,
    "take_off": things.take_off,
    "open": things.open_,
    "close": things.close,
    "lock": things.lock,
    "unlock": things.unlock,
    "switch_on": things.switch_on,
    "switch_off": things.switch_off,
    "light": things.light,
    "eat": things.eat,
    "drink": things.drink,
    "use": things.use,
    "throw": things.throw,
    "go": movement.go,
    "enter": movement.enter,
    "ask": people.ask,
    "tell": people.ask,
    "talk": people.talk,
    "give": people.give,
    "show": people.give,
    "attack": people.attack,
    "self": meta.self_,
    "pry": things.pry,
    "say": people.say_to,
}
for _verb in senses.FLAVOUR:
    WORLD_ACTIONS.setdefault(_verb, senses.flavour)

META_HANDLERS: dict[str, Action] = {
    "exits": movement.exits,
    "help": meta.help_,
    "hint": meta.hint,
    "about": meta.about,
    "score": meta.score,
    "verbose": meta.verbose,
    "brief": meta.brief,
    "normal": meta.normal,
    "version": meta.version,
    "pronouns": meta.pronouns,
    "map": meta.map_,
    "status": meta.status,
    "notify": meta.notify,
    "verify": meta.verify,
    "recording": meta.recording,
    "bye": meta.bye,
    "time": meta.time_,
}
