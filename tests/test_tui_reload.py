"""Live reload for authors: F5 reads the YAML again and keeps the game; errors go in a panel."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_tui_app import drive, new_game, story_text, type_line
from textual.widgets import Collapsible, Static

from game.model import load_world
from game.tui.app import HyosanApp
from game.tui.config import TuiConfig
from game.tui.screens.info import InfoScreen
from game.tui.screens.play import PlayScreen

MINI = Path(__file__).parent / "worlds" / "mini"


def copy_world(tmp_path: Path) -> Path:
    """A private copy of the mini world an author can edit."""
    folder = tmp_path / "world"
    shutil.copytree(MINI, folder)
    return folder


def app_on(folder: Path, saves: Path) -> HyosanApp:
    """The app on a world folder, seed fixed, no cursor blink."""
    config = TuiConfig(world_dirs=(folder,), saves_dir=saves, seed=1, cursor_blink=False)
    return HyosanApp(config, load_world([folder]))


def test_f5_reloads_the_yaml_and_keeps_the_player_where_they_are(tmp_path):
    """After an edit, F5 shows the new text and the player stays in the room with what they hold."""
    folder = copy_world(tmp_path)
    app = app_on(folder, tmp_path / "saves")

    async def script(pilot):
        screen = await new_game(pilot)
        await type_line(pilot, "take rusty key")
        await type_line(pilot, "e")
        rooms = folder / "rooms.yaml"
        rooms.write_text(
            rooms.read_text().replace("A cramped hut.", "A cramped hut that smells of diesel."),
            encoding="utf-8",
        )
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlayScreen)
        text = story_text(screen)
        assert "[World reloaded: 6 rooms" in text
        assert "A cramped hut that smells of diesel." in text
        assert screen.session.state.location == "hut"
        assert screen.session.state.places["rusty_key"] == "player"

    drive(app, script)


def test_f5_on_a_broken_world_shows_the_problems_and_play_goes_on(tmp_path):
    """A mistake in the YAML opens a panel naming file:line:col; the game keeps its old world."""
    folder = copy_world(tmp_path)
    app = app_on(folder, tmp_path / "saves")

    async def script(pilot):
        screen = await new_game(pilot)
        world_before = screen.session.world
        rooms = folder / "rooms.yaml"
        rooms.write_text(rooms.read_text().replace("east: hut", "east: hutt"), encoding="utf-8")
        await pilot.press("f5")
        await pilot.pause()
        panel = pilot.app.screen
        assert isinstance(panel, InfoScreen)
        body = str(panel.query_one("#info-body", Static).visual)
        assert "exit 'east' leads to unknown room 'hutt' — did you mean 'hut'?" in body
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.session.world is world_before
        await type_line(pilot, "e")
        assert screen.session.state.location == "hut"

    drive(app, script)


def test_f5_shows_a_syntax_error_first_and_folds_what_follows_from_it(tmp_path):
    """A broken file's syntax error is on top; the 'unknown room' errors it causes are folded."""
    folder = copy_world(tmp_path)
    app = app_on(folder, tmp_path / "saves")

    async def script(pilot):
        await new_game(pilot)
        rooms = folder / "rooms.yaml"
        rooms.write_text("rooms: [unclosed\n" + rooms.read_text(), encoding="utf-8")
        await pilot.press("f5")
        await pilot.pause()
        panel = pilot.app.screen
        body = str(panel.query_one("#info-body", Static).visual)
        assert "YAML" in body.splitlines()[0]
        assert "unknown room" not in body
        folded = panel.query_one(Collapsible)
        assert folded.collapsed and "which did not load" in str(
            panel.query_one("#knock-on", Static).visual
        )
        assert panel.query_one("#close").region.bottom <= 24

    drive(app, script, size=(80, 24))


def test_knock_on_problems_are_folded_under_their_cause():
    """'unknown room' errors go under the syntax error that caused them; alone, they stay."""
    from game.tui.problems import fold

    syntax = "rooms.yaml:1:8: YAML syntax: the '[' opened here is not closed"
    knock = "items.yaml:4:11: unknown room 'hut' — did you mean 'hat'?"
    key = "items.yaml:2:3: unknown key 'colour' in item 'key'"
    assert fold([knock, syntax, key]) == ([syntax, key], [knock])
    assert fold([knock]) == ([knock], [])
