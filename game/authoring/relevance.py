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
