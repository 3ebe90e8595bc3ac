"""The engine's shortcuts give exactly what the plain computations give."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.engine import new_game, state_to_data, status, status_line, step, valid_actions
from game.engine.canon import state_text
from game.engine.frozen import FrozenMap
from game.engine.serial import state_delta
from game.model import load_world
from game.saves.history import delta

ROOT = Path(__file__).resolve().parent.parent


def _reverse_index(mapping: dict) -> dict:
    """Keys by value, in insertion order, computed the plain way."""
    found: dict = {}
    for key, value in mapping.items():
        found.setdefault(value, []).append(key)
    return {value: tuple(keys) for value, keys in found.items()}


@given(
    st.lists(st.tuples(st.integers(0, 12), st.sampled_from("abcde")), max_size=60),
    st.integers(0, 60),
)
def test_frozen_map_reverse_index_follows_every_change(changes, build_at):
    """keys_with stays right whether the index was built before, during or after the changes."""
    mapping = FrozenMap({f"k{i}": "abcde"[i % 5] for i in range(8)})
    for index, (key, value) in enumerate(changes):
        if index == build_at:
            mapping.keys_with("a")
        mapping = mapping.set(f"k{key}", value)
        expected = _reverse_index(mapping)
        for value_ in "abcdef":
            assert mapping.keys_with(value_) == expected.get(value_, ())


def test_canonical_state_text_is_the_json_of_the_state_data():
    """Over every walkthrough (and an UNDO in each), the cached text equals json.dumps."""
    world = load_world([ROOT / "world"])
    for path in sorted((ROOT / "tests" / "walkthroughs").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        commands = [c for c in lines if c.strip() and not c.startswith("#")]
        state, _ = new_game(world, 3)
        for command in [*commands[:5], "undo", *commands[5:]]:
            state = step(world, state, command).state
            plain = json.dumps(
                state_to_data(state), sort_keys=True, ensure_ascii=False, separators=(",", ":")
            )
            assert state_text(state) == plain, f"{path.name}: {command}"


def _walk_states(world, seed: int, debug: bool = False):
    """Every state along each walkthrough's first 60 lines (an UNDO and a RESTART among them)."""
    for path in sorted((ROOT / "tests" / "walkthroughs").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        commands = [c for c in lines if c.strip() and not c.startswith("#")][:60]
        state, _ = new_game(world, seed, debug=debug)
        for command in [*commands[:5], "undo", *commands[5:30], "restart", *commands[:30]]:
            state = step(world, state, command).state
            yield state


def test_canonical_state_text_holds_the_debugging_marks():
    """A game played with debugging verbs on: the text still equals json.dumps of its data."""
    world = load_world([ROOT / "world"])
    for state in _walk_states(world, 5, debug=True):
        plain = json.dumps(
            state_to_data(state), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        assert '"debug":true' in plain
        assert state_text(state) == plain


def test_state_delta_is_the_delta_of_the_data():
    """The delta read from two states equals the delta of their data, for every history pair."""
    world = load_world([ROOT / "world"])
    for debug in (False, True):
        for state in _walk_states(world, 2, debug=debug):
            newer = state
            for older in state.history[:3]:
                expected = delta(state_to_data(newer), state_to_data(older))
                assert state_delta(newer, older) == expected
                newer = older


def test_status_line_is_the_status_lines_text_and_change_key():
    """status_line gives Status.line() and the fields a change of line means, in every state
    along the walkthroughs (conditions, timers, darkness and endings among them)."""
    world = load_world([ROOT / "world"])
    for state in _walk_states(world, 4):
        now = status(world, state)
        key = f"{now.location}|{now.region}|{now.time}|{now.condition_label}|{now.turns_left}|{now.score}"
        assert status_line(world, state) == (now.line(), key)


def test_status_line_follows_timed_conditions_and_endings():
    """On the mini world: a bite that turns in 3 turns, the dark corridor, a death ending,
    then a random walk: status_line equals Status.line() and its change key throughout."""
    world = load_world([ROOT / "tests" / "worlds" / "mini"])
    to_corridor = ["e", "open locker", "take torch", "w", "unlock gate with rusty key", "n", "n"]
    scripts = [
        [*to_corridor, "z", "z", *["z"] * 8],  # bitten, turning, half-bie
        [*to_corridor, "fight", "look", "undo", "flee"],  # devoured, then taken back
    ]
    rnd = random.Random(11)
    seen_timer = seen_end = False
    for script in scripts:
        state, _ = new_game(world, 3)
        for command in [*script, *([""] * 30)]:
            actions = valid_actions(world, state) or ["undo"]
            state = step(world, state, command or rnd.choice(actions)).state
            now = status(world, state)
            key = f"{now.location}|{now.region}|{now.time}|{now.condition_label}|{now.turns_left}|{now.score}"
            assert status_line(world, state) == (now.line(), key)
            seen_timer = seen_timer or now.turns_left is not None
            seen_end = seen_end or state.ending is not None
    assert seen_timer and seen_end  # the walk reached what this test is about
