"""Menus follow the game's state after every change: turns, UNDO, RESTORE, RESTART, HINT."""

from __future__ import annotations

import pytest

from game.model import load_world
from game.tui.screens.ending import EndingScreen
from game.tui.widgets.dialogue import DialogueMenu
from tests.test_tui_app import (
    TO_THE_END,
    WORLD_DIR,
    drive,
    make_app,
    new_game,
    story_text,
    type_line,
)


@pytest.fixture(scope="module")
def world():
    """The small fixed test world."""
    return load_world([WORLD_DIR])


def menu_labels(screen) -> list[str]:
    """The options the conversation/danger menu shows, or [] when it is hidden."""
    menu = screen.query_one(DialogueMenu)
    if not menu.display:
        return []
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


def test_undo_after_a_choice_brings_the_menu_back_with_every_option(world, tmp_path):
    """talk, choose 1, ctrl+z: the menu lists both choices again."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "talk to su-hyeok")
        await type_line(pilot, "1")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert menu_labels(play) == [
            "1. Ask who else made it.",
            "2. Tell him you are going up to the roof.",
        ]

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_undo_after_bye_shows_the_menu_again(world, tmp_path):
    """talk, bye, ctrl+z: the conversation is back, and so is its menu."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "talk to su-hyeok")
        await type_line(pilot, "bye")
        assert menu_labels(play) == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert play.session.state.phase == "dialogue"
        assert len(menu_labels(play)) == 2
        assert play.command.menu_numbers == frozenset({"1", "2"})

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_restoring_a_save_from_outside_a_conversation_hides_the_menu(world, tmp_path):
    """A save made while exploring, restored mid-conversation: no menu, numbers are plain text."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "save outside")
        await type_line(pilot, "talk to su-hyeok")
        assert menu_labels(play)
        await type_line(pilot, "restore outside")
        assert menu_labels(play) == []
        assert play.command.menu_numbers == frozenset()

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_hint_during_a_conversation_keeps_it_open(world, tmp_path):
    """HINT (typed or F3) while talking answers and leaves the conversation and its menu."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "talk to su-hyeok")
        await type_line(pilot, "hint")
        assert play.session.state.phase == "dialogue"
        assert len(menu_labels(play)) == 2
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert play.session.state.phase == "dialogue"
        await type_line(pilot, "2")
        assert "I am coming with you" in story_text(play)

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_restart_then_undo_does_not_bring_back_the_ending_screen(world, tmp_path):
    """After an ending, RESTART then UNDO says where you are instead of opening the ending again."""

    async def script(pilot):
        play = await new_game(pilot)
        for line in TO_THE_END:
            await type_line(pilot, line)
        assert isinstance(pilot.app.screen, EndingScreen)
        await pilot.press("escape")
        await pilot.pause()
        await type_line(pilot, "restart")
        await type_line(pilot, "undo")
        assert not isinstance(pilot.app.screen, EndingScreen)
        assert story_text(play).rstrip().splitlines()[-1] != "[Previous turn undone.]"

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_undo_says_where_you_are(world, tmp_path):
    """UNDO is followed by the room's name and what is here."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "e")
        await type_line(pilot, "undo")
        tail = story_text(play).split("[Previous turn undone.]")[-1]
        assert "Classroom 2-3" in tail and "hand radio" in tail

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_command_history_comes_back_with_the_game(world, tmp_path):
    """Quit, then Continue: up-arrow walks the lines typed before quitting."""

    async def first(pilot):
        await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "take radio")
        await type_line(pilot, "save kept")

    drive(make_app(world, tmp_path), first)

    async def second(pilot):
        await pilot.pause()
        play = pilot.app.screen
        await pilot.press("up")
        assert play.command.value == "save kept"
        await pilot.press("up")
        assert play.command.value == "take radio"

    drive(make_app(world, tmp_path, load="kept"), second)


def test_theme_and_panel_are_remembered_between_launches(world, tmp_path):
    """F10 and F4 are written to the settings file and the next launch starts with them."""
    from game.tui.app import HyosanApp
    from game.tui.config import TuiConfig

    settings = tmp_path / "config" / "hyosan" / "settings.json"

    def launch() -> HyosanApp:
        config = TuiConfig(
            world_dirs=(WORLD_DIR,),
            saves_dir=tmp_path,
            seed=7,
            cursor_blink=False,
            settings=settings,
        )
        return HyosanApp(config, world)

    chosen = {}

    async def first(pilot):
        play = await new_game(pilot)
        await pilot.press("f10")
        await pilot.press("f4")
        await pilot.pause()
        chosen["theme"] = pilot.app.theme
        chosen["panel"] = play.has_class("-panel-toggled")

    drive(launch(), first)
    assert settings.is_file()

    async def second(pilot):
        assert pilot.app.theme == chosen["theme"]
        play = await new_game(pilot)
        assert play.has_class("-panel-toggled") == chosen["panel"] is True

    drive(launch(), second)


def test_a_damaged_settings_file_means_the_defaults(tmp_path):
    """Settings that are not JSON, or of the wrong types, are ignored."""
    from game.tui.settings import load_settings

    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == {}
    path.write_text('{"theme": 3, "panel_toggled": true, "evil": "x"}', encoding="utf-8")
    assert load_settings(path) == {"panel_toggled": True}


def test_a_typo_in_a_conversation_keeps_it_open(world, tmp_path):
    """An unrecognised line while the menu is open is answered; the menu stays, a number still
    chooses (#9: a typo used to end the conversation silently)."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "talk to su-hyeok")
        await type_line(pilot, "tel him abuot it")
        assert play.session.state.phase == "dialogue"
        assert len(menu_labels(play)) == 2
        assert "not one of the choices" in story_text(play)
        await type_line(pilot, "2")
        assert "I am coming with you" in story_text(play)

    drive(make_app(world, tmp_path), script, size=(80, 24))
