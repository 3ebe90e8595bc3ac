"""The title screen: the name, and the ways into the game."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

LOGO = """\
██╗  ██╗██╗   ██╗ ██████╗ ███████╗ █████╗ ███╗   ██╗
██║  ██║╚██╗ ██╔╝██╔═══██╗██╔════╝██╔══██╗████╗  ██║
███████║ ╚████╔╝ ██║   ██║███████╗███████║██╔██╗ ██║
██╔══██║  ╚██╔╝  ██║   ██║╚════██║██╔══██║██║╚██╗██║
██║  ██║   ██║   ╚██████╔╝███████║██║  ██║██║ ╚████║
╚═╝  ╚═╝   ╚═╝    ╚═════╝ ╚══════╝╚═╝  ╚═╝╚═╝  ╚═══╝"""
SMALL_LOGO = "H Y O S A N"
SHADES = (
    "$primary-lighten-2",
    "$primary-lighten-1",
    "$primary",
    "$primary-darken-1",
    "$primary-darken-2",
    "$primary-darken-3",
)
MENU = (
    ("new", "New game"),
    ("continue", "Continue"),
    ("load", "Load a save"),
    ("replay", "Replay a save"),
    ("help", "How to play"),
    ("quit", "Quit"),
)


def logo_content() -> Content:
    """The block-letter name, shaded from bright to dark blood."""
    rows = [
        Content.styled(row, f"bold {shade}")
        for row, shade in zip(LOGO.splitlines(), SHADES, strict=True)
    ]
    return Content("\n").join(rows)


class TitleScreen(Screen[None]):
    """The first thing a player sees."""

    AUTO_FOCUS = "#menu"
    BINDINGS = [  # noqa: RUF012
        Binding("f1", "choose('help')", "Help"),
        Binding("ctrl+n", "choose('new')", "New game"),
        Binding("escape", "choose('quit')", "Quit", show=False),
    ]

    def __init__(self, can_continue: bool = False, has_saves: bool = False) -> None:
        super().__init__()
        self.can_continue = can_continue
        self.has_saves = has_saves

    def compose(self) -> ComposeResult:
        """Logo, subtitle, menu, footer."""
        with Vertical(id="title-box"):
            yield Static(logo_content(), id="logo")
            yield Static(Content.styled(SMALL_LOGO, "bold $primary"), id="small-logo")
            yield Static(
                Content.assemble(
                    ("━━━━  ", "$primary"),
                    ("THE  EXCLUSION  ZONE", "bold $foreground"),
                    ("  ━━━━", "$primary"),
                ),
                id="subtitle",
            )
            yield Static("The wall held for a year. Tonight it doesn't.", id="tagline")
            with Center():
                yield OptionList(*self._options(), id="menu")
            yield Static(
                "↑↓ enter · F1 how to play · ctrl+p commands · ctrl+q quit", id="title-keys"
            )

    def _options(self) -> list[Option]:
        """The menu, with options that cannot work yet disabled."""
        disabled = {
            "continue": not self.can_continue,
            "load": not self.has_saves,
            "replay": not self.has_saves,
        }
        return [Option(label, id=key, disabled=disabled.get(key, False)) for key, label in MENU]

    def on_mount(self) -> None:
        """The menu takes the keys (AUTO_FOCUS alone does not reach the first screen everywhere);
        Continue is the default when there is a game to continue."""
        menu = self.query_one("#menu", OptionList)
        menu.focus()
        self._highlight_default(menu)

    def _highlight_default(self, menu: OptionList) -> None:
        """Highlight Continue when it can work, else New game (Enter never starts over by chance)."""
        key = "continue" if self.can_continue else "new"
        menu.highlighted = menu.get_option_index(key)

    def on_screen_resume(self) -> None:
        """Coming back to the title: saves may have appeared since."""
        from game.tui.app import save_presence

        self.can_continue, self.has_saves = save_presence(self.app.config.saves_dir)
        menu = self.query_one("#menu", OptionList)
        for key, disabled in self._disabled().items():
            if disabled:
                menu.disable_option(key)
            else:
                menu.enable_option(key)
        self._highlight_default(menu)

    def _disabled(self) -> dict[str, bool]:
        """Menu entries that cannot work now."""
        return {
            "continue": not self.can_continue,
            "load": not self.has_saves,
            "replay": not self.has_saves,
        }

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Carry out the chosen entry."""
        self.action_choose(event.option.id or "")

    def action_choose(self, key: str) -> None:
        """Hand the choice to the app."""
        self.app.title_choice(key)
