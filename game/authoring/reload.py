"""Live reload for authors: load the YAML again and carry the game state over where it can."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from game.engine import GameState
from game.engine.frozen import FrozenMap
from game.engine.state import initial_state
from game.model import NOWHERE, PLAYER, Problem, World
from game.model.loader import read_world
from game.model.record import evolve


def reload_world(
    paths: Iterable[Path | str], state: GameState
) -> tuple[World | None, GameState, list[Problem]]:
    """The reloaded world and the state moved into it; (None, state, problems) on errors.

    The player stays in their room, items stay where they were, characters keep their
    states and places, flags and visits are kept. Whatever no longer exists falls back to
    how the new world starts it. Undo history is dropped (it belongs to the old world).
    """
    world, problems = read_world(paths)
    if world is None or any(p.severity == "error" for p in problems):
        return None, state, problems
    return world, carry_over(world, state), problems


def carry_over(world: World, old: GameState) -> GameState:
    """A state of the new world that keeps as much of the old one as still makes sense."""
    fresh = initial_state(world, old.seed)
    rooms, items, chars = world.rooms, world.items, world.characters

    def place_ok(place: str) -> bool:
        return (
            place in rooms
            or place in (PLAYER, NOWHERE)
            or (place in items and items[place].container is not None)
        )

    places = dict(fresh.places)
    places.update({i: p for i, p in old.places.items() if i in items and place_ok(p)})
    char_states = dict(fresh.char_states)
    char_states.update(
        {c: s for c, s in old.char_states.items() if c in chars and s in chars[c].machine.states}
    )
    char_places = dict(fresh.char_places)
    char_places.update(
        {c: p for c, p in old.char_places.items() if c in chars and (p in rooms or p == NOWHERE)}
    )
    dialogue = old.dialogue
    if dialogue and (dialogue[0] not in chars or dialogue[1] not in chars[dialogue[0]].talk):
        dialogue = None
    encounter = old.encounter if old.encounter and old.encounter[0] in chars else None
    phase = old.phase
    if (phase == "dialogue" and dialogue is None) or (phase == "encounter" and encounter is None):
        phase = "exploring"
    ending = old.ending if old.ending in world.endings else None
    if phase == "ended" and ending is None:
        phase = "exploring"
    conditions = world.player.condition.states
    return evolve(
        old,
        location=old.location if old.location in rooms else fresh.location,
        places=FrozenMap(places),
        condition=old.condition if old.condition in conditions else fresh.condition,
        char_states=FrozenMap(char_states),
        char_places=FrozenMap(char_places),
        char_since=FrozenMap({c: old.char_since.get(c, 0) for c in chars}),
        open=_keep(old.open, items),
        locked=_keep(old.locked, items),
        lit=_keep(old.lit, items),
        worn=_keep(old.worn, items),
        visited=_keep(old.visited, rooms),
        moved=_keep(old.moved, items),
        fired=_keep(old.fired, world.events),
        timers=FrozenMap(
            {
                e: t
                for e, t in old.timers.items()
                if e in world.events and world.events[e].trigger.after
            }
        ),
        dialogue=dialogue,
        encounter=encounter,
        ending=ending,
        phase=phase,
        pending=None,
        pronouns=FrozenMap({k: v for k, v in old.pronouns.items() if v in items or v in chars}),
        history=(),
    )


def _keep(ids: frozenset[str], known) -> frozenset[str]:
    """The ids that still exist."""
    return frozenset(i for i in ids if i in known)
