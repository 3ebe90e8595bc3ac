"""The part of a game state that matters to puzzles, as a hashable key for the search."""

from __future__ import annotations

import math
from collections.abc import Callable

from game.authoring.lostplaces import collapse_function
from game.authoring.relevance import meaningful, relevant_flags
from game.authoring.rules import all_conditions, walk_conditions
from game.engine import GameState
from game.engine.conditions import holds
from game.engine.draft import Draft
from game.model import StateMachine, World

Key = tuple
LCM_CAP = 120


def key_function(
    world: World, texts: bool = False, free_turn: bool = False
) -> Callable[[GameState], Key]:
    """A function from states to keys: states with equal keys play the same from then on.

    Left out: whether a door no condition asks about is open (walking through opens it),
    the score, the RNG (each path follows the seeded RNG), where a wandering
    character is (only whether it is in the player's room), flags no condition reads,
    rooms visited (except those a condition asks about), events that only show text,
    undo history, pronouns and other parser memory; where an item lies in a room the player
    can never reach again (`lostplaces`). The turn counter is kept only as far as
    timed rules can tell turns apart: a `turn: n` event until it is due, the phase of an
    `every: n` event while its condition holds, the turns spent in a state with an
    `after:` transition out of it, and how long each delayed event (`on: {after: n, …}`) has
    waited. With `free_turn` (a winning deadline, see
    `game.authoring.deadline`) the turn count itself is left out.
    """
    conditions = list(all_conditions(world, puzzles_only=not texts))
    flags_that_matter = relevant_flags(world)
    if texts:  # coverage: flags that only pick a text matter too, and so does every event
        flags_that_matter |= {
            c.args[0] for c in conditions if c.op in ("flag", "at_least", "at_most")
        }
    bounds = _flag_bounds(conditions, flags_that_matter)
    tested_rooms = frozenset(c.args[0] for c in conditions if c.op == "visited")
    if texts:  # a room's `first:` text shows on the first visit only
        tested_rooms |= {r.id for r in world.rooms.values() if r.first}
    relevant = frozenset(
        e.id for e in world.events.values() if texts or meaningful(e.do, flags_that_matter)
    )
    time = _time_function(world, flags_that_matter, free_turn)
    places = collapse_function(world)  # items behind the player's back for good: just lost
    # walking through a door opens it; open or closed only matters if a condition asks
    tested_open = {c.args[0] for c in conditions if c.op == "is_open"}
    plain_doors = frozenset(
        i.id for i in world.items.values() if i.door is not None and i.id not in tested_open
    )
    wanderers = frozenset(
        (c.id, state_id)
        for c in world.characters.values()
        for state_id, info in c.machine.states.items()
        if info.wander
    )

    def places_of_characters(s: GameState):
        """Where characters are; a wanderer only as 'here or not' (its steps are random)."""
        if not wanderers:
            return s.char_places
        return frozenset(
            (c, p == s.location if (c, s.char_states.get(c)) in wanderers else p)
            for c, p in s.char_places.items()
        )

    clamped: dict[int, tuple] = {}  # id(flags map) -> (map, key part); maps are shared a lot

    def flag_part(values) -> frozenset:
        """The flags that matter, clamped to the range conditions can tell apart."""
        found = clamped.get(id(values))
        if found is not None and found[0] is values:
            return found[1]
        part = frozenset(
            (f, min(max(v, bounds[f][0]), bounds[f][1])) for f, v in values.items() if f in bounds
        )
        if len(clamped) > 100_000:
            clamped.clear()
        clamped[id(values)] = (values, part)
        return part

    def key(s: GameState) -> Key:
        flags = flag_part(s.flags)
        return (
            s.location,
            places(s),  # items the search never moves (relevance.inert_items) stay put in it
            s.condition,
            s.char_states,
            places_of_characters(s),
            s.phase,
            s.open - plain_doors if plain_doors else s.open,
            s.locked,
            s.lit,
            s.worn,
            flags,
            s.fired & relevant,
            s.dialogue,
            s.encounter,
            s.ending,
            s.visited & tested_rooms,
            time(s),
        )

    return key


def _flag_bounds(conditions: list, read_flags: frozenset[str]) -> dict[str, tuple[int, int]]:
    """For each read flag, the range outside which no condition can tell values apart.

    A counter only compared with `at_least: 3` is the same at 3 and at 300; clamping it
    keeps a counter that grows every turn from making the search endless.
    """
    bounds = {name: (-1, 1) for name in read_flags}
    for cond in conditions:
        if cond.op in ("at_least", "at_most") and cond.args[0] in bounds:
            name, n = cond.args
            low, high = bounds[name]
            edge = n if cond.op == "at_least" else n + 1
            bounds[name] = (min(low, edge - 1), max(high, edge))
    return bounds


def _time_function(
    world: World, flags: frozenset[str], free_turn: bool = False
) -> Callable[[GameState], tuple]:
    """What of the clock a state's future depends on."""
    turn_cap = 0 if free_turn else _turn_cap(world, flags)
    every = [  # `every: 1` has one phase only: whether it is armed is read off the state itself
        e
        for e in world.events.values()
        if e.trigger.kind == "every" and e.trigger.n > 1 and meaningful(e.do, flags)
    ]
    armed_events = _armed_function(world, every)
    walkers = _walk_period(world)
    player = _after_caps(world.player.condition)
    chars = {c.id: _after_caps(c.machine) for c in world.characters.values()}
    chars = {c: caps for c, caps in chars.items() if caps}
    delays = {
        e.id: e.trigger.after
        for e in world.events.values()
        if e.trigger.after and meaningful(e.do, flags)
    }

    def time(s: GameState) -> tuple:
        out: tuple = ()
        if turn_cap:
            out += (min(s.turn, turn_cap),)
        if walkers > 1:
            out += (s.turn % walkers,)
        if every:
            armed = armed_events(s)
            out += tuple(
                s.turn % e.trigger.n if on else -1 for e, on in zip(every, armed, strict=True)
            )
        cap = player.get(s.condition, 0)
        if cap:
            out += (min(s.turn - s.condition_since, cap),)
        for char_id, caps in chars.items():
            cap = caps.get(s.char_states.get(char_id, ""), 0)
            if cap:
                out += (min(s.turn - s.char_since.get(char_id, 0), cap),)
        if s.timers and delays:  # delayed events waiting, and how far each wait has gone
            out += (
                tuple(
                    sorted(
                        (e, min(s.turn - t, delays[e])) for e, t in s.timers.items() if e in delays
                    )
                ),
            )
        return out

    return time


SIMPLE_TESTS = frozenset({"flag", "at_least", "at_most", "in", "in_region", "not", "any", "all"})


def _armed_function(world: World, every: list) -> Callable[[GameState], tuple[bool, ...]]:
    """Which `every` events could fire now; cached by flags and room when that is all they test."""
    tests = {c.op for e in every for c in walk_conditions(e.when)}
    cache: dict = {}

    def armed(s: GameState) -> tuple[bool, ...]:
        if tests <= SIMPLE_TESTS:
            found = cache.get((s.flags, s.location))
            if found is None:
                draft = Draft(world, s)
                found = cache[(s.flags, s.location)] = tuple(holds(draft, e.when) for e in every)
            return found
        draft = Draft(world, s)
        return tuple(holds(draft, e.when) for e in every)

    return armed


def _turn_cap(world: World, flags: frozenset[str]) -> int:
    """How far the absolute turn counter matters (0: not at all)."""
    cap = 0
    for event in world.events.values():
        if event.trigger.kind == "turn" and meaningful(event.do, flags):
            cap = max(cap, event.trigger.n + 1)
    for cond in all_conditions(world, puzzles_only=True):
        if cond.op == "turn_at_least":
            cap = max(cap, cond.args[0] + 1)
    return cap


def _walk_period(world: World) -> int:
    """The common period of characters walking a route or wandering every n turns."""
    period = 1
    for char in world.characters.values():
        for info in char.machine.states.values():
            if (info.route or info.wander) and info.every > 1:
                period = min(math.lcm(period, info.every), LCM_CAP)
    return period


def _after_caps(machine: StateMachine) -> dict[str, int]:
    """For each state, the longest `after:` of a transition out of it (states with none left out)."""
    caps: dict[str, int] = {}
    for transition in machine.transitions:
        if not transition.after:
            continue
        for state in transition.sources or machine.states:
            if state != transition.to:
                caps[state] = max(caps.get(state, 0), transition.after)
    return caps
