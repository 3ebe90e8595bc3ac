"""Plain mode for screen readers: status when asked, ASCII, no decoration, and all the TUI shows."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.model import load_world
from game.plain import PlainOptions, PlainUI
from game.saves.session import Session

WORLD_DIR = Path(__file__).parent / "snapshots" / "world"
TO_THE_END = ["w", "talk to su-hyeok", "2", "take radio", "e", "u"]


@pytest.fixture(scope="module")
def world():
    """The small fixed test world."""
    return load_world([WORLD_DIR])


def play(world, tmp_path: Path, lines: list[str], **options) -> str:
    """Everything plain mode writes for these lines, piped."""
    out = io.StringIO()
    session = Session.new(world, 7, tmp_path)
    PlainUI(session, io.StringIO("\n".join(lines) + "\n"), out, PlainOptions(**options)).loop()
    return out.getvalue()


def status_lines(text: str) -> list[str]:
    """The status lines in the output."""
    return [line for line in text.splitlines() if line.startswith("[") and "| Turn" in line]


def test_status_never_prints_no_status_line(world, tmp_path):
    """--status never: no status line at all."""
    assert status_lines(play(world, tmp_path, ["w", "wait"], status="never")) == []


def test_status_changes_skips_turns_where_only_the_clock_moved(world, tmp_path):
    """--status changes: a line at the start and after moving, none after WAIT."""
    lines = status_lines(play(world, tmp_path, ["wait", "w", "wait"], status="changes"))
    assert len(lines) == 2 and "Classroom 2-3" in lines[1]


def test_status_off_in_play_stops_the_status_line(world, tmp_path):
    """STATUS OFF typed in play turns the line off from then on, and takes no turn."""
    text = play(world, tmp_path, ["wait", "status off", "w", "wait"])
    assert len(status_lines(text)) == 2
    assert "[Status line: never.]" in text


def test_titles_are_bare_unless_decoration_is_asked_for(world, tmp_path):
    """No ** around room names by default; --decorate brings them back."""
    assert "**" not in play(world, tmp_path, ["w"])
    assert "** Classroom 2-3 **" in play(world, tmp_path, ["w"], decorate=True)


def test_ascii_punctuation(world, tmp_path):
    """--ascii: nothing outside ASCII in the output (the status line's dot included)."""
    text = play(world, tmp_path, ["w", "talk to su-hyeok", "2"], ascii=True)
    assert text.isascii()
    assert "|" in status_lines(text)[0]


def test_the_danger_countdown_reaches_plain_mode(world, tmp_path):
    """An encounter says how many moves are left, as the TUI's danger menu does."""
    text = play(world, tmp_path, ["e", "look"])
    assert "Crawler! 2 moves before it reaches you." in text
    assert "Crawler! 1 move before it reaches you." in text


def test_the_ending_lists_the_choices_that_mattered(world, tmp_path):
    """The ending is followed by the choices that mattered, as on the TUI's ending screen."""
    text = play(world, tmp_path, TO_THE_END)
    tail = text.split("The choices that mattered:")[1]
    assert "Su-hyeok became trusting" in tail and "ending: A Voice on the Wind" in tail


def test_the_condition_is_updated_at_a_bite(world, tmp_path):
    """When the crawler bites, the next status line says Bitten."""
    text = play(world, tmp_path, ["e", "wait", "wait"], status="changes")
    assert "Bitten" in status_lines(text)[-1]


def test_piped_input_gets_no_line_editing(world, tmp_path):
    """Line editing is only for a terminal: piped input is read as it comes."""
    ui = PlainUI(Session.new(world, 7, tmp_path), io.StringIO(""), io.StringIO())
    assert not ui.editing
