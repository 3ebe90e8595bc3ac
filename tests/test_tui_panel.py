"""The side panel and status bar show only what the world has; clicks keep new text in view."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.model import load_world
from game.tui.app import HyosanApp
from game.tui.config import TuiConfig
from tests.test_tui_app import WORLD_DIR, drive, make_app, new_game, shown

PLAIN_WORLD = Path(__file__).parent / "worlds" / "plain"


@pytest.fixture(scope="module")
def world():
    """The small fixed test world (it has a condition and a score)."""
    return load_world([WORLD_DIR])


@pytest.fixture(scope="module")
def plain_world():
    """A world with no condition machine and no score."""
    return load_world([PLAIN_WORLD])


def plain_app(world, saves: Path) -> HyosanApp:
    """An app on the plain world."""
    config = TuiConfig(world_dirs=(PLAIN_WORLD,), saves_dir=saves, seed=7, cursor_blink=False)
    return HyosanApp(config, world)


def test_a_world_without_condition_or_score_shows_neither(plain_world, tmp_path):
    """At 80x24 the status bar and the F4 panel leave out condition and score when the world has none."""

    async def script(pilot):
        play = await new_game(pilot)
        bar = shown(play, "#status-bar")
        assert "Turn" in bar and "Score" not in bar
        await pilot.press("f4")
        await pilot.pause()
        assert play.query_one("#sidebar").display
        assert not play.query_one("#condition").display
        tally = shown(play, "#tally")
        assert "Turn" in tally and "Score" not in tally

    drive(plain_app(plain_world, tmp_path), script, size=(80, 24))


def test_a_world_with_condition_and_score_shows_both(world, tmp_path):
    """At 80x24 the status bar and the F4 panel show the condition and the score out of the maximum."""

    async def script(pilot):
        play = await new_game(pilot)
        assert "Score 1/5" in shown(play, "#status-bar")
        await pilot.press("f4")
        await pilot.pause()
        assert play.query_one("#condition").display
        assert "Condition" in shown(play, "#condition")
        assert "Score 1/5" in shown(play, "#tally")

    drive(make_app(world, tmp_path), script, size=(80, 24))


def last_line_shown(play) -> bool:
    """Whether the story's final line is on screen."""
    story = play.story
    return story.scroll_y + story.scrollable_content_region.height >= story.line_count


async def click_exit(pilot, play, direction: str) -> None:
    """Click one exit in the side panel."""
    text = shown(play, "#exits")
    assert direction in text, text
    assert await pilot.click("#exits", offset=(text.index(direction), 0))
    await pilot.pause()
    await pilot.pause()


def test_clicking_an_exit_during_a_conversation_leaves_nothing_hidden(world, tmp_path):
    """At 80x24, an exit clicked while the conversation menu is up shows its text to the end."""

    async def script(pilot):
        play = await new_game(pilot)
        for line in ("w", "talk to su-hyeok"):
            play.send(line)
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert play.query_one("#dialogue").display
        await click_exit(pilot, play, "east")
        assert "> east" in "\\n".join(play.story.plain_lines())
        assert last_line_shown(play), play.story.plain_lines()[-3:]
        assert not play.query_one("#more").display
        await click_exit(pilot, play, "east")  # into the corridor: the danger menu opens
        assert play.query_one("#dialogue").display
        assert last_line_shown(play), play.story.plain_lines()[-3:]
        assert not play.query_one("#more").display

    drive(make_app(world, tmp_path), script, size=(80, 24))
