"""Checkpoints: a full snapshot of a recorded game every so many lines, so loading stays fast.

A checkpoint (`<game>.checkpoint` beside `<game>.journal`) holds the state after a given
number of journal records, its undo history as deltas, and the journal's byte offset just past
that record. Loading is: the checkpoint, then the records after it replayed. A checkpoint that
is missing, damaged or does not fit its journal is ignored: the journal is replayed from its
start instead, so nothing depends on it but speed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from game.engine import GameState, state_to_data
from game.model.files import read_regular
from game.model.record import field, record
from game.saves import history
from game.saves.atomic import REAL, FileOps, write_atomic
from game.saves.errors import SaveWriteError
from game.saves.format import checksum, seal

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

MAGIC = "hyosan-checkpoint"
FORMAT = 1
MAX_BYTES = 64 * 1024 * 1024
_MARK = '\n  "checksum": "'


@record
class Checkpoint:
    """The state data after record `lines` of game `game`, and where the next record starts."""

    game: str
    lines: int
    offset: int
    digest: str
    snapshot: dict[str, Any] = field(hash=False)
    history: tuple[dict[str, Any], ...] = ()


def make(
    game: str,
    lines: int,
    offset: int,
    digest: str,
    state: GameState,
    data_of: Callable[[GameState], dict[str, Any]] = state_to_data,
) -> Checkpoint:
    """The checkpoint of a live state (undo history included)."""
    changes = tuple(history.encode(state))
    return Checkpoint(game, lines, offset, digest, data_of(state), changes)


def write(path: Path, point: Checkpoint, durable: bool, ops: FileOps = REAL) -> None:
    """Replace the checkpoint file atomically (SaveWriteError on failure)."""
    doc = {
        MAGIC: FORMAT,
        "game": point.game,
        "lines": point.lines,
        "offset": point.offset,
        "digest": point.digest,
        "snapshot": point.snapshot,
        "history": point.history,
    }
    text = seal(doc)
    if len(text) > MAX_BYTES or parse(text, point.game) is None:  # checked as the reader will
        raise SaveWriteError(
            "The game's state holds a value a checkpoint cannot keep.",
            "Your lines are still recorded; the game goes on.",
            path,
        )
    write_atomic(path, text.encode("utf-8"), ops=ops, durable=durable)


def read(path: Path, game: str) -> Checkpoint | None:
    """The checkpoint at `path` for game `game`, or None when it is missing or unusable."""
    try:
        text = read_regular(path, MAX_BYTES + 1).decode("utf-8")
    except (OSError, ValueError):
        return None
    return parse(text, game)


def parse(text: str, game: str) -> Checkpoint | None:
    """A checkpoint's text checked (checksum, game, every field's type), or None."""
    try:
        doc = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return None
    mark = text.rfind(_MARK)
    if not isinstance(doc, dict) or mark < 0 or doc.get("checksum") != checksum(text[:mark]):
        return None
    if doc.get(MAGIC) != FORMAT or doc.get("game") != game:
        return None
    lines, offset, digest = doc.get("lines"), doc.get("offset"), doc.get("digest")
    snapshot, changes = doc.get("snapshot"), doc.get("history")
    if not (_count(lines) and _count(offset) and isinstance(digest, str)):
        return None
    if not isinstance(snapshot, dict) or not isinstance(changes, list):
        return None
    if not all(isinstance(c, dict) for c in changes):
        return None
    return Checkpoint(game, lines, offset, digest, snapshot, tuple(changes))


def _no_constant(name: str) -> None:
    """NaN and Infinity never appear in checkpoints."""
    raise ValueError(name)


def _count(value: Any) -> bool:
    """A non-negative JSON integer."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
