"""The journal: one game's append-only recording, a header line then one record per input line.

Every line of the file is `JSON<space>CRC\n`, where CRC is eight hex digits of the CRC-32 of the
JSON text, chained from the game's id (so a record pasted in from another game's journal fails
its check). The first line is the header; each record after it is
`[n, command, output digest, state digest, excerpt, turn, location]` with n counting from 1.
A record cut off by a crash (no newline, or a bad check) at the end is dropped with a note;
damage in the middle keeps the records before it and says so. Nothing here re-reads or
re-encodes what is already written: appending a record costs the same at line 10 and 10,000.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from game.model.files import open_regular
from game.model.record import record
from game.saves.atomic import REAL, FileOps, write_error
from game.saves.errors import DamagedSave, NewerFormat, NotASave, SaveError
from game.saves.format import LogEntry
from game.saves.identity import WorldId

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

try:  # POSIX: one process at a time per journal
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock; games there do not lock
    fcntl = None  # type: ignore[assignment]

MAGIC = "hyosan-journal"
FORMAT = 1
SYNC_EVERY = 1.0  # seconds: the journal reaches the disk (fsync) at most this often while playing
TORN_LIMIT = 1 << 20  # a record cut off mid-write is smaller than this
MAX_DEPTH = 8  # records are flat lists and the header nests two deep: refuse deeper lines
HEADER_LIMIT = 1 << 20  # a header line is small; refuse to read a giant first line as one
_FIX = "The game is kept up to the last whole line."


@record
class Header:
    """Which game a journal records: its id, world, seed, when it began and where from."""

    game: str
    world: WorldId
    seed: int
    created: str
    engine: str = ""
    origin: str = ""  # "" for a new game, else the save or recording it continues

    def to_data(self) -> dict[str, Any]:
        """The header as a JSON object."""
        return {
            MAGIC: FORMAT,
            "game": self.game,
            "world": self.world.to_data(),
            "seed": self.seed,
            "created": self.created,
            "engine": self.engine,
            "origin": self.origin,
        }


@record
class Record:
    """One played line: the command, digests of its text and state, an excerpt, turn and room."""

    command: str
    out: str
    state: str
    excerpt: str = ""
    turn: int | None = None
    location: str | None = None

    def entry(self) -> LogEntry:
        """The record as a save's log entry."""
        return LogEntry(self.command, self.out, self.state, self.excerpt)


@record
class Contents:
    """What reading a journal found: header, records, where the whole part ends, and notes."""

    header: Header
    records: tuple[Record, ...]
    first: int  # the number of the first record read (1 unless read from a checkpoint on)
    end: int  # byte offset just past the last whole record
    notes: tuple[str, ...] = ()


def seed_crc(game: str) -> int:
    """The CRC every line of a game's journal is chained from."""
    return zlib.crc32(game.encode("utf-8"))


def encode_line(data: Any, start: int) -> bytes:
    """One journal line: compact JSON, a space, its chained CRC-32, a newline."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    raw = text.encode("utf-8", "replace")
    return raw + b" %08x\n" % zlib.crc32(raw, start)


_string = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) writes for a str


def encode_record(n: int, record: Record, start: int) -> bytes:
    """The journal line of record number `n` (the text `encode_line` gives for its list, built
    directly: this runs once per line played)."""
    turn, location = record.turn, record.location
    text = "[%d,%s,%s,%s,%s,%s,%s]" % (  # noqa: UP031 - the fastest way to build it
        n,
        _string(record.command),
        _string(record.out),
        _string(record.state),
        _string(record.excerpt),
        "null" if turn is None else int.__repr__(turn),
        "null" if location is None else _string(location),
    )
    raw = text.encode("utf-8", "replace")
    return raw + b" %08x\n" % zlib.crc32(raw, start)


def decode_line(raw: bytes, start: int) -> Any:
    """The JSON data of one line (without its newline), or None when its check fails."""
    body, _, crc = raw.rpartition(b" ")
    if len(crc) != 8 or not body:
        return None
    try:
        if int(crc, 16) != zlib.crc32(body, start):
            return None
        return load_json(body)
    except ValueError:
        return None


def load_json(body: bytes) -> Any:
    """One line's JSON, ValueError when it nests deeper than MAX_DEPTH or is not JSON."""
    if body.count(b"[") + body.count(b"{") > MAX_DEPTH and _depth(body) > MAX_DEPTH:
        raise ValueError("nested too deeply")
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("nested too deeply") from None


_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(rb"[\[\]{}]")


def _depth(body: bytes) -> int:
    """How deep the arrays and objects of a JSON text nest (brackets inside strings skipped)."""
    deepest = depth = 0
    for match in _BRACKET.finditer(_STRING.sub(b"", body)):
        depth += 1 if match.group() in b"[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _no_constant(name: str) -> None:
    """NaN and Infinity never appear in journals."""
    raise ValueError(name)


def header_from(data: Any) -> Header:
    """A header checked for shape, or a typed SaveError."""
    if not isinstance(data, dict) or MAGIC not in data:
        raise NotASave("This file is not a Hyosan game recording.", "Pick a file in saves/games/.")
    if not isinstance(data[MAGIC], int) or data[MAGIC] > FORMAT:
        raise NewerFormat(
            "This recording was made by a newer Hyosan.", "Update Hyosan to continue it."
        )
    world = data.get("world")
    try:
        assert isinstance(world, dict)
        ident = WorldId(str(world["title"]), int(world["release"]), str(world["hash"]))
        seed = data["seed"]
        assert isinstance(seed, int) and not isinstance(seed, bool)
        return Header(
            str(data["game"]),
            ident,
            seed,
            str(data.get("created", "")),
            str(data.get("engine", "")),
            str(data.get("origin", "")),
        )
    except (AssertionError, KeyError, TypeError, ValueError):
        raise DamagedSave("The recording's header is damaged.", "Pick another game.") from None


def record_from(n: int, data: Any) -> Record | None:
    """Record number `n` from its JSON data, or None when it is not one."""
    if type(data) is not list or len(data) != 7 or data[0] != n:
        return None
    _, command, out, state, excerpt, turn, location = data
    texts = (command, out, state, excerpt)
    if not all(type(t) is str for t in texts) or len(out) != 8 or len(state) != 8:
        return None
    if turn is not None and type(turn) is not int:
        return None
    if location is not None and type(location) is not str:
        return None
    return Record(command, out, state, excerpt, turn, location)


def read_header(path: Path) -> tuple[Header, int]:
    """The journal's header and the byte offset where its records begin."""
    try:
        with os.fdopen(open_regular(path), "rb") as handle:
            first = handle.readline(HEADER_LIMIT)
    except OSError as exc:
        raise SaveError(f"Could not read {path}: {exc.strerror or exc}.", "", path) from None
    if not first.endswith(b"\n"):
        raise DamagedSave("The recording has no whole header line.", "Pick another game.", path)
    body = first[:-1]
    try:
        game = load_json(body.rpartition(b" ")[0]).get("game", "")
    except AttributeError:
        raise NotASave("This file is not a Hyosan game recording.", "", path) from None
    except ValueError:
        raise DamagedSave(
            "The recording's header is damaged (not JSON, or nested too deeply).",
            "Pick another game.",
            path,
        ) from None
    header = header_from(decode_line(body, seed_crc(str(game))))
    return header, len(first)


def read(path: Path, offset: int = 0, first: int = 1) -> Contents:
    """Read a journal (its records from byte `offset`, numbered from `first`, when given)."""
    header, start = read_header(path)
    offset = offset or start
    try:
        with os.fdopen(open_regular(path), "rb") as handle:
            handle.seek(offset)
            raw = handle.read()
    except OSError as exc:
        raise SaveError(f"Could not read {path}: {exc.strerror or exc}.", "", path) from None
    records, used, notes = parse_records(raw, first, seed_crc(header.game))
    return Contents(header, tuple(records), first, offset + used, tuple(notes))


def parse_records(raw: bytes, first: int, start: int) -> tuple[list[Record], int, list[str]]:
    """Whole records from the start of `raw`: (records, bytes they use, notes on what was cut)."""
    records: list[Record] = []
    used = 0
    lines = raw.split(b"\n")
    whole, tail = lines[:-1], lines[-1]
    for i, line in enumerate(whole):
        record = record_from(first + len(records), decode_line(line, start))
        if record is None:
            last = i == len(whole) - 1 and not tail
            return records, used, [_cut_note(first + len(records), last)]
        records.append(record)
        used += len(line) + 1
    notes = [_cut_note(first + len(records), True)] if tail else []
    return records, used, notes


def _cut_note(n: int, last: bool) -> str:
    """What a reader is told about a record that could not be read."""
    if last:
        return f"The last line of the recording (line {n}) was cut off by a crash and is left out."
    return (
        f"The recording is damaged at line {n} (or that line came from another game); "
        f"the game is played from the lines before it (up to line {n - 1})."
    )


def entries(contents: Contents) -> Iterator[LogEntry]:
    """A journal's records as a save's log entries."""
    return (r.entry() for r in contents.records)


class Writer:
    """An open journal that a game appends to; holds the file's lock while open."""

    def __init__(self, path: Path, fd: int, header: Header, lines: int, ops: FileOps) -> None:
        self.path = path
        self.header = header
        self.lines = lines  # records written so far
        self._fd: int | None = fd
        self._ops = ops
        self._crc = seed_crc(header.game)
        self._synced = time.monotonic()
        self._dirty = False

    @classmethod
    def create(cls, path: Path, header: Header, ops: FileOps = REAL) -> Writer:
        """A new journal at `path` (which must not exist), locked, its header on the disk."""
        try:
            ops.makedirs(path.parent)
            fd = ops.open_new(path)
        except OSError as exc:
            raise write_error(exc, path) from None
        writer = cls(path, fd, header, 0, ops)
        try:
            _lock(fd)
            writer._write(encode_line(header.to_data(), writer._crc))
            writer.sync()
        except (OSError, SaveError):
            writer.close()
            raise
        return writer

    @classmethod
    def reopen(cls, path: Path, contents: Contents, ops: FileOps = REAL) -> Writer:
        """Continue a journal: lock it, cut any torn tail, append after the last whole record."""
        try:
            fd = open_regular(path, os.O_RDWR)
        except OSError as exc:
            raise write_error(exc, path) from None
        writer = cls(path, fd, contents.header, contents.first - 1 + len(contents.records), ops)
        try:
            _lock(fd)
            size = os.fstat(fd).st_size
            if size != contents.end:
                _check_torn_tail(fd, size, contents.end, path)
                os.ftruncate(fd, contents.end)
            os.lseek(fd, contents.end, os.SEEK_SET)
        except OSError as exc:
            writer.close()
            raise write_error(exc, path) from None
        except SaveError:
            writer.close()
            raise
        return writer

    def append(self, records: list[Record]) -> None:
        """Write records (flushed to the OS at once; to the disk at most every SYNC_EVERY s)."""
        if len(records) == 1:  # the usual case: the line just played
            data = encode_record(self.lines + 1, records[0], self._crc)
        else:
            data = b"".join(
                encode_record(self.lines + i, r, self._crc) for i, r in enumerate(records, 1)
            )
        self._write(data)
        self.lines += len(records)
        self._dirty = True
        if time.monotonic() - self._synced >= SYNC_EVERY:
            self.sync()

    def _write(self, data: bytes) -> None:
        """Write all of `data` at the end of the file, or raise SaveWriteError."""
        if self._fd is None:
            raise SaveError("The recording is closed.", "", self.path)
        try:
            written = self._ops.write(self._fd, data)
            if written < len(data):  # a short write (a full disk, a signal): write the rest
                view = memoryview(data)[written:]
                while view:
                    view = view[self._ops.write(self._fd, view) :]
        except OSError as exc:
            raise write_error(exc, self.path) from None

    @property
    def offset(self) -> int:
        """The byte offset just past the last record written."""
        return os.lseek(self._fd, 0, os.SEEK_CUR) if self._fd is not None else 0

    def sync(self) -> None:
        """Flush what is written to the disk."""
        if self._fd is None:
            return
        try:
            self._ops.fsync(self._fd)
        except OSError as exc:
            raise write_error(exc, self.path) from None
        self._synced = time.monotonic()
        self._dirty = False

    def __del__(self) -> None:
        """A writer dropped without close() still lets go of its file and lock."""
        with contextlib.suppress(Exception):
            self.close()

    def close(self) -> None:
        """Flush (when anything is unflushed), unlock and close."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if self._dirty:
                self._ops.fsync(fd)
        finally:
            os.close(fd)


def _check_torn_tail(fd: int, size: int, end: int, path: Path) -> None:
    """Raise Damaged unless all past `end` is one record cut off mid-write (no newline in it):
    only such a never-acknowledged tail may be cut; whole lines are never rewritten."""
    if end > size or size - end > TORN_LIMIT or b"\n" in os.pread(fd, size - end, end):
        raise Damaged(
            "The recording is damaged partway through.",
            "It is kept untouched; play goes on in a new recording.",
            path,
        )


def _lock(fd: int) -> None:
    """Take the journal's lock, or raise InUse when another game holds it."""
    if fcntl is None:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise InUse("That game is being played in another window.", "") from None


def in_use(path: Path) -> bool:
    """True when another open game holds the journal's lock."""
    if fcntl is None:
        return False
    try:
        fd = open_regular(path)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


class InUse(SaveError):
    """The recording is open in another game."""


class Damaged(DamagedSave):
    """The recording has damage before its end, so it is never appended to or cut."""
