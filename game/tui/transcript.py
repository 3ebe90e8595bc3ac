"""SCRIPT / TRANSCRIPT in the TUI: the story from then on copied to a text file, and where it is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.tui.widgets.story import StoryView


class StoryTranscript:
    """Copies what the story shows to a transcript file while it is on."""

    def __init__(self, story: StoryView, opener: Callable[[], Any]) -> None:
        self.story = story
        self.opener = opener  # opens the file (OSError says why it could not)
        self.file: Any = None

    def toggle(self, on: bool) -> str:
        """Turn the transcript on or off; the line to show says what happened and where."""
        if on and self.file is None:
            try:
                self.file = self.opener()
            except OSError as error:
                return f"[Could not open a transcript file: {error.strerror or error}.]"
            self.story.copy_to = self._copy
            return f"[Transcript on: the story from here is written to {self.file.path}.]"
        if on:
            return f"[The transcript is already on, writing to {self.file.path}.]"
        if self.file is None:
            return "[No transcript is being written. Type SCRIPT to start one.]"
        path = self.file.path
        self.stop()
        return f"[Transcript off. It is kept in {path}.]"

    def _copy(self, paragraphs: list[tuple[str, str]]) -> None:
        """Write new paragraphs; a failing disk stops the transcript with a warning in the story."""
        problem = self.file.write("".join(f"{text}\n\n" for _, text in paragraphs))
        if problem:
            self.stop()
            self.story.call_later(self.story.append, [("warning", problem)])

    def stop(self) -> None:
        """Close the file (the game goes on)."""
        self.story.copy_to = None
        if self.file is not None:
            self.file.close()
            self.file = None
