"""Problems found in a world: what, where, and how to fix it."""

from __future__ import annotations

from collections.abc import Iterable

from game.model.record import record


@record
class Problem:
    """One error or warning about a world file, at a line and column (1-based)."""

    path: str
    line: int
    col: int
    message: str
    fix: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        tag = "" if self.severity == "error" else f"{self.severity}: "
        text = f"{where}: {tag}{self.message}"
        return f"{text} — {self.fix}" if self.fix else text


class WorldError(Exception):
    """A world that cannot be played; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """Suggest the nearest known word, as a fix hint, or '' when none is close."""
    import difflib  # only when a world has a problem: kept out of start-up

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
