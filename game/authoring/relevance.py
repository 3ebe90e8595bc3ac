"""Which flags and effects matter to puzzles, and which only change what the player reads.

A flag matters when some condition that reads it decides whether something that matters
happens: a move, an item changing hands, a state, an ending — or another flag that
matters. A flag only read to pick a line of text (a menu option that only chats, a
description variant) does not; the winnability search leaves such flags out of its states.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.authoring.rules import TEXT_ONLY, walk_conditions, world_rules
from game.model import Condition, Effect, World

FLAG_OPS = frozenset({"set", "unset", "add"})
FLAG_TESTS = frozenset({"flag", "at_least", "at_most"})


def _flags_in(conditions: Iterable[Condition]) -> set[str]:
    """The flags conditions read (nested ones too)."""
    return {c.args[0] for c in walk_conditions(tuple(conditions)) if c.op in FLAG_TESTS}


def meaningful(effects: Iterable[Effect], flags: frozenset[str]) -> bool:
    """Whether effects change more than text, the score, and flags that do not matter."""
    for effect in effects:
        if effect.op in TEXT_ONLY:
            continue
        if effect.op in FLAG_OPS and effect.args[0] not in flags:
            continue
        return True
    return False


def relevant_flags(world: World) -> frozenset[str]:
    """The flags that can decide something that matters (a fixpoint)."""
    flags: set[str] = set()
    for room in world.rooms.values():
        flags |= _flags_in(room.dark_when)  # light decides what can be seen and taken
        for exit_ in room.exits:
            flags |= _flags_in(exit_.when)
            if exit_.hidden_until:
                flags.add(exit_.hidden_until)
    machines = [world.player.condition, *(c.machine for c in world.characters.values())]
    for machine in machines:
        for transition in machine.transitions:
            flags |= _flags_in(transition.when)
    for char in world.characters.values():
        for node in char.talk.values():
            for choice in node.choices:
                if choice.goto not in ("", "end", node.id):  # it leads somewhere else
                    flags |= _flags_in(choice.when)
    groups: dict[str, list] = {}
    for rule in world_rules(world):
        groups.setdefault(rule.group or rule.owner, []).append(rule)
    triggers = {e.id: e.trigger.a for e in world.events.values() if e.trigger.kind == "flag"}
    while True:
        before = len(flags)
        frozen = frozenset(flags)
        for group_id, rules in groups.items():
            if any(meaningful(rule.effects, frozen) for rule in rules):
                for rule in rules:
                    flags |= _flags_in(rule.when)
                event_id = group_id.removeprefix("event:")
                if group_id.startswith("event:") and event_id in triggers:
                    flags.add(triggers[event_id])
        if len(flags) == before:
            return frozenset(flags)


def inert_items(world: World) -> frozenset[str]:
    """Portable items whose place no rule reads: no condition or effect names them, they are
    no key, light, container or door, have no use, no `on:`, eating or drinking that matters,
    and no action event waits for them. Carrying them or not changes nothing a puzzle sees,
    so the search leaves them where they are and out of its states.

    None are inert when someone answers GIVE or SHOW in a way that matters (any item given
    triggers that answer), or when an action event that matters waits for any object.
    """
    from game.authoring.rules import all_conditions, all_effects
    from game.engine.moves import phrase

    flags = relevant_flags(world)
    named: set[str] = set()
    for cond in all_conditions(world):
        named.update(a for a in cond.args if isinstance(a, str))
    for effect in all_effects(world):
        named.update(a for a in effect.args if isinstance(a, str))
    for char in world.characters.values():
        if any(meaningful(r.do, flags) for v in ("give", "show") for r in char.on.get(v, ())):
            return frozenset()
    for event in world.events.values():
        if event.trigger.kind == "action" and meaningful(event.do, flags):
            if not event.trigger.b and phrase(event.trigger.a, True):
                return frozenset()  # any thing the verb is said of sets it off
            named.add(event.trigger.b)
    for item in world.items.values():
        spec = item.door or item.container
        if spec is not None and spec.key:
            named.add(spec.key)
        named.update(rule.on for rule in item.use)
    return frozenset(
        item.id
        for item in world.items.values()
        if item.portable
        and item.id not in named
        and not (item.light or item.container or item.door or item.use or item.on)
        and not any(meaningful(r.do, flags) for r in (*item.edible, *item.drinkable))
    )


def needed_items(world: World) -> frozenset[str]:
    """Items the rules can ask for: named by a condition, a key, a light, or part of a use."""
    from game.authoring.rules import all_conditions

    found = {
        a for c in all_conditions(world, puzzles_only=True) for a in c.args if isinstance(a, str)
    }
    for item in world.items.values():
        spec = item.door or item.container
        if spec is not None and spec.key:
            found.add(spec.key)
        if item.light or item.use:
            found.add(item.id)
        found.update(rule.on for rule in item.use)
    return frozenset(found & world.items.keys())
