"""Every dialog fits 80x24: a scrolling body, buttons pinned on screen, Esc in its footer."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Footer

from game.model import load_world
from game.tui.screens.ending import EndingScreen
from game.tui.screens.info import HelpScreen, HintsScreen
from game.tui.screens.play import PlayScreen
from game.tui.screens.replay import ReplayScreen
from tests.test_tui_app import TO_THE_END, WORLD_DIR, drive, make_app, new_game, type_line

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(scope="module")
def world():
    """The small fixed test world."""
    return load_world([WORLD_DIR])


def on_screen(screen, size) -> bool:
    """Whether every button of a dialog lies inside the terminal."""
    width, height = size
    buttons = list(screen.query(Button))
    return bool(buttons) and all(
        b.region.height and b.region.right <= width and b.region.bottom <= height for b in buttons
    )


def footer_keys(screen) -> str:
    """The text the dialog's footer shows."""
    footer = screen.query_one(Footer)
    return " ".join(
        str(key.key_display) + " " + key.description for key in footer.query("FooterKey")
    )


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_help_fits_scrolls_and_shows_esc(world, tmp_path, size):
    """F1: Close is on screen, the body scrolls to its end, the footer shows esc."""

    async def script(pilot):
        await new_game(pilot)
        await pilot.press("f1")
        await pilot.pause()
        help_ = pilot.app.screen
        assert isinstance(help_, HelpScreen)
        assert on_screen(help_, size)
        assert "esc" in footer_keys(help_).lower()
        body = help_.query_one(".dialog-body")
        for _ in range(6):
            await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y

    drive(make_app(world, tmp_path), script, size=size)


def test_hint_dialog_draws_both_buttons_and_names_its_key(world, tmp_path):
    """F3: 'Another hint' and Close sit side by side, and the text speaks of F3, not HINT."""

    async def script(pilot):
        await new_game(pilot)
        await pilot.press("f3")
        await pilot.pause()
        hints = pilot.app.screen
        assert isinstance(hints, HintsScreen)
        more, close = hints.query_one("#another-hint"), hints.query_one("#close")
        assert more.region.y == close.region.y and more.region.right <= close.region.x
        assert more.region.width < 40
        body = str(hints.query_one("#info-body").visual)
        assert "F3" in body and "HINT again" not in body

    drive(make_app(world, tmp_path), script, size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_ending_fits_and_a_stray_enter_only_closes_it(world, tmp_path, size):
    """The ending's buttons are on screen; enter on the focused default goes back to the story."""

    async def script(pilot):
        await new_game(pilot)
        for line in TO_THE_END:
            await type_line(pilot, line)
        ending = pilot.app.screen
        assert isinstance(ending, EndingScreen)
        assert on_screen(ending, size)
        assert pilot.app.focused.id == "stay"
        assert "esc" in footer_keys(ending).lower()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlayScreen)
        assert not any(isinstance(s, ReplayScreen) for s in pilot.app.screen_stack)

    drive(make_app(world, tmp_path), script, size=size)
