"""What of the clock a world's rules can tell apart, and a state's key modulo the rest.

Two states that differ only in parser memory (undo history, pronouns, a pending question,
AGAIN, OOPS, verbosity, hints shown) or in a turn count no rule can tell apart play the
same: `outcome_key` gives them the same key.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from game.engine.state import GameState
from game.model import Condition, StateMachine, World
from game.model.record import field, fields, has, record

LCM_CAP = 720
MEMORY = frozenset({"history", "pronouns", "pending", "last_command", "oops", "hints", "verbose"})
CLOCK = frozenset({"turn", "condition_since", "char_since", "timers"})


@record
class Clock:
    """The timed rules of a world: how far the turn count matters, periods, `after:` caps."""

    turn_cap: int  # turns beyond this are all alike (0: the turn count never matters)
    period: int  # route/wander/every phase (1: none)
    player_caps: dict[str, int]  # condition -> longest `after:` out of it
    char_caps: dict[str, dict[str, int]]  # character -> state -> longest `after:`
    delays: dict[str, int] = field(factory=dict)  # delayed event -> its `on: {after: n}`

    def key(self, s: GameState) -> tuple:
        """The part of the clock that some rule can read."""
        out: tuple = ()
        if self.turn_cap:
            out += (min(s.turn, self.turn_cap),)
        if self.period > 1:
            out += (s.turn % self.period,)
        cap = self.player_caps.get(s.condition, 0)
        if cap:
            out += (min(s.turn - s.condition_since, cap),)
        for char, caps in self.char_caps.items():
            cap = caps.get(s.char_states.get(char, ""), 0)
            if cap:
                out += (min(s.turn - s.char_since.get(char, 0), cap),)
        if s.timers:  # which delayed events wait, and how far each one's wait has gone
            delays = self.delays
            out += (
                tuple(sorted((e, min(s.turn - t, delays.get(e, 0))) for e, t in s.timers.items())),
            )
        return out


def _conditions(node: object, seen: set[int]) -> Iterator[Condition]:
    """Every condition anywhere inside a world's definitions (nested ones too)."""
    if isinstance(node, Condition):
        yield node
        for arg in node.args:
            yield from _conditions(arg, seen)
    elif isinstance(node, (tuple, list, frozenset, set)):
        for part in node:
            yield from _conditions(part, seen)
    elif isinstance(node, dict):
        for part in node.values():
            yield from _conditions(part, seen)
    elif has(type(node)):
        if id(node) in seen:
            return
        seen.add(id(node))
        for field in fields(type(node)):
            yield from _conditions(getattr(node, field.name), seen)


def world_conditions(world: World) -> list[Condition]:
    """Every condition a world's rules, descriptions and hints can test."""
    parts = (world.player, world.rooms, world.items, world.characters, world.events, world.hints)
    return list(_conditions(parts, set()))


def _after_caps(machine: StateMachine) -> dict[str, int]:
    """For each state, the longest `after:` of a transition out of it."""
    caps: dict[str, int] = {}
    for transition in machine.transitions:
        if transition.after:
            for state in transition.sources or machine.states:
                if state != transition.to:
                    caps[state] = max(caps.get(state, 0), transition.after)
    return caps


def make_clock(world: World) -> Clock:
    """Read a world's timed rules."""
    cap = 0
    period = 1
    for event in world.events.values():
        if event.trigger.kind == "turn":
            cap = max(cap, event.trigger.n + 1)
        elif event.trigger.kind == "every":
            period = min(math.lcm(period, event.trigger.n), LCM_CAP)
    for cond in world_conditions(world):
        if cond.op == "turn_at_least":
            cap = max(cap, cond.args[0] + 1)
    for char in world.characters.values():
        for info in char.machine.states.values():
            if (info.route or info.wander) and info.every > 1:
                period = min(math.lcm(period, info.every), LCM_CAP)
    chars = {c.id: _after_caps(c.machine) for c in world.characters.values()}
    delays = {e.id: e.trigger.after for e in world.events.values() if e.trigger.after}
    return Clock(
        cap,
        period,
        _after_caps(world.player.condition),
        {c: v for c, v in chars.items() if v},
        delays,
    )


_CLOCKS: dict[int, tuple[World, Clock]] = {}
KEPT = tuple(f.name for f in fields(GameState) if f.name not in MEMORY | CLOCK)


def clock_of(world: World) -> Clock:
    """The world's clock, computed once per world."""
    found = _CLOCKS.get(id(world))
    if found is None or found[0] is not world:
        if len(_CLOCKS) > 8:
            _CLOCKS.clear()
        found = _CLOCKS[id(world)] = (world, make_clock(world))
    return found[1]


def outcome_key(world: World, state: GameState) -> tuple:
    """A state without parser memory and with only the clock its rules can read."""
    return (*(getattr(state, name) for name in KEPT), clock_of(world).key(state))


__all__ = ["Clock", "clock_of", "make_clock", "outcome_key", "world_conditions"]
