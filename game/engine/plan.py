"""A world's turn rules prepared once: automatic transitions by state, events in firing order.

Built on first use and kept in the world's memo, so the per-turn path only looks things up.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from game.engine.conditions import Check, check_for
from game.engine.memo import memo_for
from game.model import Event, StateMachine, World
from game.model.entities import Transition

# (transition, turns it waits for or 0, its compiled condition or None)
Auto = tuple[Transition, int, Check | None]


@attrs.frozen
class TurnPlan:
    """What the end of a turn needs from a world, looked up instead of searched."""

    player: Mapping[str, tuple[Auto, ...]]  # condition state -> transitions that may leave it
    characters: tuple[tuple[str, Mapping[str, tuple[Auto, ...]]], ...]  # in id order
    rank: Mapping[str, int]  # event id -> firing order, by (priority, id)
    checks: Mapping[str, Check | None]  # event id -> compiled `when`


def plan_for(world: World) -> TurnPlan:
    """The world's plan (built once per world)."""
    memo = memo_for(world)
    plan = memo.get("turn plan")
    if plan is None:
        plan = memo["turn plan"] = _build(world)
    return plan


def _build(world: World) -> TurnPlan:
    """Prepare every automatic transition and event of a world."""
    ordered = sorted(world.events.values(), key=lambda e: (e.priority, e.id))
    return TurnPlan(
        player=_by_state(world, world.player.condition),
        characters=tuple(
            (c, _by_state(world, world.characters[c].machine)) for c in world.self_changing
        ),
        rank={event.id: index for index, event in enumerate(ordered)},
        checks={event.id: _check(world, event) for event in ordered},
    )


def _check(world: World, event: Event) -> Check | None:
    """An event's compiled condition, or None when it has none."""
    return check_for(world, event.when) if event.when else None


def _by_state(world: World, machine: StateMachine) -> dict[str, tuple[Auto, ...]]:
    """For each state, the automatic transitions that can leave it, in declared order."""
    found: dict[str, tuple[Auto, ...]] = {}
    for state in machine.states:
        autos = tuple(
            (t, t.after, check_for(world, t.when) if t.when else None)
            for t in machine.automatic_from(state)
            if t.to != state
        )
        if autos:
            found[state] = autos
    return found
