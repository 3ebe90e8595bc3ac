"""Saves on disk: build, write atomically, read, check against the world, restore with history."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from game import __version__
from game.engine import (
    GameState,
    StateDataError,
    initial_state,
    state_from_data,
    state_to_data,
)
from game.model import World
from game.saves import history
from game.saves.atomic import REAL, FileOps, write_atomic
from game.saves.errors import DamagedSave, NotASave, OtherWorld, SaveError, SaveNotFound, UnknownId
from game.saves.format import MAX_BYTES, LogEntry, SaveFile, dump, parse
from game.saves.identity import world_id
from game.saves.slots import backup_of, locate

_EDITED = "It was changed by a tool that also rewrote its checksum; load another save."

# (size, mtime_ns) of files known to be whole saves: written by us or parsed successfully
_known_good: dict[Path, tuple[int, int]] = {}


@attrs.frozen
class Loaded:
    """A save read, checked and turned into a live state."""

    save: SaveFile
    state: GameState
    path: Path
    notes: tuple[str, ...] = ()


def make_save(
    world: World,
    seed: int,
    state: GameState,
    log: Sequence[LogEntry],
    label: str,
    created: str = "",
    data_of: Callable[[GameState], dict[str, Any]] = state_to_data,
) -> SaveFile:
    """A save of `state` (with its undo history), reached by playing `log` from `seed`."""
    created = created or datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    return SaveFile(
        world=world_id(world),
        created=created,
        label=label,
        location=state.location,
        turn=state.turn,
        ending=state.ending,
        seed=seed,
        log=tuple(log),
        snapshot=data_of(state),
        history=tuple(history.encode(state, data_of)),
        engine=__version__,
    )


def write_save(path: Path, save: SaveFile, ops: FileOps = REAL, durable: bool = True) -> None:
    """Write a save atomically, keeping the previous whole version as NAME.bak."""
    data = dump(save).encode("utf-8")
    # a backup is only worth a rename when it is flushed to the disk too
    keep = is_whole if durable else None
    write_atomic(path, data, keep_backup=keep, ops=ops, durable=durable)
    _remember(path)


def is_whole(path: Path) -> bool:
    """True when the file at `path` is a readable save (cheap for files we wrote)."""
    try:
        st = path.stat()
    except OSError:
        return False
    if _known_good.get(path) == (st.st_size, st.st_mtime_ns):
        return True
    try:
        read_file(path, offer_backup=False)
    except SaveError:
        return False
    return True


def _remember(path: Path) -> None:
    """Note that the file at `path` is a whole save as of now."""
    try:
        st = path.stat()
    except OSError:
        return
    if len(_known_good) > 256:
        _known_good.clear()
    _known_good[path] = (st.st_size, st.st_mtime_ns)


def read_file(path: Path, offer_backup: bool = True) -> SaveFile:
    """Read and parse a save file; a damaged one names its intact backup when there is one."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SaveNotFound(f"There is no save file at {path}.", "Check the name.", path) from None
    except IsADirectoryError:
        raise NotASave(f"{path} is a folder, not a save.", "Pick a save file.", path) from None
    except OSError as exc:
        raise SaveError(f"Could not read {path}: {exc.strerror or exc}.", "", path) from None
    try:
        save = parse(raw)
    except DamagedSave as exc:
        exc.path = path
        if offer_backup:
            _offer_backup(exc, path)
        raise
    except SaveError as exc:
        exc.path = path
        raise
    _remember(path)
    return save


def _offer_backup(exc: DamagedSave, path: Path) -> None:
    """Point a damaged-save error at the intact previous version, if any."""
    bak = backup_of(path)
    if path.suffix == bak.suffix or not bak.is_file():
        return
    try:
        old = read_file(bak, offer_backup=False)
    except SaveError:
        return
    exc.backup = bak
    exc.backup_note = f"{old.location}, turn {old.turn}, saved {old.created}"
    exc.fix = (
        f"The previous version ({exc.backup_note}) is intact: load '{bak.name}' to play from there."
    )


def check(world: World, save: SaveFile, path: Path | None = None) -> GameState:
    """The save's snapshot as a state of this world; OtherWorld or UnknownId when it does not fit."""
    here = world_id(world)
    if save.world.title != here.title:
        raise OtherWorld(
            f"This save belongs to '{save.world.title}', not '{here.title}'.",
            "Start Hyosan with that world (--world DIR) to load it.",
            path,
        )
    try:
        state = state_from_data(world, in_play_order(play_order(world), save.snapshot))
    except StateDataError as exc:
        ident = str(exc).split("'")[1] if str(exc).count("'") >= 2 else ""
        raise UnknownId(
            f"This save does not fit the world any more: {exc}.",
            "The world was changed since the save was made; load another save or start anew.",
            path,
            ident,
        ) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError):
        raise DamagedSave("The save's snapshot is malformed.", _EDITED, path) from None
    if state.turn != save.turn or state.location != save.location:
        raise DamagedSave("The save's header does not agree with its snapshot.", _EDITED, path)
    return state


ORDERED_MAPS = ("places", "char_states", "char_places", "char_since")


def play_order(world: World) -> dict[str, list[str]]:
    """The key order a live game keeps in its maps (the engine lists items in this order)."""
    fresh = initial_state(world, 0)
    return {name: list(getattr(fresh, name)) for name in ORDERED_MAPS}


def in_play_order(order: dict[str, list[str]], data: dict[str, Any]) -> dict[str, Any]:
    """State data with its maps rearranged into play order (saves keep them sorted)."""
    out = dict(data)
    for name, keys in order.items():
        saved = data.get(name)
        if isinstance(saved, dict):
            known = {k: saved[k] for k in keys if k in saved}
            out[name] = known | {k: v for k, v in saved.items() if k not in known}
    return out


def restore(world: World, save: SaveFile, path: Path) -> Loaded:
    """Check a save and turn it into a live state with its undo history."""
    state = check(world, save, path)
    notes: list[str] = []
    if save.world.hash != world_id(world).hash:
        notes.append("The world has changed since this game was saved.")
    past: list[GameState] = []
    order = play_order(world)
    for data in history.decode(save.snapshot, save.history[: world.info.undo_limit]):
        try:
            past.append(state_from_data(world, in_play_order(order, data)))
        except (StateDataError, TypeError, ValueError, AttributeError, KeyError, IndexError):
            notes.append(f"UNDO can go back only {len(past)} lines here: the world has changed.")
            break
    return Loaded(save, attrs.evolve(state, history=tuple(past)), path, tuple(notes))


def open_save(world: World, slot_or_path: str, saves_dir: Path) -> SaveFile:
    """A save found by slot name or path, read and checked against the world (for replays)."""
    path = locate(saves_dir, slot_or_path)
    save = read_file(path)
    check(world, save, path)
    return save


def load(world: World, saves_dir: Path, slot_or_path: str) -> Loaded:
    """Find, read, check and restore a save by slot name or path."""
    path = locate(saves_dir, slot_or_path)
    return restore(world, read_file(path), path)


def newest_save(saves_dir: Path) -> Path | None:
    """The most recently written save file in the folder (backups excluded)."""
    try:
        files = [p for p in Path(saves_dir).glob("*.json") if p.is_file()]
    except OSError:
        return None
    return max(files, key=lambda p: p.stat().st_mtime_ns, default=None)
