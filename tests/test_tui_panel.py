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


async def click_in_story(pilot, play, words: str) -> None:
    """Click the last place the story shows `words`."""
    story = play.story
    lines = story.plain_lines()
    index = max(i for i, line in enumerate(lines) if words in line)
    row = index - int(story.scroll_y)
    assert 0 <= row < story.scrollable_content_region.height, "not on screen"
    region = story.scrollable_content_region
    x = region.x - story.region.x + lines[index].index(words) + 1
    assert await pilot.click("#story", offset=(x, region.y - story.region.y + row))
    await pilot.pause()
    await pilot.pause()


def test_things_named_in_the_room_listing_are_links_that_examine(world, tmp_path):
    """At 80x24, clicking an item or a person named in the story examines it, like the panel."""

    async def script(pilot):
        play = await new_game(pilot)
        play.send("w")
        await pilot.pause()
        await click_in_story(pilot, play, "hand radio")
        text = "\\n".join(play.story.plain_lines())
        assert "> examine hand radio" in text and "its aerial bent" in text
        await click_in_story(pilot, play, "Su-hyeok watches")
        assert "> examine Su-hyeok" in "\\n".join(play.story.plain_lines())
        assert pilot.app.focused is play.command

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_a_thing_no_longer_here_stops_being_a_link(world, tmp_path):
    """Once the radio is taken, its old mention in the story is plain text again."""

    async def script(pilot):
        play = await new_game(pilot)
        play.send("w")
        await pilot.pause()
        story = play.story
        para = next(i for i, (_, t) in enumerate(story.paragraphs()) if "hand radio lies" in t)
        assert [c for *_, c in story.links_of(para)] == ["examine hand radio"]
        play.send("take radio")
        await pilot.pause()
        assert story.links_of(para) == []
        await click_in_story(pilot, play, "hand radio lies")
        assert "> examine" not in "\\n".join(story.plain_lines())

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_clicking_a_thing_during_a_conversation_leaves_nothing_hidden(world, tmp_path):
    """At 80x24, a thing clicked in the story while the conversation menu is up shows its text."""

    async def script(pilot):
        play = await new_game(pilot)
        for line in ("w", "talk to su-hyeok"):
            play.send(line)
        await pilot.pause()
        assert play.query_one("#dialogue").display
        lines = play.story.plain_lines()
        back = max(i for i, line in enumerate(lines) if "A hand radio" in line)
        play.story.scroll_to(y=back - 1, animate=False, immediate=True)  # back up to read it
        await pilot.pause()
        await click_in_story(pilot, play, "hand radio")
        assert "its aerial bent" in "\\n".join(play.story.plain_lines())
        assert last_line_shown(play), play.story.plain_lines()[-3:]
        assert not play.query_one("#more").display

    drive(make_app(world, tmp_path), script, size=(80, 24))
