"""The Session: one game in play, its command log, autosave, and SAVE/RESTORE carried out."""

from __future__ import annotations

import os
import time
from pathlib import Path

from game.engine import GameState, Paragraph, Request, Turn, new_game, step
from game.model import World
from game.model.files import lstat_kind
from game.saves.atomic import REAL, FileOps
from game.saves.errors import DamagedSave, SaveError
from game.saves.format import LogEntry, SaveFile
from game.saves.history import DataCache
from game.saves.record import cut_note, entry, safe_text
from game.saves.slots import AUTOSAVE, DEFAULT_SLOT, PREVIOUS, list_slots, locate, slot_path
from game.saves.store import Loaded, load, load_slot, make_save, write_save

# Autosaves are atomic every line; they are also flushed to the disk (fsync) when this many
# seconds have passed since the last flush: every line for a person, not for a piped script.
DURABLE_EVERY = 5.0
# A whole save is rewritten each autosave, so its cost grows with the log; past this many
# lines the autosave spaces out (every 2 lines up to twice this, and so on).
LINES_PER_STRETCH = 1000


class Session:
    """A game being played: state, seed and log, autosaved as it goes. No parser, no screen."""

    def __init__(
        self,
        world: World,
        seed: int,
        state: GameState,
        log: list[LogEntry],
        saves_dir: Path,
        *,
        autosave_every: int = 1,
        owns_autosave: bool = False,
        ops: FileOps = REAL,
    ) -> None:
        self.world = world
        self.seed = seed
        self.state = state
        self.entries = log
        self.saves_dir = Path(saves_dir)
        self.autosave_every = autosave_every
        self.opening: tuple[Paragraph, ...] = ()
        self.notes: tuple[str, ...] = ()
        self.slot = ""  # the slot last saved or restored, the default for the next SAVE
        self._ops = ops
        self._owns_autosave = owns_autosave
        self._unsaved = 0
        self._autosave_failing = False
        self._data = DataCache()
        self._offered: Path | None = None  # an intact backup offered after a damaged restore
        self._synced = -DURABLE_EVERY  # when the autosave was last flushed to the disk

    @classmethod
    def new(cls, world: World, seed: int, saves_dir: Path, **options) -> Session:
        """A fresh game; its opening text is in `session.opening`."""
        state, opening = new_game(world, seed)
        session = cls(world, seed, state, [], saves_dir, **options)
        session.opening = opening
        return session

    @classmethod
    def load(cls, world: World, slot_or_path: str, saves_dir: Path, **options) -> Session:
        """A game restored from a save; raises a SaveError saying what is wrong."""
        loaded = load(world, Path(saves_dir), slot_or_path)
        owns = loaded.path == _autosave_path(Path(saves_dir))
        session = cls(
            world, loaded.save.seed, loaded.state, [], saves_dir, owns_autosave=owns, **options
        )
        session._adopt(loaded)
        session.slot = "" if owns else loaded.path.stem
        session.opening = tuple(session._arrival(slot_or_path))
        return session

    @property
    def log(self) -> tuple[str, ...]:
        """Every line played so far, in order."""
        return tuple(e.command for e in self.entries)

    def play(self, text: str) -> Turn:
        """Play one line: step, record, autosave, carry out SAVE and RESTORE."""
        line = safe_text(text)
        turn = step(self.world, self.state, line)
        self.entries.append(entry(line, turn, self._data(turn.state)))
        self.state = turn.state
        self._unsaved += 1
        extra: list[Paragraph] = []
        left: list[Request] = []
        if len(line) < len(text):
            turn = Turn(
                turn.state, (Paragraph("warning", cut_note(text)), *turn.output), turn.requests
            )
        for request in turn.requests:
            if request.kind == "save":
                extra += self.save(request.arg)
            elif request.kind == "restore":
                extra += self.restore(request.arg)
            else:
                left.append(request)
        if self._unsaved >= self.autosave_cadence():
            extra += self.autosave()
        return Turn(self.state, turn.output + tuple(extra), tuple(left))

    def autosave_cadence(self) -> int:
        """Lines between autosaves: every line for the first LINES_PER_STRETCH lines, then one
        more line per stretch, so a 10,000-line game still autosaves in constant time per line."""
        return max(self.autosave_every, 1 + len(self.entries) // LINES_PER_STRETCH)

    def save(self, slot: str = "") -> list[Paragraph]:
        """Save to a slot (the last one used, or `quicksave`); say how it went."""
        name = _slot_name(slot) or self.slot or DEFAULT_SLOT
        try:
            path = slot_path(self.saves_dir, name)
            write_save(path, self.snapshot(name), self._ops)
        except SaveError as exc:
            return [Paragraph("error", f"Not saved. {exc}")]
        self.slot = name
        return [Paragraph("meta", f"Saved as '{name}' (turn {self.state.turn}).")]

    def restore(self, slot: str = "") -> list[Paragraph]:
        """Load a slot into this session; on any problem the game goes on untouched."""
        name = _slot_name(slot) or self.slot or self._newest_slot()
        if not name:
            return [Paragraph("error", "There are no saved games yet. Type SAVE to make one.")]
        if name.lower() == "backup" and self._offered is not None:
            name = self._offered.name
        try:
            loaded = load_slot(self.world, self.saves_dir, name)
        except DamagedSave as exc:
            self._offered = exc.backup
            if exc.backup is None:
                return [Paragraph("error", f"Not restored. {exc}")]
            offer = (
                f"The previous version ({exc.backup_note}) is intact: "
                "type RESTORE BACKUP to play from there."
            )
            return [Paragraph("error", f"Not restored. {exc.what} {offer}")]
        except SaveError as exc:
            return [Paragraph("error", f"Not restored. {exc}")]
        self._offered = None
        self._adopt(loaded)
        self.slot = "" if loaded.path.stem == AUTOSAVE else loaded.path.stem
        return self._arrival(name) + self.autosave()

    def _arrival(self, name: str) -> list[Paragraph]:
        """What to show after a restore: which save, any notes, and where you are."""
        said = [Paragraph("meta", f"Restored '{name}': turn {self.state.turn}.")]
        said += [Paragraph("meta", note) for note in self.notes]
        return said + list(step(self.world, self.state, "look").output)

    def autosave(self) -> list[Paragraph]:
        """Record the game in the autosave slot; tell the player only when that starts failing."""
        try:
            path = _autosave_path(self.saves_dir)
            if not self._owns_autosave:
                _keep_previous(path)
                self._owns_autosave = True
            durable = time.monotonic() - self._synced >= DURABLE_EVERY
            write_save(path, self.snapshot(AUTOSAVE), self._ops, durable)
            if durable:
                self._synced = time.monotonic()
        except (SaveError, OSError) as exc:
            first = not self._autosave_failing
            self._autosave_failing = True
            return [Paragraph("warning", f"Autosave failed. {exc}")] if first else []
        self._unsaved = 0
        was_failing, self._autosave_failing = self._autosave_failing, False
        return [Paragraph("meta", "Autosave works again.")] if was_failing else []

    def close(self) -> list[Paragraph]:
        """Write any unsaved lines to the autosave (call on quit)."""
        return self.autosave() if self._unsaved else []

    def snapshot(self, label: str) -> SaveFile:
        """The current game as a SaveFile."""
        self._data.keep_only(self.state)
        return make_save(self.world, self.seed, self.state, self.entries, label, data_of=self._data)

    def _adopt(self, loaded: Loaded) -> None:
        """Take over a loaded save's seed, state and log."""
        self.seed = loaded.save.seed
        self.state = loaded.state
        self.entries = list(loaded.save.log)
        self.notes = loaded.notes
        self._unsaved = 0

    def _newest_slot(self) -> str:
        """The newest save other than the autosave, else the autosave, else ''."""
        names = list_slots(self.saves_dir)
        manual = [n for n in names if n not in (AUTOSAVE, PREVIOUS)]
        return (manual or names or [""])[0]


def _slot_name(arg: str) -> str:
    """A typed slot name with spaces made into dashes (`save my game` -> `my-game`)."""
    return "-".join(arg.split())


def _autosave_path(saves_dir: Path) -> Path:
    """Where the autosave lives."""
    return slot_path(saves_dir, AUTOSAVE)


def _keep_previous(path: Path) -> None:
    """Before a new game first autosaves, keep the last game's autosave as `autosave-previous`."""
    if lstat_kind(path) not in ("", "folder"):  # a link or a pipe is moved aside, never followed
        os.replace(path, path.with_name(PREVIOUS + path.suffix))


def resume(world: World, saves_dir: Path) -> Session:
    """'Continue': the game in the autosave slot (raises SaveError when there is none)."""
    locate(saves_dir, AUTOSAVE)
    return Session.load(world, AUTOSAVE, saves_dir)
