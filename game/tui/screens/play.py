"""The play screen: story, command line, side panel; turns go through the session."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from game.tui import driver
from game.tui.problems import fold
from game.tui.screens.dialogs import ConfirmScreen
from game.tui.screens.info import HelpScreen, HintsScreen, MapScreen, ProblemsScreen
from game.tui.transcript import StoryTranscript
from game.tui.widgets.command import CommandInput
from game.tui.widgets.dialogue import DialogueMenu
from game.tui.widgets.minimap import Minimap, links_of
from game.tui.widgets.sidebar import Sidebar, is_healthy
from game.tui.widgets.story import StoryView

PLAY_BINDINGS = [
    Binding("f1", "help", "Help", id="help"),
    Binding("f2", "map", "Map", id="map"),
    Binding("f3", "hints", "Hint", id="hints"),
    Binding("f4", "toggle_sidebar", "Panel", id="panel"),
    Binding("ctrl+s", "save", "Save", id="save"),
    Binding("ctrl+o", "load", "Load", id="load"),
    Binding("ctrl+z", "undo", "Undo", id="undo"),
    Binding("f5", "reload_world", "Reload world", id="reload", show=False),
    Binding("pageup", "page(-1)", "Page up", show=False),
    Binding("pagedown", "page(1)", "Page down", show=False),
    Binding("ctrl+home", "story_edge(0)", show=False),
    Binding("ctrl+end", "story_edge(1)", show=False),
    Binding("escape", "dismiss_completions", show=False),
]
LEAVING = {  # what QUIT and RESTART ask when play since the last save would be left behind
    "quit": (
        "Quit the game?",
        "You have played since the game was last saved. Nothing is lost: the game is kept, "
        "and Continue on the title screen picks it up where you leave it.",
        "Quit",
    ),
    "restart": (
        "Start again from the beginning?",
        "You have played since the game was last saved. If you change your mind, UNDO "
        "takes the restart back.",
        "Restart",
    ),
}


class PlayScreen(Screen[None]):
    """Where the game is played."""

    AUTO_FOCUS = "#command"
    BINDINGS = PLAY_BINDINGS

    def __init__(self, session: Any, opening: Iterable[Any] = ()) -> None:
        super().__init__()
        self.session = session
        self._opening = [(p.kind, p.text) for p in opening]
        self._words_for: Any = None
        self._words: Any = ()

    def compose(self) -> ComposeResult:
        """Status bar (narrow terminals), story + command line, side panel, footer."""
        yield Static(id="status-bar")
        with Horizontal(id="body"):
            with Vertical(id="main"):
                yield StoryView(id="story")
                yield Static("▼ more below · enter or PgDn", id="more")
                yield DialogueMenu(id="dialogue")
                yield Static(id="completions")
                with Horizontal(id="prompt-row"):
                    yield Static("›", id="prompt")
                    yield CommandInput(
                        self.scope_words, id="command", cursor_blink=self.app.config.cursor_blink
                    )
            yield Sidebar(id="sidebar")
        yield Footer()

    def on_unmount(self) -> None:
        """The game's recording is flushed and let go when its screen goes (new game, exit)."""
        driver.close(self.session)
        self.transcript.stop()

    def on_mount(self) -> None:
        """Show the opening text and the panels; the game's own lines are the command history."""
        self.command.load_history(self.session.log)
        self.set_class(bool(self.app.settings.get("panel_toggled")), "-panel-toggled")
        self.query_one(DialogueMenu).display = False
        self.query_one("#more").display = False
        self.story.append(self._opening)
        self.transcript = StoryTranscript(self.story, lambda: driver.open_transcript(self.session))
        self.refresh_panels()

    @property
    def story(self) -> StoryView:
        """The story widget."""
        return self.query_one("#story", StoryView)

    @property
    def command(self) -> CommandInput:
        """The command line."""
        return self.query_one("#command", CommandInput)

    def scope_words(self) -> Any:
        """Words for completion, computed once per game state."""
        if self._words_for is not self.session.state:
            self._words_for = self.session.state
            self._words = driver.scope_words(self.session)
        return self._words

    # -- turns --------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter plays the line; on an empty line during a conversation, the highlighted choice."""
        if event.input.id != "command":
            return
        event.stop()
        text = event.value.strip()
        event.input.value = ""
        menu = self.query_one(DialogueMenu)
        if not text and menu.display:
            text = menu.chosen() or ""
        if not text and self.story.more_below:
            self.story.scroll_page_down()
        elif text:
            self.send(text)

    def on_story_view_more_below(self, message: StoryView.MoreBelow) -> None:
        """Show or hide the 'more below' marker."""
        self.query_one("#more").display = message.more

    def on_command_input_menu_key(self, message: CommandInput.MenuKey) -> None:
        """Arrow keys and number keys from the command line, while the menu is up."""
        menu = self.query_one(DialogueMenu)
        if message.key in ("up", "down"):
            menu.move(-1 if message.key == "up" else 1)
        elif (command := menu.command_of(message.key)) is not None:
            self.send(command)

    def on_option_list_option_selected(self, event: DialogueMenu.OptionSelected) -> None:
        """A click (or enter) on a choice."""
        command = self.query_one(DialogueMenu).command_of(event.option.id or "")
        if command:
            self.send(command)
        self.command.focus()

    def action_send(self, command: str) -> None:
        """A clicked exit or item plays its command."""
        self.send(command)
        self.command.focus()

    def send(self, text: str, confirmed: bool = False) -> Any:
        """Play one line: echo it, run it, show the result, carry out requests."""
        self.command.remember(text)
        self.hide_completions()
        if not confirmed and self.ask_before_leaving(text):
            return None
        before = self.session.state
        menu = self.query_one(DialogueMenu)
        label = menu.label_of(text.strip()) if menu.display else ""
        echo = ("command", f"> {text}" + (f" — {label}" if label else ""))
        try:
            turn = self.session.play(text)
        except Exception as error:  # an engine bug must not take the game down
            problem = f"Something went wrong inside the game: {error!r}. Type UNDO, or save and report it."
            self.story.append([echo, ("error", problem)])
            return None
        menu_shows_choices = driver.menu(self.session) is not None  # no need to list them twice
        shown = [
            (p.kind, p.text) for p in turn.output if not (menu_shows_choices and p.kind == "choice")
        ]
        self.story.append([echo, *shown])
        self.refresh_panels()
        for request in turn.requests:
            self.carry_out(request.kind, request.arg)
        self.after_turn(before, turn)
        return turn

    def ask_before_leaving(self, text: str) -> bool:
        """QUIT or RESTART with play since the last save asks first; True when it asked."""
        kind = driver.leaving(text)
        if not kind or not driver.unsaved(self.session):
            return False

        def answered(yes: bool | None) -> None:
            if yes:
                self.send(text, confirmed=True)
            self.command.focus()

        self.app.push_screen(ConfirmScreen(*LEAVING[kind]), answered)
        return True

    def after_turn(self, before: Any, turn: Any) -> None:
        """After UNDO say where you are; open the ending when a command ended the game."""
        if driver.undone(before, turn.state):
            if turn.state.phase != "encounter":
                self.story.append((p.kind, p.text) for p in driver.look(self.session))
            return
        if turn.state.ending and turn.state.ending != getattr(before, "ending", None):
            self.app.show_ending(self.session)

    def refresh_menu(self) -> None:
        """The conversation or danger menu, rebuilt from the game's state (never from old text)."""
        menu = self.query_one(DialogueMenu)
        now = driver.menu(self.session)
        if now is None:
            menu.hide()
        elif now.kind == "dialogue":
            menu.show_choices(f"Talking to {now.name}", list(now.choices))
        else:
            left = now.moves_left
            warning = (
                f" — {left} move{'s' if left != 1 else ''} before it reaches you" if left else ""
            )
            name = now.name[:1].upper() + now.name[1:]
            menu.show_choices(f"{name}{warning}", list(now.choices), danger=True)
        self.command.menu_numbers = menu.numbers() if menu.display else frozenset()

    def carry_out(self, kind: str, arg: str) -> None:
        """Do what the engine asked a front end to do."""
        if kind == "map":
            self.action_map()
        elif kind == "quit":
            self.app.action_quit_game()
        elif kind == "transcript":
            self.story.append([("meta", self.transcript.toggle(arg != "off"))])

    # -- panels -------------------------------------------------------------------------

    def refresh_panels(self) -> None:
        """Sidebar, status bar, minimap and menu from the current state."""
        self.refresh_menu()
        status = driver.status(self.session)
        state = self.session.state
        self.query_one(Sidebar).show(status)
        self.story.link_things(status.here)
        self.query_one("#status-bar", Static).update(status_line(status), layout=False)
        world = self.session.world
        if hasattr(world, "exits"):
            self.query_one(Minimap).show(
                links_of(world, state.flags), set(state.visited), state.location
            )

    def on_command_input_completions(self, message: CommandInput.Completions) -> None:
        """Show the words that could complete the line."""
        shown = self.query_one("#completions", Static)
        shown.update(
            Content.assemble(("tab: ", "bold $text-muted"), "  ".join(message.options[:30]))
        )
        shown.display = True

    def on_input_changed(self, event: Input.Changed) -> None:
        """Typing hides the completion list."""
        if event.input.id == "command":
            self.hide_completions()

    def hide_completions(self) -> None:
        """Hide the completion list."""
        self.query_one("#completions", Static).display = False

    # -- actions ------------------------------------------------------------------------

    def action_dismiss_completions(self) -> None:
        """Escape hides the completion list."""
        self.hide_completions()

    def action_help(self) -> None:
        """Verbs and keys."""
        self.app.push_screen(HelpScreen())

    def action_reload_world(self) -> None:
        """F5: read the world's YAML again, keep the game where it can; problems go in a panel."""
        ok, problems = driver.reload_world(self.session, self.app.config.world_dirs)
        if not ok:
            self.app.push_screen(ProblemsScreen(*fold(problems)))
            return
        self.app.world = self.session.world
        note = f"[World reloaded: {self.session.world.counts()}.]"
        if problems:
            note += (
                f" {len(problems)} warning{'s' if len(problems) != 1 else ''}: run hyosan check."
            )
        look = driver.look(self.session)
        self.story.append([("meta", note), *((p.kind, p.text) for p in look)])
        self._words_for = None
        self.refresh_panels()

    def action_map(self) -> None:
        """The full map of visited rooms."""
        world, state = self.session.world, self.session.state
        names = {room_id: room.name for room_id, room in getattr(world, "rooms", {}).items()}
        status = driver.status(self.session)
        links = links_of(world, state.flags) if hasattr(world, "exits") else {}
        self.app.push_screen(
            MapScreen(links, set(state.visited), state.location, names, status.region)
        )

    def action_hints(self) -> None:
        """Ask the game for a hint, in a dialog that can ask again."""
        self.app.push_screen(HintsScreen(self._hint_lines))

    def _hint_lines(self) -> list[str]:
        """Play HINT and return what it said."""
        turn = self.send("hint")
        return [p.text for p in turn.output] if turn is not None else []

    def action_toggle_sidebar(self) -> None:
        """Show or hide the side panel."""
        self.toggle_class("-panel-toggled")
        self.app.remember(panel_toggled=self.has_class("-panel-toggled"))

    def action_save(self) -> None:
        """Ask for a slot, then save."""
        self.app.ask_save(self)

    def action_load(self) -> None:
        """Pick a save and load it."""
        self.app.ask_load()

    def restore(self, slot: str) -> None:
        """Load a save into this game; the story goes on below with what it says."""
        self.story.append((p.kind, p.text) for p in driver.restore_into(self.session, slot))
        self.command.load_history(self.session.log)
        self.refresh_panels()

    def action_undo(self) -> None:
        """Take back the last command."""
        self.send("undo")

    def action_page(self, direction: int) -> None:
        """Scroll the story a page."""
        if direction < 0:
            self.story.scroll_page_up()
        else:
            self.story.scroll_page_down()

    def action_story_edge(self, end: int) -> None:
        """Scroll the story to its start or end."""
        if end:
            self.story.scroll_end()
        else:
            self.story.scroll_home()


def status_line(status: Any) -> Content:
    """The one-line status of narrow terminals: only the fields this world has."""
    parts: list[Any] = [
        (status.location, "bold $accent"),
        ("  " + (status.region or ""), "italic $text-muted"),
    ]
    if getattr(status, "time", ""):
        parts += [("   " + status.time, "$warning")]
    if status.has_condition:
        left = f" ({status.turns_left})" if status.turns_left is not None else ""
        style = "$success" if is_healthy(status) else "bold $error"
        parts += [("   ", ""), (status.condition_label + left, style)]
    parts += [("   Turn ", "$text-muted"), str(status.turn)]
    if status.has_score:
        score = f"{status.score}/{status.max_score}" if status.max_score else str(status.score)
        parts += [("  Score ", "$text-muted"), score]
    return Content.assemble(*parts)
