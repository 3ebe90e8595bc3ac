"""Every game is its own recording: `saves/games/<id>.journal` (+ `<id>.checkpoint`).

A recording's id is the UTC moment it began and four random hex digits
(`20261202-171500-ab12`), so two games never share a file, not even two started in the same
second by two processes. Recordings are listed newest first (by when they were last played).
Pruning keeps the folder under a size budget (PRUNE_MIB, or $HYOSAN_RECORDINGS_MIB) by deleting
the oldest recordings; it never deletes the newest recording, one open in a game, or anything
outside `games/` (named saves are never pruned).
"""

from __future__ import annotations

import contextlib
import math
import os
import time
from pathlib import Path

from game.model.files import lstat_kind, open_regular
from game.model.record import record
from game.saves.errors import SaveError, SaveWriteError
from game.saves.journal import Header, in_use, load_json, read_header, record_from
from game.saves.slots import AUTOSAVE, PREVIOUS

FOLDER = "games"
JOURNAL = ".journal"
CHECKPOINT = ".checkpoint"
PRUNE_MIB = 64
MAX_BUDGET_MIB = 1 << 24  # 16 TiB: past this a budget is a typo, not a wish
CONTINUE_NAMES = frozenset({AUTOSAVE, "latest", "continue"})  # names that mean the latest game
_ID_CHARS = frozenset("0123456789abcdef-")
_TAIL = 65536


def games_dir(saves_dir: Path) -> Path:
    """The folder of recordings inside a save folder."""
    return Path(saves_dir) / FOLDER


def check_folder(saves_dir: Path) -> None:
    """Refuse a `games` that is a link, a file or a pipe: recordings stay inside the save folder."""
    kind = lstat_kind(games_dir(saves_dir))
    if kind not in ("", "folder"):
        raise SaveWriteError(
            f"{games_dir(saves_dir)} is a {kind}, not a folder: games are not recorded.",
            "Move it away; your game goes on.",
        )


def new_id() -> str:
    """A fresh recording id: the UTC time now and four random hex digits."""
    return f"{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}-{os.urandom(2).hex()}"


def is_id(name: str) -> bool:
    """True when `name` has the shape of a recording id."""
    return len(name) == 20 and set(name) <= _ID_CHARS and name[8] == "-" and name[15] == "-"


def reserved_reason(name: str) -> str:
    """Why a save may not take this name (Continue or a recording would shadow it), or ''."""
    low = name.lower()
    if low in CONTINUE_NAMES or low == PREVIOUS:
        return f"'{name}' is reserved: --load {low} and Continue mean the latest game."
    if low == "backup":
        return "'backup' is reserved: RESTORE BACKUP means a damaged save's intact copy."
    if is_id(low):
        return f"'{name}' is shaped like a game's recording id, which --load {low} would open."
    return ""


def journal_path(saves_dir: Path, game: str) -> Path:
    """Where a recording's journal lives."""
    return games_dir(saves_dir) / f"{game}{JOURNAL}"


def find(saves_dir: Path, name: str) -> Path | None:
    """The journal a name means: `autosave`/`latest`/`continue` the newest, or a recording id."""
    if name in CONTINUE_NAMES:
        return latest_readable(saves_dir)
    if is_id(name):
        path = journal_path(saves_dir, name)
        return path if path.is_file() else None
    return None


def checkpoint_path(journal: Path) -> Path:
    """The checkpoint beside a journal."""
    return journal.with_suffix(CHECKPOINT)


def budget_bytes() -> int:
    """The size the recordings may take before the oldest are pruned."""
    mib, _ = _budget_mib()
    return int(mib * 1024 * 1024)


def budget_warning() -> str:
    """Why $HYOSAN_RECORDINGS_MIB is not used, or '' when it is fine (or unset)."""
    return _budget_mib()[1]


def _budget_mib() -> tuple[float, str]:
    """The budget in MiB from $HYOSAN_RECORDINGS_MIB (the default when unusable) and a warning."""
    text = os.environ.get("HYOSAN_RECORDINGS_MIB", "").strip()
    if not text:
        return PRUNE_MIB, ""
    try:
        mib = float(text)
    except ValueError:
        mib = math.nan
    if not math.isfinite(mib) or not 1 <= mib <= MAX_BUDGET_MIB:
        return PRUNE_MIB, (
            f"HYOSAN_RECORDINGS_MIB={text[:40]!r} is not a size from 1 to {MAX_BUDGET_MIB:,}"
            f" MiB; recordings keep to the default {PRUNE_MIB} MiB."
        )
    return mib, ""


def journals(saves_dir: Path) -> list[Path]:
    """Every recording's journal, most recently played first."""
    try:
        found = [
            p
            for p in games_dir(saves_dir).glob(f"*{JOURNAL}")
            if is_id(p.stem) and p.is_file() and not p.is_symlink()
        ]
    except OSError:
        return []
    return sorted(found, key=_mtime, reverse=True)


def latest(saves_dir: Path) -> Path | None:
    """The most recently played recording, or None."""
    found = journals(saves_dir)
    return found[0] if found else None


def latest_readable(saves_dir: Path) -> Path | None:
    """The newest recording whose header reads (else the newest, so its problem is told)."""
    found = journals(saves_dir)
    for journal in found:
        try:
            read_header(journal)
        except SaveError:
            continue
        return journal
    return found[0] if found else None


def skipped_for(saves_dir: Path, chosen: Path) -> list[Path]:
    """The recordings newer than `chosen` (Continue passed over them: they cannot be read)."""
    found = journals(saves_dir)
    return found[: found.index(chosen)] if chosen in found else []


def size_of(journal: Path) -> int:
    """Bytes a recording takes: journal and checkpoint."""
    total = 0
    for path in (journal, checkpoint_path(journal)):
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


@record
class Summary:
    """One recording as a listing shows it; `problem` says why it cannot be read, if so."""

    game: str
    path: Path
    created: str = ""
    played: str = ""  # when it was last written (UTC, ISO)
    lines: int = 0
    turn: int = 0
    location: str = ""
    size: int = 0
    in_use: bool = False
    origin: str = ""
    last: str = ""  # the last command and its excerpt
    problem: str = ""


def summarise(journal: Path) -> Summary:
    """Header and last record of a recording (reads only the file's ends)."""
    game = journal.stem
    size, used, played = size_of(journal), in_use(journal), _when(journal)
    try:
        header, start = read_header(journal)
    except SaveError as exc:
        return Summary(game, journal, size=size, in_use=used, played=played, problem=str(exc))
    lines, turn, location, last = _last_record(journal, start)
    return Summary(
        game,
        journal,
        header.created,
        played,
        lines,
        turn,
        location,
        size,
        used,
        header.origin,
        last,
    )


def _last_record(journal: Path, start: int) -> tuple[int, int, str, str]:
    """(lines, turn, location, last line) from the last whole record of a journal."""
    try:
        with os.fdopen(open_regular(journal), "rb") as handle:
            end = handle.seek(0, os.SEEK_END)
            handle.seek(max(start, end - _TAIL))
            tail = handle.read()
    except OSError:
        return 0, 0, "", ""
    for line in reversed(tail.split(b"\n")[1:-1] if end - _TAIL > start else tail.split(b"\n")):
        body = line.rpartition(b" ")[0]
        try:
            data = load_json(body)
        except ValueError:
            continue
        record = record_from(data[0], data) if isinstance(data, list) and data else None
        if record is not None:
            said = f"> {record.command}" + (f" — {record.excerpt}" if record.excerpt else "")
            return data[0], record.turn or 0, record.location or "", said
    return 0, 0, "", ""


def listing(saves_dir: Path) -> list[Summary]:
    """Every recording, most recently played first."""
    return [summarise(j) for j in journals(saves_dir)]


def policy_note(saves_dir: Path) -> str:
    """The pruning policy and how much of it is used, in one line for people."""
    used = sum(size_of(j) for j in journals(saves_dir))
    warning = budget_warning()
    return (
        f"Recordings use {_mib(used)} of {_mib(budget_bytes())}; past that the oldest are "
        "deleted (never the latest, one being played, or a named save)."
    ) + (f" {warning}" if warning else "")


def prune(saves_dir: Path, keep: Path | None = None, budget: int | None = None) -> list[Path]:
    """Delete the oldest recordings until they fit the budget; return the journals deleted."""
    budget = budget_bytes() if budget is None else budget
    found = journals(saves_dir)
    sizes = {j: size_of(j) for j in found}
    total = sum(sizes.values())
    removed: list[Path] = []
    for journal in reversed(found[1:]):  # oldest first; the newest always stays
        if total <= budget:
            break
        if journal == keep or in_use(journal):
            continue
        for path in (checkpoint_path(journal), journal):
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                break
        else:
            total -= sizes[journal]
            removed.append(journal)
    return removed


def describe(summary: Summary, place: str) -> str:
    """One recording on one line: id, when, where, how far, size."""
    if summary.problem:
        return f"{summary.game}  (cannot be read: {summary.problem})"
    when = local_time(summary.played or summary.created)
    busy = "  [being played]" if summary.in_use else ""
    return (
        f"{summary.game}  {when}  {place or '-'}  turn {summary.turn}, "
        f"{summary.lines} lines  {_mib(summary.size)}{busy}"
    )


def local_time(stamp: str) -> str:
    """An ISO time in local time, to the minute, for people."""
    import datetime  # listing only: kept out of start-up

    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _when(path: Path) -> str:
    """When a file was last written, as an ISO UTC time."""
    import datetime  # listing only: kept out of start-up

    moment = datetime.datetime.fromtimestamp(_mtime(path), datetime.UTC)
    return moment.isoformat(timespec="seconds")


def _mib(size: int) -> str:
    """A size for people: KiB below one MiB, else MiB with one decimal."""
    if size < 1048576:
        return f"{max(1, round(size / 1024))} KiB"
    return f"{size / 1048576:.1f} MiB"


def _mtime(path: Path) -> float:
    """Modification time, or 0 when the file vanished meanwhile."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def header_of(journal: Path) -> Header:
    """A recording's header (SaveError when it cannot be read)."""
    return read_header(journal)[0]
