"""A winning deadline lets the search leave the turn count out of its states, soundly."""

from __future__ import annotations

from game.authoring.deadline import find_deadline
from game.authoring.relevance import inert_items
from game.authoring.winnable import search, winning_endings
from game.engine import new_game, step
from game.model import load_world

WORLD = """
game: {title: T}
player:
  start: yard
  condition:
    initial: well
    states: {well: {label: Well}, sick: {label: Sick}}
    transitions:
      - {from: sick, to: well, when: {flag: never}}
endings:
  dawn: {title: Dawn, kind: tragic}
  dead: {title: Dead, kind: death}
  out: {title: Out, kind: victory}
events:
  dawn: {on: {turn: DEADLINE}, do: [{end: dawn}]}
  poisoned: {on: {action: drink, object: vial}, do: [{set: poisoned}]}
  dies: {on: {every: 1}, when: {at_least: {poison_turns: 3}}, do: [{end: dead}]}
  ticks: {on: {every: 1}, once: false, when: {flag: poisoned}, do: [{add: {poison_turns: 1}}]}
rooms:
  yard: {name: Yard, description: A yard., exits: {east: shed, north: gate}}
  shed: {name: Shed, description: A shed., exits: {west: yard}}
  gate: {name: Gate, description: A gate., exits: {south: yard}}
items:
  vial: {name: vial, description: A vial., location: shed, drinkable: {say: Bitter.}}
"""


def _world(tmp_path, deadline: int = 40, extra: str = ""):
    (tmp_path / "w.yaml").write_text(
        WORLD.replace("DEADLINE", str(deadline)) + extra, encoding="utf-8"
    )
    return load_world([tmp_path])


def test_the_deadline_is_found_only_when_it_wins(tmp_path):
    world = _world(tmp_path)
    found = find_deadline(world, winning_endings(world))
    assert (found.turn, found.endings) == (40, frozenset({"dawn"}))
    assert find_deadline(world, winning_endings(world, ("victory",))).turn == 0


def test_without_the_turn_count_each_state_is_explored_once(tmp_path):
    world = _world(tmp_path)
    free = search(world, seconds=60)
    timed = search(world, seconds=60, wins=("out",))  # the deadline is a loss: turns count
    assert free.complete and timed.complete
    assert free.states * 5 < timed.states, (free.states, timed.states)


def test_a_forced_death_before_the_deadline_is_a_softlock(tmp_path):
    world = _world(tmp_path)
    result = search(world, seconds=60)
    assert result.complete
    assert "dawn" in result.endings
    assert result.endings["dawn"] == ("wait",) * 40
    paths = [s.path for s in result.softlocks]
    assert paths == [("east", "drink vial")], paths


def test_the_deadline_path_is_real(tmp_path):
    world = _world(tmp_path, 12)
    result = search(world, seconds=60)
    state, _ = new_game(world, 1)
    for command in result.endings["dawn"]:
        state = step(world, state, command).state
    assert state.ending == "dawn"


def test_an_exit_closed_by_the_clock_is_not_a_deadline(tmp_path):
    extra = "  closes: {on: {turn: 5}, do: [{set: gate_shut}]}\n"
    world = _world(tmp_path, extra="")
    assert find_deadline(world, winning_endings(world)).turn
    text = WORLD.replace("DEADLINE", "40").replace("events:\n", "events:\n" + extra)
    text = text.replace("north: gate}", "north: {to: gate, when: {not: {flag: gate_shut}}}}")
    (tmp_path / "w.yaml").write_text(text, encoding="utf-8")
    assert find_deadline(load_world([tmp_path]), frozenset({"dawn"})).turn == 0


def test_a_wait_event_does_not_make_every_item_matter(tmp_path):
    extra = "  night: {on: {action: wait}, do: [{set: night}]}\n"
    text = WORLD.replace("DEADLINE", "40").replace("events:\n", "events:\n" + extra)
    text = text.replace("north: gate}", "north: {to: gate, when: {flag: night}}}")
    text += "  stone: {name: stone, description: A stone., location: yard}\n"
    (tmp_path / "w.yaml").write_text(text, encoding="utf-8")
    assert "stone" in inert_items(load_world([tmp_path]))
    text = text.replace("action: wait}", "action: drop}")  # dropping anything sets it off
    (tmp_path / "w.yaml").write_text(text, encoding="utf-8")
    assert "stone" not in inert_items(load_world([tmp_path]))


def test_rebasing_keeps_every_clock_a_rule_reads(tmp_path):
    """A state moved earlier by whole periods has the same key and plays the same."""
    from game.authoring.deadline import Deadline
    from game.authoring.statekey import key_function
    from game.engine.frozen import FrozenMap
    from game.model.record import evolve

    world = _world(tmp_path, 400)
    state, _ = new_game(world, 1)
    for command in ("east", "drink vial"):
        state = step(world, state, command).state
    late = evolve(
        state,
        turn=state.turn + 300,
        condition_since=state.condition_since + 300,
        char_since=FrozenMap({c: t + 300 for c, t in state.char_since.items()}),
        timers=FrozenMap({"dies": state.turn + 297}),
    )
    early = Deadline(400, frozenset({"dawn"}), 1).rebase(late)
    assert early.turn < late.turn
    key = key_function(world, free_turn=True)
    assert key(early) == key(late)
    assert early.turn - early.timers["dies"] == 3
    assert early.turn - early.condition_since == late.turn - late.condition_since
