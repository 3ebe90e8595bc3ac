"""QUIT and RESTART ask first when play would be left unsaved; SCRIPT writes a transcript file."""

from __future__ import annotations

import pytest

from game.model import load_world
from game.tui.screens.dialogs import ConfirmScreen
from game.tui.screens.play import PlayScreen
from tests.test_tui_app import WORLD_DIR, drive, make_app, new_game, story_text, type_line


@pytest.fixture(scope="module")
def world():
    """The small fixed test world."""
    return load_world([WORLD_DIR])


def test_quit_after_unsaved_play_asks_and_no_keeps_playing(world, tmp_path):
    """At 80x24, QUIT after a move opens a confirmation; its default (enter) keeps the game."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "quit")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert "Quit the game?" in str(pilot.app.screen.query_one(".dialog-title").visual)
        await pilot.press("enter")  # the focused default is "Keep playing"
        await pilot.pause()
        assert pilot.app.screen is play
        assert pilot.app.focused is play.command
        await type_line(pilot, "quit")
        await pilot.press("y")
        await pilot.pause()

    app = make_app(world, tmp_path)
    drive(app, script, size=(80, 24))
    assert app.return_code == 0


def test_restart_after_unsaved_play_asks_and_yes_restarts(world, tmp_path):
    """At 80x24, RESTART after a move asks; Restart starts again in the first room."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "restart")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert play.session.state.location == "classroom"
        await pilot.click("#yes")
        await pilot.pause()
        assert pilot.app.screen is play
        assert play.session.state.location == "stairwell"
        assert story_text(play).rstrip().endswith("Exits: west, up, east.")

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_nothing_to_lose_means_no_question(world, tmp_path):
    """RESTART at the very start, and QUIT straight after a SAVE, act at once."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "restart")
        assert pilot.app.screen is play
        await type_line(pilot, "w")
        await type_line(pilot, "save here")
        await type_line(pilot, "q")
        assert not isinstance(pilot.app.screen, ConfirmScreen)

    app = make_app(world, tmp_path)
    drive(app, script, size=(80, 24))
    assert app.return_code == 0


def test_script_writes_the_story_to_a_transcript_file_and_says_where(world, tmp_path):
    """SCRIPT names the file; what follows is written to it until SCRIPT OFF."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "script")
        path = tmp_path / "transcript.txt"
        assert f"written to {path}" in story_text(play).replace("\n", " ")
        await type_line(pilot, "w")
        await type_line(pilot, "script off")
        await type_line(pilot, "e")
        text = path.read_text()
        assert "> w" in text and "Classroom 2-3" in text and "Chalk dust" in text
        assert "> e" not in text
        assert f"kept in {path}" in story_text(play).replace("\n", " ")
        await type_line(pilot, "script off")
        assert "No transcript is being written" in story_text(play).replace("\n", " ")
        assert isinstance(pilot.app.screen, PlayScreen)

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_a_transcript_that_cannot_open_is_explained(world, tmp_path):
    """When the transcript's place is taken by a folder, SCRIPT says so and the game goes on."""
    (tmp_path / "transcript.txt").mkdir()

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "transcript on")
        assert "Could not open a transcript file" in story_text(play).replace("\n", " ")
        await type_line(pilot, "w")
        assert "Classroom 2-3" in story_text(play)

    drive(make_app(world, tmp_path), script, size=(80, 24))
