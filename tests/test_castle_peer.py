"""The Inform castle re-authored in our YAML plays the peer's 200-command loop back to its start."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import GameState, new_game, step
from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
CASTLE = ROOT / "bench" / "peers" / "castle"
LOOP = ROOT / "bench" / "peers" / "inform" / "loop.cmds"

# What the loop changes and then puts back: where things are, doors, lamps, people.
WORLD_FIELDS = (
    "location",
    "places",
    "open",
    "locked",
    "lit",
    "worn",
    "char_states",
    "char_places",
    "flags",
    "phase",
    "ending",
    "score",
)

# Loop lines (1-based) that dfrotz refuses on bench.inf ("You can't go that way", "You can't
# see any such thing", "You already have that"): they must change nothing here either.
REFUSED_BY_INFORM = (106, 109, 110, 111, 112, 114, 115, 142, 143, 146, 147, 150, 193)


def world_part(state: GameState) -> tuple:
    """The parts of a state that describe the world rather than the session."""
    return tuple(getattr(state, name) for name in WORLD_FIELDS)


@pytest.fixture(scope="module")
def castle():
    """The castle world, loaded once."""
    return load_world([CASTLE])


@pytest.fixture(scope="module")
def loop() -> list[str]:
    """The peer's 200 commands."""
    return [line for line in LOOP.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_reply_is_said_and_the_world_returns_to_its_start(castle, loop):
    """Twice round the loop: every command gets words back, and the world ends where it began."""
    state, _ = new_game(castle, 1)
    start = world_part(state)
    for lap in (1, 2):
        for number, command in enumerate(loop, 1):
            turn = step(castle, state, command)
            text = "".join(paragraph.text for paragraph in turn.output).strip()
            assert text, f"lap {lap}, line {number} ({command!r}) got an empty reply"
            state = turn.state
        assert world_part(state) == start, f"lap {lap} did not bring the world back"
    assert state.turn > len(loop), "the loop's commands must take game time"


def test_the_loop_goes_everywhere_and_moves_everything(castle, loop):
    """The loop is not idle: it reaches every room (the vault too) and takes every portable."""
    state, _ = new_game(castle, 1)
    rooms_seen = {state.location}
    for command in loop:
        state = step(castle, state, command).state
        rooms_seen.add(state.location)
    assert rooms_seen == set(castle.rooms)
    portable = {i for i, item in castle.items.items() if item.portable}
    assert portable <= state.moved, f"never taken: {sorted(portable - state.moved)}"


def test_what_inform_refuses_changes_nothing_and_the_rest_acts(castle, loop):
    """Lines Inform refuses leave the world alone here; the vault door is unlocked and relocked."""
    state, _ = new_game(castle, 1)
    door_states = []
    for number, command in enumerate(loop, 1):
        after = step(castle, state, command).state
        if number in REFUSED_BY_INFORM:
            assert world_part(after) == world_part(state), f"line {number} ({command!r}) acted"
        door_states.append("iron_door" in after.locked)
        state = after
    assert False in door_states and door_states[-1] is True
