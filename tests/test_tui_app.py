"""Functional tests of the Textual app: every screen and flow, driven with Pilot."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.geometry import Offset
from textual.selection import Selection
from textual.widgets import Input, OptionList, Static

from game.model import load_world
from game.saves.recordings import is_id
from game.saves.session import Session, resume
from game.tui.app import HyosanApp
from game.tui.config import TuiConfig
from game.tui.screens.dialogs import LoadScreen, SaveScreen
from game.tui.screens.ending import EndingScreen
from game.tui.screens.info import HELP_KEYS, HelpScreen, HintsScreen, MapScreen
from game.tui.screens.play import PlayScreen
from game.tui.screens.replay import ReplayScreen
from game.tui.screens.title import TitleScreen
from game.tui.widgets.dialogue import DialogueMenu
from game.tui.widgets.story import StoryView

WORLD_DIR = Path(__file__).parent / "snapshots" / "world"
TO_THE_END = ["w", "talk to su-hyeok", "2", "take radio", "e", "u"]


@pytest.fixture(scope="module")
def world():
    """The small fixed test world."""
    return load_world([WORLD_DIR])


def make_app(world, saves: Path, **options) -> HyosanApp:
    """An app on the test world with a fixed seed and no cursor blink."""
    config = TuiConfig(
        world_dirs=(WORLD_DIR,), saves_dir=saves, seed=7, cursor_blink=False, **options
    )
    return HyosanApp(config, world)


def drive(
    app: HyosanApp, script: Callable[..., Awaitable[None]], size: tuple[int, int] = (100, 30)
) -> None:
    """Run the app headless and play `script(pilot)` against it."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await script(pilot)

    asyncio.run(main())


def keys(text: str) -> list[str]:
    """Key names that type `text`."""
    return ["space" if ch == " " else ch for ch in text]


async def type_line(pilot, text: str) -> None:
    """Put a line in the focused input (as pasting would) and press enter."""
    field = pilot.app.focused
    assert isinstance(field, Input)
    field.value = text
    await pilot.press("enter")
    await pilot.pause()


async def new_game(pilot) -> PlayScreen:
    """From the title, start a new game."""
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PlayScreen)
    return pilot.app.screen


def story_text(screen) -> str:
    """Everything in the story, as plain text."""
    return "\n".join(screen.query_one(StoryView).plain_lines())


def shown(screen, selector: str) -> str:
    """The plain text of a Static."""
    return str(screen.query_one(selector, Static).visual)


def test_title_offers_new_game_and_disables_continue_without_saves(world, tmp_path):
    """The title menu lists the ways in, greys out Continue when nothing is saved, and starts a game."""

    async def script(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, TitleScreen)
        menu = screen.query_one("#menu", OptionList)
        assert menu.get_option("continue").disabled
        assert not menu.get_option("new").disabled
        play = await new_game(pilot)
        assert "East Stairwell" in story_text(play)
        assert "The power died an hour ago" in story_text(play)

    drive(make_app(world, tmp_path), script)


def test_playing_turns_updates_story_sidebar_and_turn(world, tmp_path):
    """Typed commands are echoed, answered in the story, and the sidebar follows the player."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "take radio")
        text = story_text(play)
        assert "> w" in text and "Classroom 2-3" in text and "Taken." in text
        assert "Classroom 2-3" in shown(play, "#where")
        assert "hand radio" in shown(play, "#inventory")
        assert "Turn 2" in shown(play, "#tally")
        assert "Healthy" in shown(play, "#condition")

    drive(make_app(world, tmp_path), script)


def test_history_walks_back_and_returns_to_the_draft(world, tmp_path):
    """Up recalls earlier lines newest first; down past the newest brings back what was being typed."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "look")
        await type_line(pilot, "w")
        command = play.query_one("#command", Input)
        await pilot.press("e", "x")
        await pilot.press("up")
        assert command.value == "w"
        await pilot.press("up")
        assert command.value == "look"
        await pilot.press("down", "down")
        assert command.value == "ex"

    drive(make_app(world, tmp_path), script)


def test_tab_completes_nouns_in_scope_and_lists_choices(world, tmp_path):
    """Tab finishes a word that has one completion and lists the words when there are several."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        command = play.query_one("#command", Input)
        await pilot.press(*keys("take ra"), "tab")
        assert command.value == "take radio "
        command.value = ""
        await pilot.press("t", "a", "tab")
        await pilot.pause()
        listing = play.query_one("#completions", Static)
        assert listing.display
        assert "take" in str(listing.visual) and "talk" in str(listing.visual)

    drive(make_app(world, tmp_path), script)


def test_clicking_an_exit_in_the_sidebar_goes_there(world, tmp_path):
    """The exits in the sidebar are links that play the move."""

    async def script(pilot):
        play = await new_game(pilot)
        assert await pilot.click("#exits", offset=(len("Exits "), 0))
        await pilot.pause()
        assert "> west" in story_text(play)
        assert "Classroom 2-3" in shown(play, "#where")

    drive(make_app(world, tmp_path), script)


def test_dialogue_menu_takes_a_number_key(world, tmp_path):
    """TALK TO opens the choices under the story and a number key answers at once."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "talk to su-hyeok")
        menu = play.query_one(DialogueMenu)
        assert menu.display and menu.option_count == 2
        assert "Su-hyeok" in str(menu.border_title)
        await pilot.press("2")
        await pilot.pause()
        assert "Then I am coming with you." in story_text(play)
        assert not menu.display

    drive(make_app(world, tmp_path), script)


def test_dialogue_menu_takes_arrows_and_enter(world, tmp_path):
    """Ctrl+down then enter on an empty line chooses the highlighted option."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "talk to su-hyeok")
        await pilot.press("ctrl+down", "enter")
        await pilot.pause()
        assert "> 2" in story_text(play)
        assert "Then I am coming with you." in story_text(play)

    drive(make_app(world, tmp_path), script)


def test_dialogue_menu_takes_a_click(world, tmp_path):
    """Clicking a choice plays it and keeps the focus on the command line."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "talk to su-hyeok")
        assert await pilot.click(DialogueMenu, offset=(4, 1))
        await pilot.pause()
        assert "> 1" in story_text(play)
        assert "Only us, as far as I know." in story_text(play)
        assert pilot.app.focused is play.query_one("#command")

    drive(make_app(world, tmp_path), script)


def test_save_dialog_refuses_bad_names_and_saves_good_ones(world, tmp_path):
    """ctrl+s asks for a slot, explains a bad name, and writes the save for a good one."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, SaveScreen)
        await pilot.press(*keys("no/way"), "enter")
        await pilot.pause()
        assert pilot.app.screen is dialog
        assert "letters, digits" in shown(dialog, "#slot-error")
        dialog.query_one("#slot", Input).value = ""
        await pilot.press(*keys("classroom"), "enter")
        await pilot.pause()
        assert pilot.app.screen is play
        assert (tmp_path / "classroom.json").is_file()
        assert "Saved as 'classroom'" in story_text(play)

    drive(make_app(world, tmp_path), script)


def test_load_dialog_lists_saves_and_restores_one(world, tmp_path):
    """ctrl+o lists saves with where and when, and loading one puts the player back there."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "save here")
        await type_line(pilot, "e")
        await type_line(pilot, "u")
        assert "School Roof" in shown(play, "#where")
        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, LoadScreen)
        slots = [info.slot for info in dialog.saves]
        assert "here" in slots and any(is_id(slot) for slot in slots)  # the game's recording
        here = next(info for info in dialog.saves if info.slot == "here")
        assert here.location == "Classroom 2-3" and here.turn == 1
        dialog.query_one("#saves", OptionList).highlighted = slots.index("here")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is play
        assert "Classroom 2-3" in shown(play, "#where")
        assert "Restored 'here'" in story_text(play)

    drive(make_app(world, tmp_path), script)


def test_continue_resumes_the_autosaved_game(world, tmp_path):
    """A game played in one run is offered as Continue in the next and resumes where it was."""

    async def first(pilot):
        await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "take radio")

    drive(make_app(world, tmp_path), first)

    async def second(pilot):
        menu = pilot.app.screen.query_one("#menu", OptionList)
        assert not menu.get_option("continue").disabled
        assert menu.highlighted == menu.get_option_index("continue")  # Enter continues
        await pilot.press("enter")
        await pilot.pause()
        play = pilot.app.screen
        assert isinstance(play, PlayScreen)
        assert "hand radio" in shown(play, "#inventory")
        assert "Turn 2" in shown(play, "#tally")

    drive(make_app(world, tmp_path), second)
    games = list((tmp_path / "games").glob("*.journal"))
    assert len(games) == 1  # Continue appends to the same game's recording

    async def third(pilot):
        await pilot.press("ctrl+n")  # New game is never the default once a game exists
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlayScreen)
        await type_line(pilot, "look")

    drive(make_app(world, tmp_path), third)
    assert len(list((tmp_path / "games").glob("*.journal"))) == 2  # a new game: a new file
    assert "radio" in " ".join(Session.load(world, games[0].stem, tmp_path).log)


def test_a_damaged_save_is_explained_and_the_game_goes_on(world, tmp_path):
    """Loading a broken file shows what is wrong; the running game is untouched."""
    (tmp_path / "broken.json").write_text("{ not a save", encoding="utf-8")

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        pilot.app.ask_load()
        await pilot.pause()
        dialog = pilot.app.screen
        broken = next(info for info in dialog.saves if info.slot == "broken")
        assert broken.problem
        pilot.app.load_slot("broken")
        await pilot.pause()
        assert any("Could not load" in (n.title or "") for n in pilot.app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert "Classroom 2-3" in shown(play, "#where")

    drive(make_app(world, tmp_path), script)


def test_help_map_and_hints_open_and_close_with_keys(world, tmp_path):
    """F1, F2 and F3 open help, the map and hints over the game; escape closes each."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        for key, kind, expected in [
            ("f1", HelpScreen, "ctrl+z"),
            ("f2", MapScreen, "Classroom 2-3"),
            ("f3", HintsScreen, "classroom"),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(pilot.app.screen, kind)
            page = " ".join(str(w.visual) for w in pilot.app.screen.query(".dialog-body Static"))
            assert expected in page
            await pilot.press("escape")
            await pilot.pause()
            assert pilot.app.screen is play

    drive(make_app(world, tmp_path), script)


def test_ending_screen_shows_the_ending_and_the_choices_that_mattered(world, tmp_path):
    """Reaching an ending opens a summary naming it, the turns and the choices that changed people."""

    async def script(pilot):
        await new_game(pilot)
        for line in TO_THE_END:
            await type_line(pilot, line)
        ending = pilot.app.screen
        assert isinstance(ending, EndingScreen)
        summary = ending.summary
        assert summary.title == "A Voice on the Wind" and summary.kind == "victory"
        assert summary.turns == 6
        assert any("Su-hyeok became" in change for _, _, change in summary.moments)
        assert "A Voice on the Wind" in str(ending.query_one("#ending-title").visual)

    drive(make_app(world, tmp_path), script)


def test_replay_from_the_ending_steps_and_jumps(world, tmp_path):
    """'Replay from here' opens the viewer; step, back, end and jump move through the game."""

    async def script(pilot):
        await new_game(pilot)
        for line in TO_THE_END:
            await type_line(pilot, line)
        await pilot.click("#replay")
        await pilot.pause()
        replay = pilot.app.screen
        assert isinstance(replay, ReplayScreen)
        story = replay.query_one(StoryView)
        assert replay.index == 0 and "> w" not in story_text(replay)
        await pilot.press("right")
        assert replay.index == 1 and "Classroom 2-3" in story_text(replay)
        await pilot.press("right", "left")
        assert replay.index == 1
        await pilot.press("end")
        assert replay.index == len(TO_THE_END)
        assert "A Voice on the Wind" in story_text(replay)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("2", "enter")
        await pilot.pause()
        assert replay.index == 2
        assert "> talk to su-hyeok" in story_text(replay) and "> 2" not in story_text(replay)
        paragraphs = story.paragraph_count
        await pilot.press("home")
        assert replay.index == 0 and story.paragraph_count < paragraphs
        assert "Classroom 2-3" not in shown(replay, "#where")

    drive(make_app(world, tmp_path), script)


def test_replay_play_pause_and_speed(world, tmp_path):
    """Space starts and stops playback, ticks advance a command, +/- change the speed."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "e")
        pilot.app.replay_current()
        await pilot.pause()
        replay = pilot.app.screen
        await pilot.press("space")
        assert replay.playing and replay._timer is not None
        replay._tick()
        assert replay.index == 1
        speed = replay.speed
        await pilot.press("plus")
        assert replay.speed == speed + 1
        await pilot.press("minus", "minus")
        assert replay.speed == speed - 1
        replay._tick()
        replay._tick()
        assert not replay.playing and replay.index == 2
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is play

    drive(make_app(world, tmp_path), script)


def test_replay_a_save_from_the_title(world, tmp_path):
    """The title's 'Replay a save' lists saves and opens the viewer on the one chosen."""

    async def first(pilot):
        await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "save walk")

    drive(make_app(world, tmp_path), first)

    async def second(pilot):
        pilot.app.title_choice("replay")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, LoadScreen)
        dialog.query_one("#saves", OptionList).highlighted = [i.slot for i in dialog.saves].index(
            "walk"
        )
        await pilot.press("enter")
        await pilot.pause()
        replay = pilot.app.screen
        assert isinstance(replay, ReplayScreen)
        assert replay.frames.log == ["w", "save walk"]
        assert "walk" in shown(replay, "#replay-header")

    drive(make_app(world, tmp_path), second)


def test_command_palette_runs_game_commands(world, tmp_path):
    """ctrl+p finds the game's own commands; choosing 'Map' opens the map."""

    async def script(pilot):
        await new_game(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*keys("map"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MapScreen)

    drive(make_app(world, tmp_path), script)


def test_themes_cycle_and_include_blood(world, tmp_path):
    """The game's themes are registered, F10 cycles them, and the blood-red one can be chosen."""

    async def script(pilot):
        await new_game(pilot)
        assert pilot.app.theme == "hyosan-ash"
        await pilot.press("f10")
        assert pilot.app.theme == "hyosan-blood"
        pilot.app.theme = "hyosan-paper"
        await pilot.pause()
        assert pilot.app.current_theme.dark is False

    drive(make_app(world, tmp_path), script)


def test_story_rewraps_when_the_terminal_narrows(world, tmp_path):
    """Making the terminal narrower wraps the story to the new width, keeping every word."""

    async def script(pilot):
        play = await new_game(pilot)
        story = play.query_one(StoryView)
        wide = story.line_count
        words = " ".join(story.plain_lines()).split()
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        width = story.scrollable_content_region.width
        assert story.line_count > wide
        assert all(len(line) <= width for line in story.plain_lines())
        assert " ".join(story.plain_lines()).split() == words

    drive(make_app(world, tmp_path), script, size=(120, 30))


def test_selected_story_text_joins_wrapped_lines(world, tmp_path):
    """Copying a selection gives the paragraph back as one line, not as wrapped fragments."""

    async def script(pilot):
        play = await new_game(pilot)
        story = play.query_one(StoryView)
        lines = story.plain_lines()
        first = next(i for i, line in enumerate(lines) if line.startswith("Concrete steps"))
        selection = Selection(Offset(0, first), Offset(len(lines[first + 1]), first + 1))
        text, _ = story.get_selection(selection)
        assert "\n" not in text
        assert text.startswith("Concrete steps climb") and text.endswith(lines[first + 1])

    drive(make_app(world, tmp_path), script, size=(70, 30))


def test_narrow_terminals_get_a_status_bar_and_f4_shows_the_panel(world, tmp_path):
    """At 80 columns the sidebar gives way to a status line; F4 brings the panel back."""

    async def script(pilot):
        play = await new_game(pilot)
        assert play.query_one("#status-bar").display
        assert not play.query_one("#sidebar").display
        assert "East Stairwell" in shown(play, "#status-bar")
        await pilot.press("f4")
        await pilot.pause()
        assert play.query_one("#sidebar").display

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_quit_command_autosaves_and_exits(world, tmp_path):
    """QUIT (confirmed) ends the app cleanly and the game can be continued later."""

    async def script(pilot):
        await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "quit")
        await pilot.press("y")
        await pilot.pause()

    app = make_app(world, tmp_path)
    drive(app, script)
    assert app.return_code == 0
    assert len(list((tmp_path / "games").glob("*.journal"))) == 1
    assert resume(world, tmp_path).state.location != "stairwell"


def test_world_loads_in_the_background_when_not_given(tmp_path):
    """Without a preloaded world the title shows first and New game waits for the world."""
    config = TuiConfig(world_dirs=(WORLD_DIR,), saves_dir=tmp_path, seed=7, cursor_blink=False)
    app = HyosanApp(config)

    async def script(pilot):
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlayScreen)
        assert "East Stairwell" in story_text(pilot.app.screen)

    drive(app, script)


def test_a_broken_world_exits_with_the_loader_message(tmp_path):
    """A world with errors closes the app with code 2 and the loader's message, not a traceback."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "game.yaml").write_text(
        "game: {title: X}\nrooms: {a: {name: A, exits: {north: nowhere_room}}}\n"
    )
    app = HyosanApp(TuiConfig(world_dirs=(bad,), saves_dir=tmp_path, cursor_blink=False))

    async def script(pilot):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    drive(app, script)
    assert app.return_code == 2
    assert "game.yaml" in app.world_problem


def test_load_flag_opens_the_saved_game_directly(world, tmp_path):
    """`hyosan --load NAME` skips the title and puts the player where the save was made."""

    async def first(pilot):
        await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "save start-here")

    drive(make_app(world, tmp_path), first)

    async def second(pilot):
        await pilot.pause()
        play = pilot.app.screen
        assert isinstance(play, PlayScreen)
        assert "Classroom 2-3" in shown(play, "#where")
        assert "Restored 'start-here'" in story_text(play)

    drive(make_app(world, tmp_path, load="start-here"), second)


def test_replay_flag_opens_the_viewer_on_a_save(world, tmp_path):
    """`hyosan replay NAME` opens the replay viewer on that save's commands."""

    async def first(pilot):
        await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "e")
        await type_line(pilot, "save twice")

    drive(make_app(world, tmp_path), first)

    async def second(pilot):
        await pilot.pause()
        replay = pilot.app.screen
        assert isinstance(replay, ReplayScreen)
        assert replay.frames.log == ["w", "e", "save twice"]
        await pilot.press("end")
        assert "East Stairwell" in shown(replay, "#where")

    drive(make_app(world, tmp_path, replay="twice"), second)


def test_dragging_over_the_story_and_ctrl_c_copies_it(world, tmp_path):
    """Text in the story can be selected with the mouse and copied with ctrl+c while typing."""

    async def script(pilot):
        play = await new_game(pilot)
        story = play.query_one(StoryView)
        lines = story.plain_lines()
        row = lines.index("East Stairwell")
        await pilot.mouse_down(story, offset=(2, row))
        await pilot.hover(story, offset=(30, row + 1))
        await pilot.mouse_up(story, offset=(30, row + 1))
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert pilot.app.clipboard.startswith("East Stairwell\nConcrete steps")
        assert pilot.app.focused is play.query_one("#command")

    drive(make_app(world, tmp_path), script)


def test_an_encounter_offers_flee_hide_and_fight(world, tmp_path):
    """Meeting something hostile shows Flee, Hide and Fight; a number key takes the move."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "e")
        menu = play.query_one(DialogueMenu)
        assert menu.display and menu.has_class("-danger")
        assert "Crawler" in str(menu.border_title) and "2 moves" in str(menu.border_title)
        await pilot.press("1")
        await pilot.pause()
        assert "> flee" in story_text(play)
        assert "slam the door" in story_text(play)
        assert "East Stairwell" in shown(play, "#where")
        assert not menu.display

    drive(make_app(world, tmp_path), script)


def test_tab_after_a_verb_offers_no_verbs_and_cycles_directions_at_80x24(world, tmp_path):
    """`take k` with no k-thing in view stays as typed (never `take kick`); `sou` tab tab tab
    walks south, southeast, southwest, and the list of choices shows once."""

    async def script(pilot):
        play = await new_game(pilot)
        command = play.query_one("#command", Input)
        await pilot.press(*keys("take k"), "tab")
        assert command.value == "take k"
        command.value = ""
        await pilot.press(*keys("sou"))
        await pilot.pause()
        assert command._suggestion == "south"
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(command.value)
        assert seen == ["south", "southeast", "southwest", "south"]
        assert "southeast" in shown(play, "#completions")

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_f10_says_which_theme_it_switched_to_at_80x24(world, tmp_path):
    """F10 shows a short notification naming the new theme (no silent colour change)."""

    async def script(pilot):
        await new_game(pilot)
        await pilot.press("f10")
        await pilot.pause()
        said = [n.message for n in pilot.app._notifications]
        assert pilot.app.theme == "hyosan-blood"
        assert any("Blood" in text and "F10" in text for text in said)

    drive(make_app(world, tmp_path), script, size=(80, 24))


def test_up_recalls_history_in_a_conversation_as_the_prompt_and_help_say_at_80x24(world, tmp_path):
    """With the menu open, up still recalls the last line (the prompt says "↑ history"); the
    menu's own keys are shown on it and in F1, and the highlight has not moved."""

    async def script(pilot):
        play = await new_game(pilot)
        await type_line(pilot, "w")
        await type_line(pilot, "talk to su-hyeok")
        menu = play.query_one(DialogueMenu)
        assert menu.display and "↑ history" in play.command.placeholder
        await pilot.press("up")
        assert play.command.value == "talk to su-hyeok"
        assert menu.highlighted == 0 and not menu.touched
        assert "ctrl+↑↓" in str(menu.border_subtitle)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        keys_text = " ".join(f"{key} {what}" for key, what in HELP_KEYS)
        assert "ctrl+↑ ↓" in keys_text and "also in a conversation" in keys_text

    drive(make_app(world, tmp_path), script, size=(80, 24))
