"""The Hyosan Textual app: themes, screens, and the flow between them."""

from __future__ import annotations

import secrets
from types import SimpleNamespace
from typing import Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from game.tui.config import TuiConfig
from game.tui.screens.title import TitleScreen
from game.tui.themes import DEFAULT_THEME, THEMES

# The engine, the saves and the play screens are imported on first use (mostly while the world
# loads in a thread), so the title screen shows as fast as a bare Textual app.


def _game_commands() -> Any:
    """The command palette provider (imported when the palette first opens)."""
    from game.tui.commands import GameCommands

    return GameCommands


def _driver() -> Any:
    """The game side of the UI."""
    from game.tui import driver

    return driver


def _is_play(screen: Any) -> bool:
    """Whether a screen is a play screen (without importing it)."""
    return type(screen).__name__ == "PlayScreen"


class HyosanApp(App[int]):
    """The game as players see it."""

    CSS_PATH = "hyosan.tcss"
    TITLE = "Hyosan"
    COMMANDS = App.COMMANDS | {_game_commands}
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (100, "-wide"), (150, "-huge")]
    VERTICAL_BREAKPOINTS: ClassVar = [(0, "-short"), (30, "-tall")]
    BINDINGS: ClassVar = [Binding("f10", "next_theme", "Theme", show=False)]

    def __init__(self, config: TuiConfig, world: Any = None) -> None:
        super().__init__()
        self.config = config
        self.world = world
        self._pending: list[Any] = []
        self.world_problem = ""
        from game.tui.settings import load_settings

        self.settings = load_settings(config.settings)
        for theme in THEMES:
            self.register_theme(theme)
        names = {theme.name for theme in THEMES}
        saved = self.settings.get("theme") if self.settings.get("theme") in names else None
        # before the CSS is first parsed: parsed once
        self.theme = config.theme or saved or DEFAULT_THEME

    # -- start-up -----------------------------------------------------------------------

    def _get_default_css(self) -> list:
        """The app's default CSS plus that of the title screen's widgets, so the stylesheet is
        parsed once at start instead of once per newly mounted widget type (a faster first frame)."""
        from textual.containers import Center, Vertical
        from textual.scrollbar import ScrollBar, ScrollBarCorner
        from textual.widgets import OptionList, Static
        from textual.widgets._toast import ToastRack
        from textual.widgets._tooltip import Tooltip

        kinds = (
            TitleScreen,
            Static,
            OptionList,
            ScrollBar,
            ScrollBarCorner,
            ToastRack,
            Tooltip,
            Vertical,
            Center,
        )
        css = super()._get_default_css()
        for kind in kinds:
            css += DOMNode._get_default_css(SimpleNamespace(_node_bases=kind._css_bases(kind)))
        return css

    def get_default_screen(self) -> TitleScreen:
        """The title is the bottom screen: the first frame needs no other."""
        return TitleScreen(*save_presence(self.config.saves_dir))

    def on_mount(self) -> None:
        """Load the world after the first frame; with --load or replay, go straight there."""
        self.theme_changed_signal.subscribe(self, lambda theme: self.remember(theme=theme.name))
        if self.world is None:
            self.call_after_refresh(self._load_world)  # after the first frame: no GIL contention
        if self.config.load:
            self.when_world(lambda: self.load_slot(self.config.load))
        elif self.config.replay:
            self.when_world(lambda: self.open_replay_slot(self.config.replay, leave_app=True))

    @work(thread=True, exclusive=True, group="world")
    def _load_world(self) -> None:
        """Load the world (and import the game) off the UI thread so the title shows at once."""
        driver = _driver()
        try:
            world = driver.load_world(self.config.world_dirs)
        except driver.WorldProblem as problem:
            self.world_problem = str(problem)
            self.call_from_thread(self.exit, return_code=2, message=self.world_problem)
            return
        self.call_from_thread(self._world_ready, world)

    def _world_ready(self, world: Any) -> None:
        """Run what was waiting for the world."""
        self.world = world
        pending, self._pending = self._pending, []
        for callback in pending:
            callback()

    def when_world(self, callback: Any) -> None:
        """Run `callback` now if the world is loaded, else as soon as it is."""
        if self.world is not None:
            callback()
        else:
            self._pending.append(callback)

    # -- flow ---------------------------------------------------------------------------

    def title_choice(self, key: str) -> None:
        """An entry of the title menu."""
        if key == "new":
            self.new_game()
        elif key == "continue":
            self.when_world(lambda: self.load_slot(_driver().AUTOSAVE))
        elif key == "load":
            self.ask_load()
        elif key == "replay":
            self.ask_load(replay=True)
        elif key == "help":
            from game.tui.screens.info import HelpScreen

            self.push_screen(HelpScreen())
        elif key == "quit":
            self.exit(0)

    def new_game(self) -> None:
        """A new game with the configured seed (or a fresh random one)."""
        seed = self.config.seed if self.config.seed is not None else secrets.randbelow(2**31)
        self.when_world(
            lambda: self.start(
                _driver().new_session(self.world, seed, self.config.saves_dir, self.config.debug)
            )
        )

    def start(self, session: Any, opening: Any = None) -> None:
        """Show the play screen for a session (replacing any game in progress)."""
        from game.tui.screens.play import PlayScreen

        screen = PlayScreen(session, session.opening if opening is None else opening)
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def to_title(self) -> None:
        """Back to the title screen."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def ask_save(self, play: Any) -> None:
        """The save dialog, then the save (not a turn: nothing is added to the log)."""
        from game.tui.screens.dialogs import SaveScreen

        def done(slot: str | None) -> None:
            if slot:
                play.story.append((p.kind, p.text) for p in _driver().save(play.session, slot))

        self.push_screen(SaveScreen(_driver().suggest_slot(play.session)), done)

    def ask_load(self, replay: bool = False) -> None:
        """The load dialog, then the game (or its replay)."""
        from game.tui.screens.dialogs import LoadScreen

        saves = _driver().list_saves(self.config.saves_dir, self.world)

        def done(slot: str | None) -> None:
            if not slot:
                return
            if replay:
                self.when_world(lambda: self.open_replay_slot(slot))
            elif _is_play(self.screen):
                self.screen.restore(slot)
            else:
                self.when_world(lambda: self.load_slot(slot))

        self.push_screen(LoadScreen(saves, "Replay a save" if replay else "Load a game"), done)

    def load_slot(self, slot: str) -> None:
        """Start playing from a save; a bad save is explained and nothing else changes."""
        try:
            session, opening = _driver().load_session(
                self.world, slot, self.config.saves_dir, self.config.debug
            )
        except _driver().SaveProblem as problem:
            self.notify(str(problem), title="Could not load", severity="error", timeout=8)
            return
        self.start(session, opening)

    def show_ending(self, session: Any) -> None:
        """The ending screen; its choice decides what happens next."""
        from game.tui.screens.ending import EndingScreen

        summary = _driver().ending_summary(session)

        def done(choice: str | None) -> None:
            play = self.screen if _is_play(self.screen) else None
            if choice == "undo" and play is not None:
                play.send("undo")
            elif choice == "replay":
                self.open_replay(session.world, session.seed, list(session.log))
            elif choice == "load":
                self.ask_load()
            elif choice == "new":
                self.new_game()
            elif choice == "title":
                self.to_title()

        self.push_screen(EndingScreen(summary), done)

    def replay_current(self) -> None:
        """Replay the game in progress from its first command."""
        screen = self.screen
        if _is_play(screen):
            session = screen.session
            self.open_replay(session.world, session.seed, list(session.log))

    def open_replay_slot(self, slot: str, leave_app: bool = False) -> None:
        """Replay a saved game."""
        try:
            seed, log = _driver().read_log(self.world, slot, self.config.saves_dir)
        except _driver().SaveProblem as problem:
            self.notify(str(problem), title="Could not replay", severity="error", timeout=8)
            return
        self.open_replay(self.world, seed, log, slot, leave_app)

    def open_replay(
        self, world: Any, seed: int, log: list[str], label: str = "", leave_app: bool = False
    ) -> None:
        """The replay viewer over a seed and a command log."""
        from game.tui.screens.replay import ReplayScreen

        self.push_screen(ReplayScreen(world, seed, log, label, leave_app))

    def action_quit_game(self) -> None:
        """Write the autosave of the game in progress, then quit."""
        for screen in self.screen_stack:
            if _is_play(screen):
                _driver().close(screen.session)
        self.exit(0)

    async def action_quit(self) -> None:
        """ctrl+q: quit without losing the game in progress."""
        self.action_quit_game()

    def remember(self, **changes: Any) -> None:
        """Keep a setting for the next launch."""
        from game.tui.settings import save_settings

        if all(self.settings.get(k) == v for k, v in changes.items()):
            return
        self.settings.update(changes)
        save_settings(self.config.settings, self.settings)

    def action_next_theme(self) -> None:
        """Cycle through the game's themes."""
        names = [theme.name for theme in THEMES]
        index = names.index(self.theme) + 1 if self.theme in names else 0
        self.theme = names[index % len(names)]
        self.notify(
            f"{theme_label(self.theme)} ({index % len(names) + 1} of {len(names)}) · F10 for the next",
            title="Theme",
            timeout=3,
        )


def theme_label(name: str) -> str:
    """A theme's name as a player reads it: 'hyosan-ash' -> 'Ash'."""
    return name.removeprefix("hyosan-").replace("-", " ").capitalize()


def save_presence(saves_dir: Any) -> tuple[bool, bool]:
    """(a game to continue exists, any save exists), from file names alone (no game imports)."""
    try:
        names = {p.stem for p in saves_dir.glob("*.json") if p.is_file()}
        games = any(p.is_file() for p in (saves_dir / "games").glob("*.journal"))
    except OSError:
        return False, False
    return games or "autosave" in names, games or bool(names)
