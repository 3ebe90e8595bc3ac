"""Open a recorded game: its last checkpoint, then the journal's records after it replayed."""

from __future__ import annotations

import os
from pathlib import Path

from game.engine import GameState, new_game, state_to_data, step
from game.model import World
from game.model.files import open_regular
from game.model.record import record
from game.saves import checkpoint, journal
from game.saves.errors import OtherWorld, SaveError
from game.saves.format import SaveFile
from game.saves.identity import world_id
from game.saves.record import data_digest
from game.saves.recordings import checkpoint_path, find
from game.saves.store import open_save, restore

_LOOKBACK = 1 << 20


@record
class Opened:
    """A recording brought back to life: its header, live state, line count and notes."""

    header: journal.Header
    state: GameState
    contents: journal.Contents  # the records read (those after the checkpoint used)
    notes: tuple[str, ...] = ()

    @property
    def lines(self) -> int:
        """How many lines the recording holds."""
        return self.contents.first - 1 + len(self.contents.records)


def check_world(world: World, header: journal.Header, path: Path) -> list[str]:
    """Refuse a recording of another world; a note when this world has changed since."""
    here = world_id(world)
    if header.world.title != here.title:
        raise OtherWorld(
            f"This recording belongs to '{header.world.title}', not '{here.title}'.",
            "Start Hyosan with that world (--world DIR) to continue it.",
            path,
        )
    if header.world.hash != here.hash:
        return ["The world has changed since this game was played."]
    return []


def open_recording(world: World, path: Path) -> Opened:
    """The game a journal records, at its last whole line (SaveError when it cannot be)."""
    header, _ = journal.read_header(path)
    notes = check_world(world, header, path)
    start = _from_checkpoint(world, header, path)
    if start is None:
        contents = journal.read(path)
        state = new_game(world, header.seed)[0]
    else:
        state, contents = start
    state, replay_notes = replay(world, state, contents)
    return Opened(header, state, contents, (*contents.notes, *notes, *replay_notes))


def replay(
    world: World, state: GameState, contents: journal.Contents
) -> tuple[GameState, list[str]]:
    """Play the records on from `state`; note the first line that now plays differently."""
    notes: list[str] = []
    for n, line in enumerate(contents.records, contents.first):
        try:
            state = step(world, state, line.command).state
        except Exception as exc:  # a changed world may drive the engine somewhere it fails
            raise SaveError(
                f"Line {n} of the recording no longer plays ({type(exc).__name__}).",
                "The world has changed too much to continue this game; start anew.",
            ) from None
        if not notes and data_digest(state_to_data(state)) != line.state:
            notes.append(f"From line {n} on, the game plays differently from when it was recorded.")
    return state, notes


def _from_checkpoint(
    world: World, header: journal.Header, path: Path
) -> tuple[GameState, journal.Contents] | None:
    """The checkpoint's state and the records after it, or None when it cannot be used."""
    point = checkpoint.read(checkpoint_path(path), header.game)
    if point is None or not _fits(path, header, point):
        return None
    snapshot = point.snapshot
    save = SaveFile(
        world=header.world,
        created=header.created,
        label="checkpoint",
        location=str(snapshot.get("location", "")),
        turn=snapshot.get("turn", 0) if isinstance(snapshot.get("turn"), int) else 0,
        ending=snapshot.get("ending") if isinstance(snapshot.get("ending"), str) else None,
        seed=header.seed,
        log=(),
        snapshot=snapshot,
        history=point.history,
    )
    try:
        state = restore(world, save, path).state
        contents = journal.read(path, point.offset, point.lines + 1)
    except SaveError:
        return None
    return state, contents


def _fits(path: Path, header: journal.Header, point: checkpoint.Checkpoint) -> bool:
    """True when the record just before the checkpoint's offset is its line, with its state."""
    if point.lines == 0:
        return point.offset == journal.read_header(path)[1]
    try:
        with os.fdopen(open_regular(path), "rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            if point.offset > size:
                return False
            back = max(0, point.offset - _LOOKBACK)
            handle.seek(back)
            before = handle.read(point.offset - back)
    except OSError:
        return False
    if not before.endswith(b"\n"):
        return False
    line = before[:-1].rpartition(b"\n")[2]
    data = journal.decode_line(line, journal.seed_crc(header.game))
    record = journal.record_from(point.lines, data)
    return record is not None and record.state == point.digest


def recorded_save(world: World, path: Path) -> SaveFile:
    """A recording as a save (its whole log, its last state), for replays and reports."""
    opened = open_recording(world, path)
    records = journal.read(path).records[: opened.lines]
    state = opened.state
    return SaveFile(
        world=opened.header.world,
        created=opened.header.created,
        label=path.stem,
        location=state.location,
        turn=state.turn,
        ending=state.ending,
        seed=opened.header.seed,
        log=tuple(r.entry() for r in records),
        snapshot=state_to_data(state),
        engine=opened.header.engine,
    )


def open_any(world: World, name: str, saves_dir: Path) -> SaveFile:
    """A recording (by id, or `autosave` for the latest) or a named save, checked against the world."""
    path = find(saves_dir, name)
    if path is not None:
        return recorded_save(world, path)
    return open_save(world, name, saves_dir)
