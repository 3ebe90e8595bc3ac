"""Every guarded group of effects in a world, with what must be possible for it to happen."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from game.model import Condition, Effect, Response, World
from game.model.reader import Where


@attrs.frozen
class Rule:
    """Effects that happen when the owner is active and the guard could hold."""

    owner: str  # e.g. "room:yard", "item:key", "character:min", "event:siren", "transition:min"
    needs: tuple[tuple[str, ...], ...]  # activation facts, e.g. ("room", "yard"), ("here", "key")
    when: tuple[Condition, ...]
    effects: tuple[Effect, ...]
    where: Where | None = None
    group: str = ""  # rules of one response list share it: the first whose guard holds is used


def _responses(
    owner: str, needs: tuple, responses: tuple[Response, ...], label: str = ""
) -> Iterator[Rule]:
    """One rule per response, all in one group."""
    group = f"{owner}:{label}"
    for response in responses:
        yield Rule(owner, needs, response.when, response.do, response.where, group)


def world_rules(world: World) -> Iterator[Rule]:
    """All rules of a world (state-machine transitions are handled by the analysis itself)."""
    for room in world.rooms.values():
        for verb, responses in room.on.items():
            yield from _responses(f"room:{room.id}", (("room", room.id),), responses, verb)
    for item in world.items.values():
        near = (("here", item.id),)
        held = (("has", item.id),)
        for verb, responses in item.on.items():
            yield from _responses(f"item:{item.id}", near, responses, verb)
        yield from _responses(f"item:{item.id}", held, item.edible, "eat")
        yield from _responses(f"item:{item.id}", held, item.drinkable, "drink")
        for rule in item.use:
            needs = (*held, ("here", rule.on)) if rule.on else held
            yield from _responses(f"item:{item.id}", needs, (rule.response,), f"use:{rule.on}")
    for char in world.characters.values():
        yield from _character_rules(char)
    for event in world.events.values():
        owner = f"event:{event.id}"
        yield Rule(owner, (("trigger", event.id),), event.when, event.do, event.where, owner)


def _character_rules(char) -> Iterator[Rule]:
    """Topics, talk choices, orders, instead-responses and encounter answers of a character."""
    owner = f"character:{char.id}"
    present = (("here", char.id),)
    for topic in char.topics:
        yield from _responses(owner, present, topic.replies, f"topic:{topic.id}")
    for node in char.talk.values():
        for n, choice in enumerate(node.choices):
            yield Rule(
                owner, present, choice.when, choice.do, char.where, f"{owner}:talk:{node.id}:{n}"
            )
    for verb, responses in char.orders.items():
        yield from _responses(owner, present, responses, f"order:{verb}")
    for verb, responses in char.on.items():
        yield from _responses(owner, present, responses, f"on:{verb}")
    if char.encounter is not None:
        enc = char.encounter
        answers = {"flee": enc.flee, "hide": enc.hide, "fight": enc.fight, "timeout": enc.timeout}
        for label, responses in answers.items():
            yield from _responses(owner, (("encounter", char.id),), responses, label)


def walk_conditions(conditions: tuple[Condition, ...]) -> Iterator[Condition]:
    """Every condition, including those nested in not/any/all."""
    for cond in conditions:
        yield cond
        if cond.op == "not":
            yield from walk_conditions(cond.args[0])
        elif cond.op in ("any", "all"):
            for part in cond.args[0]:
                yield from walk_conditions(part)


TEXT_ONLY = frozenset({"say", "event", "warn", "score"})


def changes_state(effects: tuple[Effect, ...]) -> bool:
    """Whether effects do more than show text (and add score)."""
    return any(effect.op not in TEXT_ONLY for effect in effects)


def all_conditions(world: World, puzzles_only: bool = False) -> Iterator[Condition]:
    """Every condition written anywhere in the world (without descriptions and hints if asked)."""
    groups: list[tuple[Condition, ...]] = [rule.when for rule in world_rules(world)]
    for room in world.rooms.values():
        if not puzzles_only:
            groups.extend(v.when for v in room.variants)
        groups.extend(e.when for e in room.exits)
        groups.append(room.dark_when)  # whether a room is dark decides what can be done there
    for machine in _machines(world):
        groups.extend(t.when for t in machine.transitions)
    if not puzzles_only:
        for hint in world.hints.values():
            groups.extend((hint.when, hint.done))
    for group in groups:
        yield from walk_conditions(group)


def all_effects(world: World) -> Iterator[Effect]:
    """Every effect written anywhere in the world."""
    for rule in world_rules(world):
        yield from rule.effects
    for machine in _machines(world):
        for transition in machine.transitions:
            yield from transition.do


def _machines(world: World):
    """The player's condition machine and every character's."""
    yield world.player.condition
    for char in world.characters.values():
        yield char.machine
