"""The debugging verbs: only with --debug, what each shows and changes, saves marked, the guide's example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.engine import new_game, state_from_data, state_to_data, step
from game.model import load_world
from game.saves.session import Session

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "tests" / "worlds" / "authoring" / "tutorial"
DOC = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def world():
    """The tutorial world of docs/authoring.md."""
    return load_world([TUTORIAL])


def play(world, lines, debug=True):
    """Play lines from a new game; the last state and every turn's text."""
    state, _ = new_game(world, 1, debug=debug)
    texts = []
    for line in lines:
        turn = step(world, state, line)
        state = turn.state
        texts.append(turn.text)
    return state, texts


@pytest.mark.parametrize(
    "line",
    [
        "purloin brass key",
        "gonear pump house",
        "showme mrs oh",
        "flags",
        "set x 3",
        "pending",
        "trace on",
        "debug",
    ],
)
def test_without_the_flag_the_verbs_do_not_exist(world, line):
    """A game begun without debugging treats every debugging verb as an unknown word."""
    state, (text,) = play(world, [line], debug=False)
    assert "know the word" in text or "not a verb" in text
    assert state.flags.get("x", 0) == 0 and state.places["brass_key"] == "nowhere"


def test_purloin_and_gonear_change_the_state_and_undo_takes_them_back(world):
    """PURLOIN brings the key, GONEAR moves you; no turn passes; UNDO takes each back."""
    state, texts = play(world, ["purloin brass_key", "gonear pump house"])
    assert state.places["brass_key"] == "player" and state.location == "pump_house"
    assert state.turn == 0 and "hum" not in texts[1]  # no time, no enter event
    undone = step(world, state, "undo").state
    assert undone.location == "pump_yard" and undone.places["brass_key"] == "player"


def test_set_flags_and_clearing(world):
    """SET with and without a number, and 0 clearing it."""
    state, texts = play(world, ["set a", "set b 5", "set a 0", "flags", "set b x"])
    assert dict(state.flags) == {"b": 5}
    assert texts[3] == "b = 5" and texts[4].startswith("Usage")


def test_unknown_names_are_said_plainly(world):
    """A name that is nothing in the world is refused by name."""
    _, (text,) = play(world, ["gonear the moon"])
    assert text == "No room, item or character is called 'the moon'."


def test_trace_names_events_and_state_changes(world):
    """TRACE ON shows the event that fires and a character's transition; TRACE OFF stops it."""
    lines = ["trace on", "talk to mrs oh", "1", "purloin key", "unlock door with key", "north"]
    _, texts = play(world, lines)
    assert any("-> helpful]" in t for t in texts[1:3])
    assert "[event pump_house_hum fires]" in texts[-1]
    state2, texts2 = play(world, [*lines[:-1], "trace off", "north"])
    assert "[event" not in texts2[-1] and state2.location == "pump_house"


def test_pending_forgets_what_fired(world):
    """PENDING lists an unfired event, and no longer after it fired."""
    _, texts = play(world, ["pending", "purloin key", "unlock door with key", "north", "pending"])
    assert "event pump_house_hum" in texts[0]
    assert "pump_house_hum" not in texts[-1]


def test_the_mark_survives_data_and_restart(world):
    """A debugging game's state keeps its mark through save data and RESTART; others have none."""
    state, _ = play(world, ["set a", "restart"])
    assert state.debug and state.debugged
    data = state_to_data(state)
    assert data["debug"] is True and data["debugged"] is True
    assert state_from_data(world, data).debugged
    plain, _ = play(world, ["look"], debug=False)
    assert "debug" not in state_to_data(plain) and "debugged" not in state_to_data(plain)


def test_a_saved_debug_game_is_marked_on_load_and_the_verbs_follow_the_flag(world, tmp_path):
    """Loading says the game was debugged; without --debug the verbs are gone, with it back."""
    session = Session.new(world, 1, tmp_path, debug=True)
    session.play("purloin brass key")
    session.play("save slot1")
    session.close()
    again = Session.load(world, "slot1", tmp_path)
    shown = " ".join(p.text for p in again.opening)
    assert "debugging verbs" in shown
    assert not again.state.debug and again.state.debugged
    assert "know the word" in again.play("flags").text
    again.close()
    with_flag = Session.load(world, "slot1", tmp_path, debug=True)
    assert with_flag.play("flags").text == "No flags are set."
    with_flag.close()


def test_the_guides_example_is_what_play_shows(world):
    """Every line the guide's debugging transcript shows is in the output of its command."""
    section = DOC.split("### Debugging: `hyosan --debug`", 1)[1].split("\n### ", 1)[0]
    block = section.split("```text\n", 1)[1].split("```", 1)[0]
    steps = re.split(r"^> ", block, flags=re.M)[1:]
    assert len(steps) >= 8
    state, _ = new_game(world, 1, debug=True)
    for chunk in steps:
        command, *shown = chunk.rstrip("\n").split("\n")
        turn = step(world, state, command)
        state = turn.state
        produced = turn.text.splitlines()
        for line in shown:
            assert line in produced, (command, line, turn.text)


def test_the_flag_reaches_both_front_ends(world, tmp_path):
    """`hyosan --debug tui` and `hyosan tui --debug` set the TUI's config; its sessions debug."""
    from game.cli import parse
    from game.tui.config import TuiConfig
    from game.tui.driver import new_session

    assert TuiConfig.from_args(parse(["--debug", "tui"])).debug
    assert TuiConfig.from_args(parse(["tui", "--debug"])).debug
    assert not TuiConfig.from_args(parse(["tui"])).debug
    session = new_session(world, 1, tmp_path, True)
    assert session.play("flags").text == "No flags are set."
    session.close()
    assert "know the word" in new_session(world, 1, tmp_path / "b").play("flags").text


def test_plain_mode_with_debug_answers_the_verbs(tmp_path, monkeypatch, capsys):
    """`hyosan --plain --debug` plays the verbs; without the flag it does not."""
    import io
    import sys

    from game.cli import main

    for flag, expected in ((["--debug"], True), ([], False)):
        monkeypatch.setattr(sys, "stdin", io.StringIO("set lamp 2\nflags\nquit\ny\n"))
        argv = [
            "--plain",
            *flag,
            "--world",
            str(TUTORIAL),
            "--saves",
            str(tmp_path / str(expected)),
        ]
        main(argv)
        out = capsys.readouterr().out
        assert ("lamp = 2" in out) is expected
