"""Author tests that help: check runs them, `test NAME`, `-v`, where play diverged, `from:`."""

from __future__ import annotations

from pathlib import Path

from game.cli import main
from game.model import read_world

TUTORIAL = Path(__file__).resolve().parent / "worlds" / "authoring" / "tutorial"

FAILING = """
tests:
  wrong_turn:
    commands: [talk to mrs oh, "1", dance with the lever, north]
    expect: {location: pump_house}
"""
CHAINED = """
tests:
  get_the_key:
    commands: [talk to mrs oh, "1"]
    expect: {inventory: [brass_key]}
  open_up:
    from: get_the_key
    commands: [unlock door with brass key, north]
    expect: {location: pump_house}
"""


def _layer(tmp_path: Path, text: str) -> Path:
    """An expansion folder holding one file."""
    folder = tmp_path / "exp"
    folder.mkdir(exist_ok=True)
    (folder / "t.yaml").write_text(text)
    return folder


def test_check_fails_when_a_world_test_fails(tmp_path, capsys):
    """A failing test is an error of `check`, with its file:line."""
    exp = _layer(tmp_path, FAILING)
    assert main(["check", "--quick", "--world", str(TUTORIAL), "--world", str(exp)]) == 1
    out = capsys.readouterr().out
    assert "t.yaml:4:5: test 'wrong_turn' fails: expected the player in 'pump_house'" in out


def test_a_failure_shows_the_command_where_play_went_wrong(tmp_path, capsys):
    """The first refused command is named with its line and the text around it."""
    exp = _layer(tmp_path, FAILING)
    assert main(["test", "--world", str(TUTORIAL), "--world", str(exp)]) == 1
    out = capsys.readouterr().out
    assert "play first went wrong at command 3, 'dance with the lever'" in out
    assert "t.yaml:4)" in out
    assert "    > talk to mrs oh" not in out.split("went wrong")[0]  # context comes after
    assert "    > dance with the lever" in out


def test_check_refuses_unknown_ids_in_expect(tmp_path, capsys):
    """`expect: {location: pump_hose}` is an error at its line, with a suggestion."""
    exp = _layer(
        tmp_path,
        "tests:\n  t:\n    commands: [look]\n    expect: {location: pump_hose, "
        "states: {mrs_oh: happy}}\n",
    )
    assert main(["check", "--quick", "--world", str(TUTORIAL), "--world", str(exp)]) == 1
    out = capsys.readouterr().out
    assert (
        "t.yaml:4:24: test 't' expects unknown room 'pump_hose' (did you mean 'pump_house'?)" in out
    )
    assert "unknown state 'happy' of 'mrs_oh'" in out


def test_one_test_runs_alone_and_verbose_prints_the_transcript(tmp_path, capsys):
    """`hyosan test NAME -v` runs only that test and shows what the player would have seen."""
    exp = _layer(tmp_path, CHAINED)
    argv = ["test", "get_the_key", "-v", "--world", str(TUTORIAL), "--world", str(exp)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "PASS get_the_key" in out and "open_up" not in out and "fix_the_pump" not in out
    assert "  | > talk to mrs oh" in out
    assert "tests: 1 passed, 0 failed" in out


def test_an_unknown_test_name_is_refused_with_a_suggestion(capsys):
    """`hyosan test fix_pump` suggests `fix_the_pump`."""
    assert main(["test", "fix_the_pmp", "--world", str(TUTORIAL)]) == 1
    assert "did you mean 'fix_the_pump'" in capsys.readouterr().out


def test_from_starts_a_test_where_another_ends(tmp_path, capsys):
    """`from: get_the_key` plays that test's commands first."""
    exp = _layer(tmp_path, CHAINED)
    assert main(["test", "open_up", "--world", str(TUTORIAL), "--world", str(exp)]) == 0
    assert "PASS open_up" in capsys.readouterr().out


def test_from_an_unknown_test_or_in_a_circle_is_an_error(tmp_path):
    """`from:` must name a test, and tests cannot start from each other in a circle."""
    exp = _layer(
        tmp_path,
        "tests:\n  a: {from: b, commands: [look]}\n  b: {from: a, commands: [look]}\n"
        "  c: {from: get_the_kye, commands: [look]}\n",
    )
    _, problems = read_world([TUTORIAL, exp])
    messages = [p.message for p in problems]
    assert any("circle: a -> b -> a" in m for m in messages)
    assert any("unknown test 'get_the_kye'" in m for m in messages)
