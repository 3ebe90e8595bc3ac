"""A world's turn rules prepared once, and re-checked only when what they read has changed.

Every automatic transition and per-turn event condition is split into a *guard* (its leading
tests of slow-changing state: flags, the player's condition, character states, open and locked
things) and the rest. Which guards pass is a pure function of those few fields, so it is
computed once per distinct value of them (compared by identity, as the state shares unchanged
maps) and looked up on every other turn. Evaluation order and RNG draws are unchanged: a guard
is only ever a prefix of the condition list, and never contains `chance`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from game.engine.conditions import Check, check_for
from game.engine.draft import Draft
from game.engine.memo import memo_for
from game.model import Condition, Event, StateMachine, World
from game.model.record import field, record
from game.model.statemachine import Transition

SLOW_TESTS = frozenset(
    {"flag", "at_least", "at_most", "condition", "state", "is_open", "is_locked"}
)
NESTED = frozenset({"not", "any", "all"})

# (transition, turns it waits for or 0, the rest of its condition or None)
Auto = tuple[Transition, int, Check | None]


@record
class Rule:
    """A condition split into a guard (slow state only) and the rest, plus the whole."""

    guard: Check | None
    rest: Check | None
    whole: Check | None


@record
class TurnPlan:
    """What the end of a turn needs from a world, looked up instead of searched."""

    # (owner, state -> [(transition, after, rule)]): the player ("") first, then characters by id
    owners: tuple[tuple[str, Mapping[str, tuple[tuple[Transition, int, Rule], ...]]], ...]
    per_turn: tuple[Event, ...]  # always / every / turn events, in firing order
    rank: Mapping[str, int]  # event id -> firing order, by (priority, id)
    rules: Mapping[str, Rule]  # event id -> its condition, split
    live: dict = field(factory=dict, eq=False)  # the last guard results, by slow key


def plan_for(world: World) -> TurnPlan:
    """The world's plan (built once per world)."""
    memo = memo_for(world)
    plan = memo.get("turn plan")
    if plan is None:
        plan = memo["turn plan"] = _build(world)
        plan.live["guard flags"] = _guard_flags(world)
    return plan


FLAG_TESTS = frozenset({"flag", "at_least", "at_most"})  # tests whose first argument is a flag


def _guard_flags(world: World) -> frozenset[str]:
    """Every flag a guard reads (of the automatic transitions and the per-turn events)."""
    lists = [event.when for event in world.events_by_kind.get("per_turn", ())]
    machines = [world.player.condition, *(world.characters[c].machine for c in world.self_changing)]
    lists += [t.when for machine in machines for t in machine.transitions]
    found: set[str] = set()
    for conditions in lists:
        for condition in conditions:
            if not _slow(condition):
                break  # the guard is the slow prefix only
            _flags_read(condition, found)
    return frozenset(found)


def _flags_read(condition: Condition, found: set[str]) -> None:
    """Add the flags a slow test reads (nested tests included)."""
    if condition.op in NESTED:
        parts = condition.args[0]
        for group in [parts] if condition.op == "not" else parts:
            for inner in group:
                _flags_read(inner, found)
    elif condition.op in FLAG_TESTS:
        found.add(condition.args[0])


def _only_unread_flags_moved(plan: TurnPlan, old: tuple, new: tuple) -> bool:
    """Whether two slow keys differ only in flags no guard reads (so every guard answers the
    same): the usual case when a turn adds to a counter or sets a story flag."""
    if old[1:] != new[1:]:
        return False
    before, after = old[0], new[0]
    return all(before.get(flag, 0) == after.get(flag, 0) for flag in plan.live["guard flags"])


def _build(world: World) -> TurnPlan:
    """Prepare every automatic transition and event of a world."""
    ordered = sorted(world.events.values(), key=lambda e: (e.priority, e.id))
    per_turn = tuple(world.events_by_kind.get("per_turn", ()))
    owners = [("", _by_state(world, world.player.condition))]
    owners += [(c, _by_state(world, world.characters[c].machine)) for c in world.self_changing]
    return TurnPlan(
        owners=tuple((owner, by_state) for owner, by_state in owners if by_state),
        per_turn=per_turn,
        rank={event.id: index for index, event in enumerate(ordered)},
        rules={event.id: _rule(world, event.when) for event in ordered},
    )


def _by_state(world: World, machine: StateMachine) -> dict:
    """For each state, the automatic transitions that can leave it, in declared order."""
    found: dict = {}
    for state in machine.states:
        autos = tuple(
            (t, t.after, _rule(world, t.when))
            for t in machine.automatic_from(state)
            if t.to != state
        )
        if autos:
            found[state] = autos
    return found


def _slow(condition: Condition) -> bool:
    """Whether a test reads only slow-changing state (and draws nothing from the RNG)."""
    if condition.op in NESTED:
        parts = condition.args[0]
        groups = [parts] if condition.op == "not" else parts
        return all(_slow(c) for group in groups for c in group)
    return condition.op in SLOW_TESTS


def _rule(world: World, conditions: Sequence[Condition]) -> Rule:
    """Split a condition list into its slow prefix and the rest."""
    conditions = tuple(conditions)
    cut = 0
    while cut < len(conditions) and _slow(conditions[cut]):
        cut += 1
    guard, rest = conditions[:cut], conditions[cut:]
    return Rule(
        guard=check_for(world, guard) if guard else None,
        rest=check_for(world, rest) if rest else None,
        whole=check_for(world, conditions) if conditions else None,
    )


def _slow_key(d: Draft) -> tuple:
    """The fields every guard reads, plus what decides which rules are in play."""
    return (d.flags, d.condition, d.char_states, d.open, d.locked, d.fired)


def live_autos(plan: TurnPlan, d: Draft) -> tuple[tuple[int, str, tuple[Auto, ...]], ...]:
    """(owner index, owner, transitions whose guard passes) for owners in a state that has any."""
    key = _slow_key(d)
    cached = plan.live.get("autos")
    if cached is not None and (cached[0] == key or _only_unread_flags_moved(plan, cached[0], key)):
        plan.live["autos"] = (key, cached[1])  # tuple ==: identity first, then value
        return cached[1]
    found = []
    for index, (owner, by_state) in enumerate(plan.owners):
        autos = by_state.get(d.char_states[owner] if owner else d.condition)
        if not autos:
            continue
        kept = tuple(
            (t, after, rule.rest) for t, after, rule in autos if rule.guard is None or rule.guard(d)
        )
        if kept:
            found.append((index, owner, kept))
    result = tuple(found)
    plan.live["autos"] = (key, result)
    return result


def live_events(plan: TurnPlan, d: Draft) -> tuple[Event, ...]:
    """The per-turn events not yet spent whose guard passes now, in firing order."""
    key = _slow_key(d)
    cached = plan.live.get("events")
    if cached is not None and (cached[0] == key or _only_unread_flags_moved(plan, cached[0], key)):
        plan.live["events"] = (key, cached[1])  # tuple ==: identity first, then value
        return cached[1]
    result = tuple(
        event
        for event in plan.per_turn
        if not (event.once and event.id in d.fired)
        and (plan.rules[event.id].guard is None or plan.rules[event.id].guard(d))
    )
    plan.live["events"] = (key, result)
    return result
