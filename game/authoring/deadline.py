"""A winning deadline: when the only rule that reads the turn count ends the game in a win.

A world whose `turn: n` events that matter all say `end: <a winning ending>` with no
condition, and where no condition reads the turn count, plays the same at every turn
before `n` except that the clock runs out sooner. The search then leaves the turn count out
of its states (each is explored once, not once per turn), and decides winnability with the
deadline in mind: a state still wins if it can reach a winning ending, or if it can stay
alive for ever (the deadline ending comes for it). See `Deadline` for the argument.
"""

from __future__ import annotations

import math

import attrs

from game.authoring.relevance import meaningful, relevant_flags
from game.authoring.rules import all_conditions
from game.engine.frozen import FrozenMap
from game.engine.state import GameState
from game.model import World
from game.model.record import evolve

PERIOD_CAP = 10_000


@attrs.frozen
class Deadline:
    """The turn at which a winning ending comes for every live game, and the clock's period.

    Soundness: nothing but the deadline event reads the absolute turn except through
    `turn % period` (`every:` events, routes and wandering), and the turns spent in a state
    are measured from `condition_since`/`char_since`. So two states equal but for their turn
    (with the same phase modulo `period`) lead to the same states by the same commands until
    the deadline; and shifting a state's turn and its `since` stamps back by a multiple of
    `period` (`rebase`) changes nothing a rule reads but how far the deadline is (every
    turn stamp moves with it: `condition_since`, `char_since`, delayed events' `timers`).
    """

    turn: int  # the first turn at which the deadline ends the game (0: no usable deadline)
    endings: frozenset[str]  # the endings it gives
    period: int  # lcm of every turn period a rule reads (every:, routes, wandering)

    def rebase(self, state: GameState) -> GameState:
        """The same state earlier by a multiple of the period, far enough from the deadline."""
        low = self.turn // 4
        if not self.turn or state.turn < 2 * low:
            return state
        shift = ((state.turn - low) // self.period) * self.period
        if shift <= 0:
            return state
        since = FrozenMap({c: t - shift for c, t in state.char_since.items()})
        timers = FrozenMap({e: t - shift for e, t in state.timers.items()})
        return evolve(
            state,
            turn=state.turn - shift,
            condition_since=state.condition_since - shift,
            char_since=since,
            timers=timers,
        )


NONE = Deadline(0, frozenset(), 1)


def find_deadline(world: World, winning: frozenset[str]) -> Deadline:
    """The world's winning deadline, if it has one the search can use (else `NONE`)."""
    flags = relevant_flags(world)
    turns: list[int] = []
    endings: set[str] = set()
    for event in world.events.values():
        if event.trigger.kind != "turn" or not meaningful(event.do, flags):
            continue
        ends = [e.args[0] for e in event.do if e.op == "end"]
        if event.when or not ends or len(ends) != len(event.do) or ends[0] not in winning:
            return NONE
        turns.append(event.trigger.n)
        endings.add(ends[0])
    if not turns:
        return NONE
    if any(c.op == "turn_at_least" for c in all_conditions(world, puzzles_only=True)):
        return NONE
    period = 1
    for event in world.events.values():
        if event.trigger.kind == "every":
            period = math.lcm(period, event.trigger.n)
    for char in world.characters.values():
        for info in char.machine.states.values():
            if info.route or info.wander:
                period = math.lcm(period, max(info.every, 1))
    first = min(turns)
    if period > PERIOD_CAP or 4 * period > first:
        return NONE
    first_endings = frozenset(
        e.do[0].args[0]
        for e in world.events.values()
        if e.trigger.kind == "turn" and e.trigger.n == first and meaningful(e.do, flags)
    )
    return Deadline(first, first_endings, period)
