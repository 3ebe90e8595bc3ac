"""The Session: one game in play, recorded line by line in its own journal, SAVE/RESTORE carried out.

Each game is its own recording in `saves/games/` (see recordings.py): a journal that gets one
record per line (flushed at once, fsynced at most every second and on save, quit and ending)
and a checkpoint every CHECKPOINT_EVERY lines. A new game's recording begins with its first
line; a loaded or restored save begins a new recording holding that save's log. Continue
(`resume`, `--load autosave`) reopens the most recently played recording.
"""

from __future__ import annotations

from pathlib import Path

from game import __version__
from game.engine import GameState, Paragraph, Request, Turn, new_game, step
from game.model import World
from game.model.record import evolve
from game.saves import checkpoint, journal, recordings
from game.saves.atomic import REAL, FileOps
from game.saves.errors import DamagedSave, SaveError, SaveNotFound
from game.saves.format import LogEntry, SaveFile, utc_now
from game.saves.identity import world_id
from game.saves.journal import Header, Record
from game.saves.overwrite import ask, other_game
from game.saves.record import cut_note, excerpt, output_digest, safe_text, state_digest
from game.saves.recordings import header_of as opened_header
from game.saves.reopen import Opened, open_recording
from game.saves.slots import AUTOSAVE, DEFAULT_SLOT, PREVIOUS, list_slots, slot_path
from game.saves.store import Loaded, load, load_slot, make_save, write_save

DEBUGGED_NOTE = "This game was played with debugging verbs on (hyosan --debug): debug: true."
CHECKPOINT_EVERY = 250  # lines between full snapshots; loading replays at most this many (~15 ms)


class Session:
    """A game being played: state and seed, recorded as it goes. No parser, no screen."""

    def __init__(
        self,
        world: World,
        seed: int,
        state: GameState,
        saves_dir: Path,
        *,
        checkpoint_every: int = CHECKPOINT_EVERY,
        autosave_every: int | None = None,  # the old name of checkpoint_every
        ops: FileOps = REAL,
    ) -> None:
        self.world = world
        self.seed = seed
        self.state = state
        self.saves_dir = Path(saves_dir)
        self.checkpoint_every = max(1, autosave_every or checkpoint_every)
        self.opening: tuple[Paragraph, ...] = ()
        self.notes: tuple[str, ...] = ()
        self.slot = ""  # the slot last saved or restored, the default for the next SAVE
        self.origin = ""  # the save or recording this game continues ("" for a new game)
        self.saved_state = state  # the state last saved, loaded or begun: play after it is unsaved
        self._ops = ops
        self._writer: journal.Writer | None = None
        self._journal_path: Path | None = None
        self._pending: list[Record] = []  # lines not yet in the journal (copied in, or unwritten)
        self._last_digest = ""
        self._since_checkpoint = 0
        self._failing = False
        self._offered: Path | None = None  # an intact backup offered after a damaged restore
        self._lines = 0  # lines in this game's log
        self._game_start = (
            0  # lines before the last RESTART: saves older than that are another game's
        )
        self._asked = ""  # the slot a typed SAVE just asked about replacing

    @classmethod
    def new(
        cls, world: World, seed: int, saves_dir: Path, debug: bool = False, **options
    ) -> Session:
        """A fresh game; its opening text is in `session.opening`. Its recording starts with
        its first line, in a file of its own. `debug` turns the debugging verbs on."""
        state, opening = new_game(world, seed, debug=debug)
        session = cls(world, seed, state, saves_dir, **options)
        session.opening = opening
        return session

    @classmethod
    def load(
        cls, world: World, slot_or_path: str, saves_dir: Path, debug: bool = False, **options
    ) -> Session:
        """A game from a save, a recording id, or `autosave` (the latest recording).

        The debugging verbs answer only when `debug` is given, whatever the save; a game
        that was ever played with them stays marked, and loading it says so."""
        saves_dir = Path(saves_dir)
        session = cls(world, 0, new_game(world, 0)[0], saves_dir, **options)
        journal_path = recordings.find(saves_dir, slot_or_path)
        if journal_path is not None:
            passed = _passed_over(saves_dir, journal_path, slot_or_path)
            session._continue(open_recording(world, journal_path), journal_path)
            session.notes = (*passed, *session.notes)
            when = recordings.local_time(opened_header(journal_path).created)
            shown = f"Continuing the game begun {when}"
        else:
            name = PREVIOUS if slot_or_path == PREVIOUS else slot_or_path
            loaded = load(world, saves_dir, name)
            session._adopt(loaded)
            is_auto = loaded.path.stem in (AUTOSAVE, PREVIOUS)
            session.slot = "" if is_auto else loaded.path.stem
            shown = f"Restored '{slot_or_path}'"
        session._debugging(debug)
        session.opening = tuple(session._arrival(shown))
        return session

    # -- the log ------------------------------------------------------------------------

    @property
    def entries(self) -> list[LogEntry]:
        """Every line played so far as log entries (read from the journal: O(lines))."""
        return [r.entry() for r in self._records()]

    @property
    def log(self) -> tuple[str, ...]:
        """Every line played so far, in order (read from the journal: O(lines))."""
        return tuple(r.command for r in self._records())

    @property
    def game(self) -> str:
        """This game's recording id ('' until its recording is made)."""
        return self._journal_path.stem if self._journal_path else ""

    def _records(self) -> list[Record]:
        """The journal's records, then any not yet written."""
        written: list[Record] = []
        if self._journal_path is not None:
            try:
                written = list(journal.read(self._journal_path).records)
            except SaveError:  # the recording was deleted or spoiled under the running game
                written = []
        return written + self._pending

    # -- playing ------------------------------------------------------------------------

    def play(self, text: str) -> Turn:
        """Play one line: step, record it in the journal, carry out SAVE and RESTORE."""
        line = safe_text(text)
        was_over = self.state.ending is not None
        before, asked, self._asked = self.state, self._asked, ""
        turn = step(self.world, self.state, line)
        self._lines += 1
        if _restarted(before, turn.state):
            self.slot, self._game_start = "", self._lines
        digest = state_digest(turn.state)
        record = Record(
            line,
            output_digest(turn.output),
            digest,
            excerpt(turn.output),
            turn.state.turn,
            turn.state.location,
        )
        self.state = turn.state
        self._pending.append(record)
        self._last_digest = digest
        self._since_checkpoint += 1
        extra = self._record()
        if len(line) < len(text):
            turn = Turn(
                turn.state, (Paragraph("warning", cut_note(text)), *turn.output), turn.requests
            )
        left: list[Request] = []
        for request in turn.requests:
            if request.kind == "save":
                extra += self._typed_save(request.arg, asked)
            elif request.kind == "restore":
                extra += self.restore(request.arg)
            else:
                left.append(request)
        ended = self.state.ending is not None and not was_over
        if ended or self._since_checkpoint >= self.checkpoint_every:
            extra += self._checkpoint(durable=ended)
        if not extra and len(left) == len(turn.requests) and turn.state is self.state:
            return turn  # nothing added or carried out here: the step's own turn
        return Turn(self.state, turn.output + tuple(extra), tuple(left))

    def _record(self) -> list[Paragraph]:
        """Write the lines not yet in the journal; tell the player only when that starts failing."""
        try:
            if self._writer is None and self._journal_path is not None:
                self._writer = journal.Writer.reopen(
                    self._journal_path, journal.read(self._journal_path), self._ops
                )
            elif self._writer is None:
                self._start_recording()
            if self._pending:
                self._writer.append(self._pending)
                self._pending = []
        except (SaveError, OSError) as exc:
            first = not self._failing
            self._failing = True
            return [Paragraph("warning", f"Autosave failed. {exc}")] if first else []
        was_failing, self._failing = self._failing, False
        return [Paragraph("meta", "Autosave works again.")] if was_failing else []

    def _start_recording(self) -> None:
        """Make this game's journal (a new file of its own), pruning the oldest recordings."""
        recordings.check_folder(self.saves_dir)
        game = recordings.new_id()
        path = recordings.journal_path(self.saves_dir, game)
        header = Header(game, world_id(self.world), self.seed, _now(), __version__, self.origin)
        self._writer = journal.Writer.create(path, header, self._ops)
        self._journal_path = path
        recordings.prune(self.saves_dir, keep=path)

    def _checkpoint(self, durable: bool = False) -> list[Paragraph]:
        """Write a full snapshot beside the journal (and flush both to the disk when `durable`)."""
        said = self._record()
        writer = self._writer
        if writer is None or self._pending:
            return said
        try:
            if durable:
                writer.sync()
            point = checkpoint.make(
                writer.header.game,
                writer.lines,
                writer.offset,
                self._last_digest,
                self.state,
            )
            checkpoint.write(recordings.checkpoint_path(writer.path), point, durable, self._ops)
        except (SaveError, OSError) as exc:
            return [*said, Paragraph("warning", f"Autosave failed. {exc}")]
        self._since_checkpoint = 0
        return said

    def autosave(self) -> list[Paragraph]:
        """Bring the recording fully up to date on the disk (journal, checkpoint, fsync)."""
        return self._checkpoint(durable=True)

    def close(self) -> list[Paragraph]:
        """Flush the recording and let go of it (call on quit)."""
        said: list[Paragraph] = []
        if self._writer is not None or self._pending:
            said = self._checkpoint(durable=True) if self._since_checkpoint or self._pending else []
        if self._writer is not None:
            try:
                self._writer.close()
            except OSError as exc:
                said.append(Paragraph("warning", f"Autosave failed. {exc}"))
            self._writer = None
        return said

    # -- SAVE and RESTORE ---------------------------------------------------------------

    def save(self, slot: str = "") -> list[Paragraph]:
        """Save to a slot (the last one used, or `quicksave`); say how it went."""
        name = _slot_name(slot) or self.slot or DEFAULT_SLOT
        reserved = recordings.reserved_reason(name)
        if reserved:
            return [Paragraph("error", f"Not saved. {reserved} Pick another name.")]
        said = self.autosave()
        try:
            path = slot_path(self.saves_dir, name)
            write_save(path, self.snapshot(name), self._ops)
        except SaveError as exc:
            return [Paragraph("error", f"Not saved. {exc}"), *said]
        self.slot = name
        self.saved_state = self.state
        return [Paragraph("meta", f"Saved as '{name}' (turn {self.state.turn})."), *said]

    def _typed_save(self, arg: str, asked: str) -> list[Paragraph]:
        """SAVE typed in play: another game's save is replaced only when asked for twice."""
        name = _slot_name(arg) or self.slot or DEFAULT_SLOT
        if name != self.slot and name != asked:
            game = (self.seed, self.log, self._game_start)
            holds = other_game(self.world, self.saves_dir, name, game)
            if holds:
                self._asked = name
                return [Paragraph("meta", ask(name, holds, bare=not _slot_name(arg)))]
        return self.save(name)

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
        said = self.close()  # the game so far stays a recording of its own
        self._adopt(loaded)
        self.slot = "" if loaded.path.stem in (AUTOSAVE, PREVIOUS) else loaded.path.stem
        return said + self._arrival(f"Restored '{name}'")

    def snapshot(self, label: str) -> SaveFile:
        """The current game as a SaveFile (its log copied from the journal)."""
        return make_save(self.world, self.seed, self.state, self.entries, label)

    def _arrival(self, heading: str) -> list[Paragraph]:
        """What to show after a restore: which save, any notes, and where you are."""
        said = [Paragraph("meta", f"{heading}: turn {self.state.turn}.")]
        said += [Paragraph("meta", note) for note in self.notes]
        return said + list(step(self.world, self.state, "look").output)

    def _debugging(self, debug: bool) -> None:
        """Debugging verbs on or off as this run says; a note when the game is marked."""
        state = self.state
        if state.debug != debug or (debug and not state.debugged):
            self.state = evolve(state, debug=debug, debugged=state.debugged or debug)
        if self.state.debugged:
            self.notes = (*self.notes, DEBUGGED_NOTE)

    def _adopt(self, loaded: Loaded) -> None:
        """Take over a loaded save's seed, state and log, in a new recording of its own."""
        self._begin(loaded.save.seed, loaded.state, loaded.notes, loaded.path.name)
        self._pending = [Record(e.command, e.out, e.state, e.excerpt) for e in loaded.save.log]
        self._lines = len(self._pending)
        if self._pending:
            last = self._pending[-1]
            self._pending[-1] = Record(
                last.command,
                last.out,
                last.state,
                last.excerpt,
                loaded.state.turn,
                loaded.state.location,
            )
            self._last_digest = last.state
        self._since_checkpoint = 1
        self.notes = (*self.notes, *_said(self._checkpoint()))

    def _continue(self, opened: Opened, path: Path) -> None:
        """Take over a recording: append to it, or to a copy when another game has it open."""
        header = opened.header
        self._begin(header.seed, opened.state, opened.notes, header.origin)
        try:
            self._writer = journal.Writer.reopen(path, opened.contents, self._ops)
            self._journal_path = path
        except SaveError as exc:
            self.origin = path.stem
            why = _why_copied(exc, path)
            self._pending = list(journal.read(path).records)
            self._lines = len(self._pending)
            self.notes = (*self.notes, f"{why}; this is a copy of it, kept as a game of its own.")
            self._since_checkpoint = 1
            self.notes = (*self.notes, *_said(self._checkpoint()))
            return
        records = opened.contents.records
        self._lines = len(records)
        self._last_digest = records[-1].state if records else ""
        self._since_checkpoint = len(records)

    def _begin(self, seed: int, state: GameState, notes: tuple[str, ...], origin: str) -> None:
        """Forget the game in play and start from another one's moment."""
        self.seed = seed
        self.state = state
        self.saved_state = state
        self.notes = tuple(notes)
        self.origin = origin
        self._writer = None
        self._journal_path = None
        self._pending = []
        self._last_digest = ""
        self._since_checkpoint = 0
        self._lines = self._game_start = 0

    def _newest_slot(self) -> str:
        """The newest save other than the autosave, else the autosave, else ''."""
        names = list_slots(self.saves_dir)
        manual = [n for n in names if n not in (AUTOSAVE, PREVIOUS)]
        return (manual or names or [""])[0]


def _why_copied(exc: SaveError, path: Path) -> str:
    """Why a continued game goes on in a copy of its recording rather than the recording."""
    if isinstance(exc, journal.InUse):
        return "That game is open in another window"
    if isinstance(exc, journal.Damaged):
        return f"The damaged recording is kept untouched at {path}"
    return f"That game's file cannot be written ({exc.what})"


def _passed_over(saves_dir: Path, chosen: Path, name: str) -> list[str]:
    """Notes on newer recordings Continue could not read (kept untouched, never deleted)."""
    if name not in recordings.CONTINUE_NAMES:
        return []
    return [
        f"A newer game's recording cannot be read and is kept untouched: {path}."
        for path in recordings.skipped_for(saves_dir, chosen)
    ]


def _restarted(before: GameState, after: GameState) -> bool:
    """Whether a line started the game again: the turn count fell, but not by an UNDO."""
    return after.turn < before.turn and len(after.history) >= len(before.history)


def _said(paragraphs: list[Paragraph]) -> tuple[str, ...]:
    """The text of paragraphs, for notes."""
    return tuple(p.text for p in paragraphs)


def _slot_name(arg: str) -> str:
    """A typed slot name with spaces made into dashes (`save my game` -> `my-game`)."""
    return "-".join(arg.split())


def _now() -> str:
    """The UTC time now, ISO, to the second."""
    return utc_now()


def resume(world: World, saves_dir: Path) -> Session:
    """'Continue': the most recently played game (SaveError when there is none)."""
    if recordings.latest(saves_dir) is None and not slot_path(saves_dir, AUTOSAVE).is_file():
        raise SaveNotFound(
            f"There is no game to continue in {saves_dir}.", "Start a new game.", None
        )
    return Session.load(world, AUTOSAVE, saves_dir)
