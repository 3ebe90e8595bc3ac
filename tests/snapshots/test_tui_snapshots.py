"""Snapshot tests of the main screens at 80×24 and 120×40 (pytest-textual-snapshot).

Stable across runs: fixed world and seed, cursor blink off, save times fixed. After a deliberate
change of the look, run `pytest tests/snapshots --snapshot-update` and review the SVGs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from game.model import load_world
from game.saves import recordings
from game.tui import driver
from game.tui.app import HyosanApp
from game.tui.config import TuiConfig

WORLD_DIR = Path(__file__).parent / "world"
SMALL = (80, 24)
LARGE = (120, 40)


@pytest.fixture(scope="module")
def world():
    """The fixed snapshot world."""
    return load_world([WORLD_DIR])


@pytest.fixture
def app_for(world, tmp_path, monkeypatch):
    """Build an app on the snapshot world; save times always read the same."""
    monkeypatch.setattr(driver, "_when", lambda created: "2026-11-21 18:00")
    monkeypatch.setattr(recordings, "new_id", lambda: "20261121-180000-0001")

    def build(theme: str | None = None) -> HyosanApp:
        config = TuiConfig(
            world_dirs=(WORLD_DIR,), saves_dir=tmp_path, seed=7, cursor_blink=False, theme=theme
        )
        return HyosanApp(config, world)

    return build


def play(*lines: str):
    """A run_before that starts a new game and plays `lines`."""

    async def run_before(pilot) -> None:
        await pilot.press("enter")
        await pilot.pause()
        for line in lines:
            field = pilot.app.focused
            assert isinstance(field, Input)
            field.value = line
            await pilot.press("enter")
            await pilot.pause()

    return run_before


def then(first, *keys: str):
    """A run_before that runs `first` and then presses keys."""

    async def run_before(pilot) -> None:
        await first(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_title(snap_compare, app_for, size):
    """The title screen: block-letter name, subtitle and menu."""
    assert snap_compare(app_for(), terminal_size=size)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_play_after_a_few_turns(snap_compare, app_for, size):
    """Story, command line, and the sidebar or status bar after moving and taking something."""
    assert snap_compare(
        app_for(), terminal_size=size, run_before=play("w", "take radio", "x radio")
    )


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_dialogue_menu(snap_compare, app_for, size):
    """The conversation menu under the story with the second choice highlighted."""
    assert snap_compare(
        app_for(), terminal_size=size, run_before=then(play("w", "talk to su-hyeok"), "ctrl+down")
    )


def test_help(snap_compare, app_for):
    """The help page over the game."""
    assert snap_compare(app_for(), terminal_size=SMALL, run_before=then(play(), "f1"))


def test_map(snap_compare, app_for):
    """The full map of the visited rooms."""
    assert snap_compare(
        app_for(), terminal_size=LARGE, run_before=then(play("w", "e", "u", "d"), "f2")
    )


def test_save_dialog_with_a_bad_name(snap_compare, app_for):
    """The save dialog explaining why a name is refused."""
    assert snap_compare(
        app_for(), terminal_size=SMALL, run_before=then(play("w"), "ctrl+s", "a", "/", "b")
    )


def test_load_dialog(snap_compare, app_for):
    """The load dialog with its list of saves and the preview of the highlighted one."""
    assert snap_compare(
        app_for(), terminal_size=LARGE, run_before=then(play("w", "save classroom", "e"), "ctrl+o")
    )


def test_ending(snap_compare, app_for):
    """The ending summary with the choices that mattered."""
    run = play("w", "talk to su-hyeok", "2", "take radio", "e", "u")
    assert snap_compare(app_for(), terminal_size=LARGE, run_before=run)


def test_replay_viewer(snap_compare, app_for):
    """The replay viewer two commands in, with its timeline and header."""

    async def run_before(pilot) -> None:
        await play("w", "take radio", "e", "u")(pilot)
        await pilot.press("escape")
        await pilot.pause()
        pilot.app.replay_current()
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.pause()

    assert snap_compare(app_for(), terminal_size=LARGE, run_before=run_before)


def test_blood_theme(snap_compare, app_for):
    """The blood-red theme on the play screen."""
    assert snap_compare(
        app_for("hyosan-blood"), terminal_size=LARGE, run_before=play("w", "take radio")
    )


def test_encounter(snap_compare, app_for):
    """An encounter: the warning in the story and the red Flee/Hide/Fight menu."""
    assert snap_compare(app_for(), terminal_size=SMALL, run_before=play("e"))
