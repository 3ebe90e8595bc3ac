"""Plain mode lists an open conversation's choices again whenever a turn leaves it unlisted."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.model import load_world
from game.plain import PlainOptions, PlainUI
from game.saves.session import Session

WORLD_DIR = Path(__file__).parent / "snapshots" / "world"
CHOICES = ("1. Ask who else made it.", "2. Tell him you are going up to the roof.")


@pytest.fixture(scope="module")
def world():
    """The small fixed test world."""
    return load_world([WORLD_DIR])


def play(world, tmp_path: Path, lines: list[str]) -> str:
    """Everything plain mode writes for these lines, piped, without status lines."""
    out = io.StringIO()
    session = Session.new(world, 7, tmp_path)
    ui = PlainUI(session, io.StringIO("\n".join(lines) + "\n"), out, PlainOptions(status="never"))
    ui.loop()
    return out.getvalue()


def after(text: str, command: str) -> str:
    """The output of the last `command` typed (up to the next prompt)."""
    return text.rsplit(f"> {command}\n", 1)[1].split("\n> ", 1)[0]


def test_undo_in_a_conversation_lists_the_choices_again(world, tmp_path):
    """`talk to`, a choice, UNDO: the restored menu is shown with its prompt."""
    text = after(play(world, tmp_path, ["w", "talk to su-hyeok", "1", "undo"]), "undo")
    assert "You are talking to Su-hyeok." in text
    assert all(choice in text for choice in CHOICES)
    assert "(Choose a number, or say BYE.)" in text


def test_restore_into_a_conversation_lists_its_choices(world, tmp_path):
    """A save made while talking, restored after leaving: the menu comes back with it."""
    lines = ["w", "talk to su-hyeok", "save talk", "bye", "restore talk"]
    text = after(play(world, tmp_path, lines), "restore talk")
    assert "You are talking to Su-hyeok." in text and CHOICES[1] in text


def test_a_turn_that_lists_the_choices_is_not_followed_by_a_second_list(world, tmp_path):
    """The reminder only comes when the output did not show the menu itself."""
    text = after(play(world, tmp_path, ["w", "talk to su-hyeok"]), "talk to su-hyeok")
    assert text.count(CHOICES[0]) == 1 and "You are talking to" not in text


def test_no_reminder_once_the_conversation_is_over(world, tmp_path):
    """BYE ends the conversation: nothing is listed after it."""
    text = after(play(world, tmp_path, ["w", "talk to su-hyeok", "bye", "undo", "bye"]), "bye")
    assert CHOICES[0] not in text


def test_a_typo_in_a_conversation_is_answered_and_the_menu_stays(world, tmp_path):
    """An unrecognised line while talking: the parser's answer, the choices again, and a number
    still chooses; a command the parser understands leaves the conversation, and says so."""
    text = play(
        world, tmp_path, ["w", "talk to su-hyeok", "xyzzy plugh", "look", "talk to su-hyeok"]
    )
    typo = after(text, "xyzzy plugh")
    assert "I don't know the word 'xyzzy'." in typo
    assert "not one of the choices" in typo and all(choice in typo for choice in CHOICES)
    assert "(You leave the conversation.)" in after(text, "look")
