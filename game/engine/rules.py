"""What happens after an action each turn, in a defined order (see docs/design.md)."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from game.engine import rng
from game.engine.conditions import holds
from game.engine.draft import Draft
from game.engine.effects import run_effects
from game.engine.encounters import countdown as encounter_countdown
from game.engine.encounters import start_encounter
from game.engine.hearing import within_earshot
from game.engine.library import say
from game.engine.machines import take_transition
from game.engine.plan import Auto, TurnPlan, live_autos, live_events, plan_for
from game.model import Event
from game.model.statemachine import Transition
from game.model.world import PER_TURN

MAX_ROUNDS = 5
_FIRING_ORDER = attrgetter("priority", "id")  # the order of TurnPlan.rank


def after_action(d: Draft, previous_room: str, countdown: bool = False) -> None:
    """The rest of the turn, once the command's action is done (and an encounter's countdown)."""
    d.turn += 1
    d.advanced = True
    if d.ended:
        return
    _action_events(d)
    if d.ended:
        return
    plan = d.memo.get("turn plan") or plan_for(d.world)
    _automatic_transitions(d, plan)
    if d.ended:
        return
    _meet_on_arrival(d)
    _move_characters(d, previous_room)
    if d.ended:
        return
    _events(d, plan)
    if countdown and not d.ended and d.encounter is not None:
        encounter_countdown(d)


def _action_events(d: Draft) -> None:
    """Events triggered by what the action did (take, open, ask, …)."""
    events = d.world.events_by_kind.get("action", ())
    if not events or not d.actions:
        return
    for verb, obj in d.actions:
        for event in events:
            trigger = event.trigger
            if trigger.a == verb and (not trigger.b or trigger.b == obj) and holds(d, event.when):
                _fire(d, event)
                if d.ended:
                    return


def _automatic_transitions(d: Draft, plan: TurnPlan) -> None:
    """Timed and conditional transitions: the player's condition first, then characters by id."""
    live = live_autos(plan, d)
    done = -1
    while live:
        for index, owner, autos in live:
            if index <= done:
                continue
            if d.ended:
                return
            done = index
            transition = _due(d, autos, d.char_since.get(owner, 0) if owner else d.condition_since)
            if transition is not None:
                _take(d, owner, transition)
                break  # what it changed may wake or silence the rest: look again
        else:
            return
        live = live_autos(plan, d)


def _take(d: Draft, owner: str, transition: Transition) -> None:
    """Carry out an automatic transition of the player's condition or of a character."""
    if not owner:
        take_transition(d, transition, lambda: d.set_condition(transition.to))
        return
    take_transition(
        d,
        transition,
        lambda: d.set_char_state(owner, transition.to),
        heard=d.char_places.get(owner) == d.location,
        who=owner,
    )


def _due(d: Draft, autos: tuple[Auto, ...], since: int) -> Transition | None:
    """The first automatic transition due now among a state's, if any."""
    turn = d.turn
    for transition, after, rest in autos:
        if after and turn - since < after:
            continue
        if rest is not None and not rest(d):
            continue
        return transition
    return None


def _move_characters(d: Draft, previous_room: str) -> None:
    """Following, routes and wandering; a hostile arrival starts an encounter."""
    world = d.world
    for char_id in world.movers:
        character = world.characters[char_id]
        info = character.machine.states.get(d.char_states[char_id])
        if info is None or not (info.follows or info.route or info.wander):
            continue  # a state that stays put
        here = d.char_places.get(char_id)
        if here == "nowhere" or (d.encounter and d.encounter[0] == char_id):
            continue
        target = _next_room(d, info, here, previous_room)
        if target and target != here:
            _relocate(d, char_id, here, target, info.follows, info.heard_from)


def _meet_on_arrival(d: Draft) -> None:
    """Walking into a room where something hostile waits starts an encounter at once."""
    if d.location not in d.entered or d.encounter is not None:
        return
    characters = d.world.characters
    here = sorted(c for c in d.char_places.keys_with(d.location) if c in characters)
    for char_id in here:
        if _hostile(d, char_id):
            start_encounter(d, char_id)
            return


def _next_room(d: Draft, info, here: str, previous_room: str) -> str:
    """Where a character wants to be this turn."""
    if info.follows and d.location != here and here == previous_room:
        return d.location
    if info.route and d.turn % info.every == 0:
        route = info.route
        index = route.index(here) if here in route else -1
        return route[(index + 1) % len(route)]
    if info.wander and d.turn % info.every == 0:
        d.rng, roll = rng.percent(d.rng)
        if roll >= info.chance:
            return ""
        options = (
            [ex.to for ex in d.world.rooms[here].exits if ex.to in info.wander]
            if here in d.world.rooms
            else []
        )
        if not options:
            return ""
        d.rng, index = rng.choose(d.rng, len(options))
        return options[index]
    return ""


def _relocate(
    d: Draft, char_id: str, here: str, target: str, following: bool, reach: str = ""
) -> None:
    """Move a character, telling the player what they see of it (or hear, within `reach`)."""
    d.char_places = d.char_places.set(char_id, target)
    if following:
        say(d, "follows", char_id)
    elif target == d.location:
        say(d, "arrives", char_id)
        if d.encounter is None and _hostile(d, char_id):
            start_encounter(d, char_id)
    elif here == d.location:
        say(d, "departs", char_id)
    elif reach and (within_earshot(d, here, reach) or within_earshot(d, target, reach)):
        say(d, "heard_moves", char_id)


def _hostile(d: Draft, char_id: str) -> bool:
    """Whether a character's current state is hostile."""
    info = d.world.characters[char_id].machine.states.get(d.char_states[char_id])
    return bool(info and info.hostile and d.world.characters[char_id].encounter)


def _triggered(d: Draft, event: Event) -> bool:
    """Whether an event's trigger matches this turn."""
    trigger = event.trigger
    kind = trigger.kind
    if kind == "enter":
        return trigger.a in d.entered
    if kind == "turn":
        return d.turn == trigger.n
    if kind == "every":
        return d.turn % trigger.n == 0
    if kind == "flag":
        return trigger.a in d.flags_changed
    if kind == "state":
        return (trigger.a, trigger.b) in d.states_entered
    if kind == "condition":
        return d.condition_entered == trigger.a
    return kind == "always"


def _ready(d: Draft, event: Event) -> bool:
    """Whether an event's trigger matches now (a delayed one: whether its wait is over)."""
    return _timer_due(d, event) if event.trigger.after else _triggered(d, event)


def _timer_due(d: Draft, event: Event) -> bool:
    """A delayed event: its clock starts when its moment happens (unless it already runs);
    it is due once `after` turns have passed, and stays due until its condition holds."""
    since = d.timers.get(event.id)
    if since is None:
        if _triggered(d, event) and not (event.once and event.id in d.fired):
            d.timers = d.timers.set(event.id, d.turn)
        return False
    return d.turn - since >= event.trigger.after


def _keyed(d: Draft) -> list[Event]:
    """The events whose trigger names something that happened this turn (room entered, flag
    set, state or condition entered)."""
    by_key = d.world.events_by_key
    found: list[Event] = []
    for room in d.entered:
        found += by_key.get(("enter", room), ())
    for flag in d.flags_changed:
        found += by_key.get(("flag", flag), ())
    for char, state in d.states_entered:
        found += by_key.get(("state", f"{char}:{state}"), ())
    if d.condition_entered:
        found += by_key.get(("condition", d.condition_entered), ())
    if d.timers:  # delayed events whose clock runs
        events = d.world.events
        found += [events[event_id] for event_id in d.timers]
    return found


def _candidates(plan: TurnPlan, keyed: list[Event], events: Sequence[Event]) -> Sequence[Event]:
    """The keyed events and the given per-turn ones, in (priority, id) order."""
    if not keyed:
        return events
    unique = {event.id: event for event in (*keyed, *events)}
    return sorted(unique.values(), key=_FIRING_ORDER)  # plan.rank's order, compared in C


def _events(d: Draft, plan: TurnPlan) -> None:
    """Fire the turn's events in (priority, id) order, for a few rounds while things change.

    Until something fires in a round, a per-turn event whose guard failed is skipped without
    a look (the guards' results only change when the slow state does); after that, every
    candidate is checked in full against the changed state.
    """
    fired_now: set[str] = set()
    for _ in range(MAX_ROUNDS):
        if not _round(d, plan, _keyed(d), fired_now) or d.ended:
            return


def _round(d: Draft, plan: TurnPlan, keyed: list[Event], fired_now: set[str]) -> bool:
    """One round; True when something fired. Until the first event fires only live per-turn
    events (guard passing) can, so only those are looked at beside the keyed ones; from it on,
    every later candidate's whole condition is checked against the changed state."""
    rules = plan.rules
    turn = d.turn
    for event in _candidates(plan, keyed, live_events(plan, d)):
        trigger = event.trigger
        kind = trigger.kind
        if kind == "every":  # the per-turn triggers, tested inline (most turns, most fail here)
            if turn % trigger.n:
                continue
        elif kind == "turn":
            if turn != trigger.n:
                continue
        elif kind != "always" and not _ready(d, event):
            continue
        event_id = event.id
        if event_id in fired_now or (event.once and event_id in d.fired):
            continue
        rule = rules[event_id]
        check = rule.rest if kind in PER_TURN else rule.whole
        if check is not None and not check(d):
            continue
        fired_now.add(event_id)
        _fire(d, event)
        if not d.ended:
            at = plan.rank[event_id]
            later = [e for e in _candidates(plan, keyed, plan.per_turn) if plan.rank[e.id] > at]
            _check_all(d, plan, later, fired_now)
        return True
    return False


def _check_all(d: Draft, plan: TurnPlan, candidates: Sequence[Event], fired_now: set[str]) -> None:
    """The rest of a round once something fired: every candidate checked in full."""
    rules = plan.rules
    for event in candidates:
        event_id = event.id
        if event_id in fired_now or (event.once and event_id in d.fired):
            continue
        if not _ready(d, event):
            continue
        whole = rules[event_id].whole
        if whole is not None and not whole(d):
            continue
        fired_now.add(event_id)
        _fire(d, event)
        if d.ended:
            return


def _fire(d: Draft, event: Event) -> None:
    """Carry out an event."""
    if event.once:
        if event.id in d.fired:
            return
        d.fired = d.fired | {event.id}
    if event.id in d.timers:
        d.timers = d.timers.drop(event.id)
    if d.trace:
        say(d, "debug.trace_event", kind="meta", word=event.id)
    d.say(event.say, "event")
    run_effects(d, event.do)
