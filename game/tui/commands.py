"""The command palette's game commands (ctrl+p)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from game.tui.themes import THEMES

PLAY_COMMANDS = (
    ("Look around", "look", "Describe where you are"),
    ("Inventory", "inventory", "List what you carry"),
    ("Wait", "wait", "Let a turn pass"),
    ("Undo", "undo", "Take back the last command"),
    ("Score", "score", "Your score so far"),
)
SCREEN_ACTIONS = (
    ("Save game", "save", "Save to a named slot"),
    ("Load game", "load", "Load a saved game"),
    ("Map", "map", "The full map of visited rooms"),
    ("Hint", "hints", "A nudge for where you are"),
    ("Help", "help", "Verbs and keys"),
    ("Toggle side panel", "toggle_sidebar", "Show or hide the panel"),
    ("Reload world", "reload_world", "Read the world's YAML again, keeping the game (authors)"),
)


class GameCommands(Provider):
    """Game commands, screens and themes, searchable by name."""

    def _entries(self) -> list[tuple[str, object, str]]:
        """(name, callback, help) for everything the palette offers here."""
        app = self.app
        screen = self.screen
        entries: list[tuple[str, object, str]] = []
        if hasattr(screen, "send"):
            entries += [
                (name, partial(screen.send, cmd), text) for name, cmd, text in PLAY_COMMANDS
            ]
            entries += [
                (name, partial(screen.run_action, action), text)
                for name, action, text in SCREEN_ACTIONS
            ]
            entries.append(
                ("Replay this game", app.replay_current, "Watch this game again from the start")
            )
        entries.append(("New game", app.new_game, "Start again from the beginning"))
        entries.append(("Title screen", app.to_title, "Back to the title"))
        entries += [
            (
                f"Theme: {theme.name.removeprefix('hyosan-')}",
                partial(setattr, app, "theme", theme.name),
                "Colours",
            )
            for theme in THEMES
        ]
        return entries

    async def discover(self) -> Hits:
        """Everything, before anything is typed."""
        for name, callback, text in self._entries():
            yield DiscoveryHit(name, callback, help=text)

    async def search(self, query: str) -> Hits:
        """Entries matching what is typed."""
        matcher = self.matcher(query)
        for name, callback, text in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=text)
