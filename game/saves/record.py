"""What the log records of each played line: digests of output and state, and a short excerpt."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence

from game.engine import GameState, Paragraph, Turn
from game.engine.canon import state_text
from game.saves.format import LogEntry

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

EXCERPT = 72
MAX_LINE = 1000  # characters of one typed line that are played and kept in the log
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def safe_text(text: str) -> str:
    """The typed line cut to MAX_LINE characters, lone surrogates (undecodable bytes) made U+FFFD."""
    return _SURROGATES.sub("\ufffd", text[:MAX_LINE])


def cut_note(text: str) -> str:
    """What the player is told when a typed line was longer than MAX_LINE."""
    return f"(That line was {len(text):,} characters long; only the first {MAX_LINE:,} were read.)"


def output_text(output: Sequence[Paragraph]) -> str:
    """Paragraphs as plain text, blank-line separated."""
    return "\n\n".join(p.text for p in output)


def output_digest(output: Sequence[Paragraph]) -> str:
    """Eight hex digits identifying a turn's text (kinds included)."""
    text = "\x1e".join(f"{p.kind}\x1f{p.text}" for p in output)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def state_digest(state: GameState) -> str:
    """Eight hex digits identifying a state (its history left out); equal to `data_digest` of
    its data, but built from pieces the previous state already encoded."""
    return hashlib.sha256(state_text(state).encode("utf-8", "surrogatepass")).hexdigest()[:8]


def data_digest(data: dict[str, Any]) -> str:
    """Eight hex digits identifying state data."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def excerpt(output: Sequence[Paragraph]) -> str:
    """The start of a turn's text on one line, for people reading the save."""
    return excerpt_text(p.text for p in output)


def excerpt_text(paragraphs: Iterable[str]) -> str:
    """Paragraphs squeezed onto one line and cut to EXCERPT characters (only as many
    paragraphs as that needs are read)."""
    parts: list[str] = []
    joined = -3  # the length of " / ".join(parts)
    for paragraph in paragraphs:
        if joined > EXCERPT:  # the cut is decided: later paragraphs change nothing
            break
        squeezed = " ".join(paragraph.split())
        if squeezed:
            parts.append(squeezed)
            joined += len(squeezed) + 3
    text = " / ".join(parts)
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def entry(command: str, turn: Turn, data: dict[str, Any] | None = None) -> LogEntry:
    """The log entry of one played line (`data`: the state's data, when already at hand)."""
    digest = data_digest(data) if data is not None else state_digest(turn.state)
    return LogEntry(command, output_digest(turn.output), digest, excerpt(turn.output))
