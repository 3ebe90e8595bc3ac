"""The story never gets stuck: paging, resizing and menus keep every line reachable."""

from __future__ import annotations

import pytest

from game.model import load_world
from game.tui.widgets.story import StoryView
from tests.test_tui_app import WORLD_DIR, drive, make_app, new_game

LONG = " ".join(f"Line{n} of a very long description that goes on and on." for n in range(40))


@pytest.fixture(scope="module")
def world():
    """The small fixed test world."""
    return load_world([WORLD_DIR])


def last_line_shown(story: StoryView) -> bool:
    """Whether the story's final line is on screen."""
    return story.scroll_y + story.scrollable_content_region.height >= story.line_count


def test_page_down_reaches_the_end_of_a_turn_taller_than_the_pane(world, tmp_path):
    """At 80x24, PgDn through a turn taller than the story pane ends on its last line."""

    async def script(pilot):
        play = await new_game(pilot)
        story = play.story
        story.append([("command", "> look"), ("description", LONG), ("message", "Exits: west.")])
        await pilot.pause()
        assert story.more_below and play.query_one("#more").display
        for _ in range(8):
            await pilot.press("pagedown")
            await pilot.pause()
        assert last_line_shown(story)
        assert story.plain_lines()[-1] == "Exits: west."
        assert not play.query_one("#more").display

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_enter_on_an_empty_line_pages_to_the_end(world, tmp_path):
    """Enter on an empty command line scrolls a page at a time until the end shows."""

    async def script(pilot):
        play = await new_game(pilot)
        play.story.append([("description", LONG)])
        await pilot.pause()
        for _ in range(8):
            await pilot.press("enter")
            await pilot.pause()
        assert last_line_shown(play.story)

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_resizing_keeps_the_end_in_view_for_a_reader_who_reached_it(world, tmp_path):
    """A reader at the end of a long turn still sees its end after the terminal shrinks."""

    async def script(pilot):
        play = await new_game(pilot)
        play.story.append([("command", "> look"), ("description", LONG), ("message", "The end.")])
        await pilot.pause()
        await pilot.press("ctrl+end")
        await pilot.pause()
        await pilot.resize_terminal(80, 20)
        await pilot.pause()
        await pilot.pause()
        assert last_line_shown(play.story)

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_page_down_still_reaches_the_end_after_growing_and_shrinking(world, tmp_path):
    """After RESTART and a 120x40 -> 80x24 resize, PgDn still reaches the last line."""

    async def script(pilot):
        play = await new_game(pilot)
        play.story.append([("command", "> look"), ("description", LONG), ("message", "The end.")])
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        for _ in range(10):
            await pilot.press("pagedown")
            await pilot.pause()
        assert last_line_shown(play.story)
        assert play.story.plain_lines()[-1] == "The end."

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_replay_go_to_forward_shows_that_commands_text_and_where(world, tmp_path):
    """At 80x24, 'Go to 5' puts command 5's own text on top; the header names place and turn."""
    from game.tui.screens.replay import ReplayScreen
    from tests.test_tui_app import TO_THE_END, type_line

    async def script(pilot):
        await new_game(pilot)
        for line in TO_THE_END:
            await type_line(pilot, line)
        await pilot.click("#replay")
        await pilot.pause()
        replay = pilot.app.screen
        assert isinstance(replay, ReplayScreen)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("5", "enter")
        await pilot.pause()
        story = replay.query_one(StoryView)
        top, height = int(story.scroll_y), story.scrollable_content_region.height
        assert "> e" in story.plain_lines()[top : top + height]
        header = str(replay.query_one("#replay-header").visual)
        assert "East Stairwell" in header and "turn 5" in header
        keys = " ".join(b.binding.key for b in replay.active_bindings.values() if b.binding.show)
        assert keys.split()[0] == "escape"

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_escape_leaves_a_replay_opened_from_the_command_line(world, tmp_path):
    """`hyosan replay NAME`: Esc ends the program instead of showing the title screen."""
    from tests.test_tui_app import type_line

    async def first(pilot):
        await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "save twice")

    drive(make_app(world, tmp_path), first)
    app = make_app(world, tmp_path, replay="twice")

    async def second(pilot):
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.is_running or app._exit_renderables is not None

    drive(app, second)
    assert app.return_code == 0
