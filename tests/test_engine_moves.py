"""valid_actions: every listed command changes the state; any other command leads nowhere new.

Commands on several things at once (TAKE ALL) are left out of the sample: they do what the
listed one-thing commands do one after the other, in a single turn.
"""

from __future__ import annotations

from collections import deque

from game.engine import new_game, step
from game.engine.moves import transitions, valid_actions
from game.engine.scope import in_scope
from game.engine.timing import outcome_key
from tests.conftest import play

OTHER_VERBS = (
    "look",
    "inventory",
    "examine {}",
    "take {}",
    "drop {}",
    "open {}",
    "close {}",
    "push {}",
    "pull {}",
    "eat {}",
    "read {}",
    "listen",
    "jump",
    "switch on {}",
    "unlock {}",
    "talk to {}",
    "attack {}",
    "search {}",
    "east",
    "up",
)


def _states(world, limit=40):
    """The first states of the mini world, breadth first through the valid actions."""
    start, _ = new_game(world, 1)
    seen = {outcome_key(world, start)}
    queue = deque([start])
    out = []
    while queue and len(out) < limit:
        state = queue.popleft()
        out.append(state)
        for _, turn in transitions(world, state):
            key = outcome_key(world, turn.state)
            if key not in seen:
                seen.add(key)
                queue.append(turn.state)
    return out


def _samples(world, state):
    """Other commands a player might type here, with every word for the things in reach."""
    words = []
    for thing in in_scope(world, state):
        obj = world.items.get(thing) or world.characters.get(thing)
        words += sorted(obj.nouns)[:1]
    commands = [v for v in OTHER_VERBS if "{}" not in v]
    commands += [v.format(w) for v in OTHER_VERBS if "{}" in v for w in words]
    return commands


def test_listed_actions_change_the_state_and_others_lead_nowhere_new(mini_world):
    """The list is exact: each entry changes the state, and a sample of other commands
    only does what one entry (or WAIT, or nothing) does."""
    world = mini_world
    for state in _states(world):
        listed = transitions(world, state)
        before = outcome_key(world, state)
        waited = outcome_key(world, step(world, state, "wait").state)
        outcomes = {outcome_key(world, turn.state) for _, turn in listed}
        for command, turn in listed:
            assert outcome_key(world, turn.state) != before, command
        for command in _samples(world, state):
            after = outcome_key(world, step(world, state, command).state)
            assert after in outcomes | {before, waited}, (state.location, command)


def test_order_is_stable_and_the_first_moves_are_listed(mini_world):
    """Same state, same list; the start offers the exits and taking the keys."""
    start, _ = new_game(mini_world, 1)
    first = valid_actions(mini_world, start)
    assert first == valid_actions(mini_world, start)
    assert "take rusty key" in first and "take brass key" in first
    assert "pull grate" in first


def test_the_light_source_can_be_dropped_and_switched_off(mini_world):
    """The engine's own rules (light) make dropping a light source a move like any other."""
    played = play(mini_world, ["e", "open locker", "take torch", "switch on torch"])
    actions = valid_actions(mini_world, played.state)
    assert "drop torch" in actions and "switch off torch" in actions
