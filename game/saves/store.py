"""Saves on disk: build, write atomically, read, check against the world, restore with history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from game import __version__
from game.engine import GameState, StateDataError, state_from_data, state_to_data
from game.model import World
from game.model.files import NotRegularFile, is_regular, lstat_kind, read_regular
from game.model.record import evolve, record
from game.saves import history
from game.saves.atomic import REAL, FileOps, clean_stale_temps, write_atomic
from game.saves.errors import (
    DamagedSave,
    NotASave,
    OtherWorld,
    SaveError,
    SaveNotFound,
    SaveWriteError,
    UnknownId,
)
from game.saves.format import MAX_BYTES, LogEntry, SaveFile, dump, parse, utc_now
from game.saves.identity import world_id
from game.saves.slots import backup_of, list_slots, locate, locate_slot, slot_path

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

_EDITED = "It was changed by a tool that also rewrote its checksum; load another save."

# (size, mtime_ns) of files known to be whole saves: written by us or parsed successfully
_known_good: dict[Path, tuple[int, int]] = {}


@record
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
    created = created or utc_now()
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
        history=tuple(history.encode(state)),
        engine=__version__,
    )


def write_save(path: Path, save: SaveFile, ops: FileOps = REAL, durable: bool = True) -> None:
    """Write a save atomically, keeping the previous whole version as NAME.bak.

    The text is read back as a reader would before it replaces anything; a save that would not
    load again is refused (SaveWriteError) and the old file stays.
    """
    path = Path(path)
    for target in (path, backup_of(path)):
        kind = lstat_kind(target)
        if kind and kind != "regular file":
            raise SaveWriteError(
                f"Not written: {target.name} is a {kind}, not a save file.",
                "Save under another name, or move that file out of the save folder.",
                target,
            )
    data = readable_bytes(save)
    clean_stale_temps(path.parent)
    # a backup is only worth a rename when it is flushed to the disk too
    keep = is_whole if durable else None
    write_atomic(path, data, keep_backup=keep, ops=ops, durable=durable)
    _remember(path)


def readable_bytes(save: SaveFile) -> bytes:
    """The bytes of a save, checked to read back as the same save; SaveWriteError when not."""
    try:
        data = dump(save).encode("utf-8")
    except (ValueError, TypeError, UnicodeError) as exc:  # NaN, Infinity, a lone surrogate
        raise SaveWriteError(
            f"Not written: the game holds a value a save cannot keep ({exc}).", _UNSAVABLE
        ) from None
    if len(data) > MAX_BYTES:
        raise SaveWriteError(
            f"Not written: the save would be {len(data) // 1_048_576} MiB, over the"
            f" {MAX_BYTES // 1_048_576} MiB a save may hold.",
            _UNSAVABLE,
        )
    try:
        again = parse(data)
    except SaveError as exc:
        raise SaveWriteError(
            f"Not written: the save would not load again ({exc.what})", _UNSAVABLE
        ) from None
    if again.snapshot != save.snapshot or again.commands != save.commands:
        raise SaveWriteError("Not written: the save would not read back the same.", _UNSAVABLE)
    return data


_UNSAVABLE = "Your older saves are untouched and the game goes on."


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
        raw = read_regular(path, MAX_BYTES + 1)
    except FileNotFoundError:
        raise SaveNotFound(f"There is no save file at {path}.", "Check the name.", path) from None
    except NotRegularFile as exc:
        raise NotASave(
            f"{path.name} is a {exc.kind}, not a save file.", _REGULAR_ONLY, path
        ) from None
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


_REGULAR_ONLY = (
    "Hyosan reads and writes only regular files, never through a link: copy the save there instead."
)


def _offer_backup(exc: DamagedSave, path: Path) -> None:
    """Point a damaged-save error at the intact previous version, if any."""
    bak = backup_of(path)
    if path.suffix == bak.suffix or not is_regular(bak):
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


def check(
    world: World, save: SaveFile, path: Path | None = None, notes: list[str] | None = None
) -> GameState:
    """The save's snapshot as a state of this world; OtherWorld, UnknownId or DamagedSave when
    it does not fit (passing moments that no longer fit are dropped with a line in `notes`)."""
    here = world_id(world)
    if save.world.title != here.title:
        raise OtherWorld(
            f"This save belongs to '{save.world.title}', not '{here.title}'.",
            "Start Hyosan with that world (--world DIR) to load it.",
            path,
        )
    try:
        state = state_from_data(world, save.snapshot, notes)
    except StateDataError as exc:
        if not exc.ident:
            raise DamagedSave(f"The save's snapshot is malformed: {exc}.", _EDITED, path) from None
        raise UnknownId(
            f"This save does not fit the world any more: {exc}.",
            "The world was changed since the save was made; load another save or start anew.",
            path,
            exc.ident,
        ) from None
    if state.turn != save.turn or state.location != save.location:
        raise DamagedSave("The save's header does not agree with its snapshot.", _EDITED, path)
    return state


def restore(world: World, save: SaveFile, path: Path) -> Loaded:
    """Check a save and turn it into a live state with its undo history."""
    notes: list[str] = []
    state = check(world, save, path, notes)
    if save.world.hash != world_id(world).hash:
        notes.insert(0, "The world has changed since this game was saved.")
    past: list[GameState] = []
    try:
        for data in history.decode(save.snapshot, save.history[: world.info.undo_limit]):
            past.append(state_from_data(world, data))
    except (StateDataError, TypeError, ValueError, AttributeError, KeyError, IndexError):
        notes.append(f"UNDO can go back only {len(past)} lines here: the world has changed.")
    return Loaded(save, evolve(state, history=tuple(past)), path, tuple(notes))


def open_save(world: World, slot_or_path: str, saves_dir: Path) -> SaveFile:
    """A save found by slot name or path, read and checked against the world (for replays)."""
    path = locate(saves_dir, slot_or_path)
    save = read_file(path)
    _guarded(lambda: check(world, save, path), path)
    return save


def load(world: World, saves_dir: Path, slot_or_path: str) -> Loaded:
    """Find, read, check and restore a save by slot name or path (for --load)."""
    path = locate(saves_dir, slot_or_path)
    save = read_file(path)
    return _guarded(lambda: restore(world, save, path), path)


def load_slot(world: World, saves_dir: Path, name: str) -> Loaded:
    """Find, read, check and restore a save by slot name only (RESTORE in play)."""
    path = locate_slot(saves_dir, name)
    save = read_file(path)
    return _guarded(lambda: restore(world, save, path), path)


def _guarded(work: Callable[[], Any], path: Path) -> Any:
    """Run a load step; any failure the checks did not foresee still becomes a SaveError."""
    try:
        return work()
    except SaveError:
        raise
    except Exception as exc:  # a player's save never shows a traceback, whatever it holds
        raise DamagedSave(
            f"The save could not be loaded ({type(exc).__name__}).", _EDITED, path
        ) from None


def newest_save(saves_dir: Path) -> Path | None:
    """The most recently written save file in the folder (backups excluded)."""
    names = list_slots(saves_dir)
    return slot_path(saves_dir, names[0]) if names else None
