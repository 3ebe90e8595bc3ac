"""Properties of the engine over arbitrary input: no crash, world invariants, determinism, saves."""

from __future__ import annotations

from conftest import MINI, play, world_at
from hypothesis import example, given
from hypothesis import strategies as st

from game.engine import GameState, new_game, state_from_data, state_to_data, step
from game.engine.state import PHASES, without_history
from game.model import NOWHERE, PLAYER, World
from game.model.record import evolve

WORLD = world_at(MINI)

# real commands for the mini world, so random sequences reach its interesting corners
COMMANDS = [
    "look", "i", "n", "s", "e", "w", "d", "u", "z", "x key", "rusty", "brass", "take all",
    "drop all", "take rusty key", "unlock gate", "unlock gate with rusty key", "open gate",
    "close gate", "lock gate with rusty key", "open locker", "close locker", "take torch",
    "switch torch on", "switch torch off", "take all from locker", "put ration in locker",
    "put ration on desk", "take note", "read note", "pull grate", "x han", "talk to han", "1",
    "2", "3", "bye", "ask han about counting", "han, follow me", "flee", "hide", "fight",
    "take tags", "drop them", "take syringe", "use syringe", "eat ration", "go to guard hut",
    "go to checkpoint gate", "go to school yard", "undo", "g", "oops key", "x kye", "hint",
    "exits", "score", "restart", "n. n. take key", "open locker then take torch", "pronouns",
    "put desk in locker", "put locker on desk", "put torch in locker", "drop torch", "take desk",
    "put note in locker", "take all from desk", "put all on desk", "take note from desk",
]  # fmt: skip

ODD_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
COMMAND = st.one_of(st.sampled_from(COMMANDS), st.sampled_from(COMMANDS), ODD_TEXT)
SEQUENCES = st.lists(COMMAND, max_size=30)


def _start_states() -> list[GameState]:
    """A few interesting moments: start, mid-dialogue, mid-encounter, after an ending."""
    torch = ["e", "open locker", "take torch", "w", "unlock gate with rusty key", "n", "n"]
    lines = [[], ["e", "talk to han"], torch, [*torch, "fight"], ["x key"], ["x kye"]]
    return [play(WORLD, line).state for line in lines]


STARTS = _start_states()


def check_invariants(world: World, state: GameState) -> None:
    """The world invariants every reachable state keeps."""
    assert state.location in world.rooms
    assert set(state.places) == set(world.items), "every item has exactly one place"
    for item, where in state.places.items():
        assert where in world.rooms or where in (PLAYER, NOWHERE) or where in world.items, where
        if where in world.items:
            assert world.items[where].container is not None, f"{item} is in a non-container"
    for item in world.items:
        seen = {item}
        where = state.places[item]
        while where in world.items:
            assert where not in seen, f"container cycle through {item}"
            seen.add(where)
            where = state.places[where]
    for char, where in state.char_places.items():
        assert where in world.rooms or where == NOWHERE
        assert state.char_states[char] in world.characters[char].machine.states
    assert state.condition in world.player.condition.states
    assert state.phase in PHASES
    assert (state.phase == "dialogue") == (state.dialogue is not None)
    assert (state.phase == "encounter") == (state.encounter is not None)
    assert (state.phase == "ended") == (state.ending is not None)
    assert len(state.history) <= world.info.undo_limit


def run(world: World, state: GameState, commands: list[str]) -> tuple[GameState, list]:
    """Fold step over commands, checking invariants after each."""
    outputs = []
    for command in commands:
        turn = step(world, state, command)
        state = turn.state
        outputs.append((turn.output, turn.requests))
        check_invariants(world, state)
    return state, outputs


@given(st.sampled_from(STARTS), ODD_TEXT)
@example(STARTS[1], "¹")  # a digit that int() refuses, typed into a talk menu
@example(STARTS[2], "\x00\x1b[2J\u200b")
@example(STARTS[0], "💀 take 💀 key 💀")
def test_arbitrary_text_never_raises(state, text):
    """Any typed text, control characters and emoji included, gets paragraphs, not an exception."""
    turn = step(WORLD, state, text)
    assert isinstance(turn.state, GameState)
    assert all(p.text for p in turn.output) or not turn.output
    check_invariants(WORLD, turn.state)


@given(st.sampled_from(STARTS), st.text(min_size=1, max_size=8), st.sampled_from(COMMANDS))
@example(STARTS[0], "x", "q")
def test_ten_kilobyte_lines_never_raise(state, chunk, command):
    """A 10 kB line (noise, or a real command repeated) is answered without an exception."""
    for line in (chunk * (10_000 // len(chunk) + 1), (command + ". ") * 1000):
        turn = step(WORLD, state, line[:10_000] if line is not None else "")
        assert turn.output or turn.requests  # QUIT answers with a request for the front end
        assert len(turn.requests) <= 1  # a quit or restore ends the line
        check_invariants(WORLD, turn.state)


@given(st.sampled_from(STARTS), SEQUENCES)
@example(STARTS[0], ["e", "open locker", "put desk in locker", "put locker on desk"])
def test_command_sequences_keep_invariants(state, commands):
    """Any mix of real commands and random text keeps the world invariants."""
    run(WORLD, state, commands)


@given(st.integers(min_value=0, max_value=2**32), SEQUENCES)
def test_same_commands_same_result(seed, commands):
    """The same commands from the same state give equal states and equal output."""
    start, opening = new_game(WORLD, seed=seed)
    again, opening_again = new_game(WORLD, seed=seed)
    assert start == again and opening == opening_again
    assert run(WORLD, start, commands) == run(WORLD, again, commands)


@given(st.sampled_from(STARTS), SEQUENCES)
def test_state_data_round_trip(state, commands):
    """state_from_data(state_to_data(s)) gives back s without its undo history."""
    state, _ = run(WORLD, state, commands)
    data = state_to_data(state)
    assert state_from_data(WORLD, data) == evolve(state, history=())


@given(st.sampled_from(STARTS), SEQUENCES, COMMAND)
def test_undo_returns_to_the_state_before_the_line(state, commands, command):
    """After any line that took a turn, UNDO gives back exactly the state before it."""
    before, _ = run(WORLD, state, commands)
    after = step(WORLD, before, command).state
    took_turn = after.history != before.history and after.history[:1] == (without_history(before),)
    if took_turn and len(before.history) < WORLD.info.undo_limit:
        assert step(WORLD, after, "undo").state == before
