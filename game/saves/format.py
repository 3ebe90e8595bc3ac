"""The save file: readable JSON text, canonical, checksummed, versioned, migrated."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable

from game.model.record import field, record
from game.saves.errors import BadChecksum, DamagedSave, NewerFormat, NotASave, SaveTooLarge
from game.saves.identity import WorldId

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

FORMAT = 1  # what this version writes
MIN_COMPATIBLE = 1  # the oldest reader that can read what this version writes
OLDEST_READABLE = 1  # the oldest format this version can migrate
MAGIC = "hyosan-save"
MAX_BYTES = 64 * 1024 * 1024

# version n -> function turning a format-n document into a format-(n+1) document
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


@record
class LogEntry:
    """One input line as played: the command, digests of its output and state, a text excerpt."""

    command: str
    out: str
    state: str
    excerpt: str = ""

    def to_data(self) -> list[str]:
        """The entry as one JSON array."""
        return [self.command, self.out, self.state, self.excerpt]


@record
class SaveFile:
    """Everything a save holds, parsed and checked for shape (not yet against a world)."""

    world: WorldId
    created: str
    label: str
    location: str
    turn: int
    ending: str | None
    seed: int
    log: tuple[LogEntry, ...]
    snapshot: dict[str, Any] = field(hash=False)
    history: tuple[dict[str, Any], ...] = ()  # undo history, newest first, each a delta
    engine: str = ""
    format: int = FORMAT
    min_compatible: int = MIN_COMPATIBLE

    @property
    def commands(self) -> tuple[str, ...]:
        """The command log as plain lines."""
        return tuple(entry.command for entry in self.log)


def utc_now() -> str:
    """The UTC time now, ISO 8601 to the second, as saves write it (no datetime import)."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())


def dump(save: SaveFile) -> str:
    """The canonical text of a save: the same data always gives the same bytes."""
    return seal(_document(save))


def seal(doc: dict[str, Any]) -> str:
    """A document laid out one item per line, with the checksum of that text added last."""
    lines = ["{"]
    for key, value in doc.items():
        if key == "checksum":
            continue
        if key == "log":
            lines.append(_rows("log", [_log_row(e) for e in value]))
        elif key == "history":
            lines.append(_rows("history", [_LINE.encode(c) for c in value]))
        elif key == "snapshot":
            lines.append(_block("snapshot", value))
        else:
            lines.append(f"  {_LINE.encode(key)}: {_LINE.encode(value)},")
    body = "\n".join(lines)
    return f'{body}\n  "checksum": "{checksum(body)}"\n}}\n'


_LINE = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
_CHECKSUM_MARK = '\n  "checksum": "'


def _document(save: SaveFile) -> dict[str, Any]:
    """The save as an ordered JSON document, without the checksum."""
    return {
        MAGIC: FORMAT,
        "min-compatible": MIN_COMPATIBLE,
        "engine": save.engine,
        "world": save.world.to_data(),
        "created": save.created,
        "label": save.label,
        "location": save.location,
        "turn": save.turn,
        "ending": save.ending,
        "seed": save.seed,
        "log": save.log,
        "snapshot": save.snapshot,
        "history": save.history,
    }


def _log_row(entry: LogEntry | list[str]) -> str:
    """One log entry as a JSON array on one line (fast: the digests never need escaping)."""
    command, out, state, excerpt = entry.to_data() if isinstance(entry, LogEntry) else entry
    return f'[{_quote(command)}, "{out}", "{state}", {_quote(excerpt)}]'


_quote = json.encoder.encode_basestring  # the C string encoder json.dumps(ensure_ascii=False) uses


def _block(key: str, value: dict[str, Any]) -> str:
    """A mapping one key per line, nested mappings one entry per line, other values inline."""
    rows = []
    for name in sorted(value):
        item = value[name]
        if isinstance(item, dict) and item:
            inner = ",\n      ".join(f"{_quote(k)}: {_LINE.encode(item[k])}" for k in sorted(item))
            rows.append(f"{_quote(name)}: {{\n      {inner}\n    }}")
        else:
            rows.append(f"{_quote(name)}: {_LINE.encode(item)}")
    if not rows:
        return f'  "{key}": {{}},'
    body = ",\n    ".join(rows)
    return f'  "{key}": {{\n    {body}\n  }},'


def _rows(key: str, rows: list[str]) -> str:
    """A list laid out one item per text line."""
    if not rows:
        return f'  "{key}": [],'
    body = ",\n    ".join(rows)
    return f'  "{key}": [\n    {body}\n  ],'


def checksum(body: str) -> str:
    """sha256 of the save's text before the checksum line."""
    data = body.encode("utf-8", "surrogatepass")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def parse(raw: bytes) -> SaveFile:
    """Parse and check a save's bytes; raise a typed SaveError on anything wrong."""
    if len(raw) > MAX_BYTES:
        limit = MAX_BYTES // 1_048_576
        raise SaveTooLarge(f"The file is over {limit} MiB: far too large to be a Hyosan save.")
    text = _decode(raw).replace("\r\n", "\n")  # a save that went through a CRLF editor or git
    doc = _json_document(text)
    version = _version(doc)
    mark = text.rfind(_CHECKSUM_MARK)
    if mark < 0 or doc.get("checksum") != checksum(text[:mark]):
        raise BadChecksum(
            "The save's contents do not match its checksum: it was edited or damaged.",
            "Load its backup or another save.",
        )
    if _escaped_surrogate(text):
        raise DamagedSave("The save holds broken characters.", _CRASH_FIX)
    while version < FORMAT:
        doc = MIGRATIONS[version](doc)
        version += 1
    return _from_document(doc)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _escaped_surrogate(text: str) -> bool:
    """True when the JSON text escapes a lone surrogate (saves never do; they break UTF-8)."""
    for match in _SURROGATE_ESCAPE.finditer(text):
        start = match.start()
        before = start - len(text[:start].rstrip("\\"))
        if before % 2 == 0:  # the backslash is not itself escaped
            return True
    return False


def _decode(raw: bytes) -> str:
    """The text of the file, or DamagedSave for empty, zero-filled or non-UTF-8 bytes."""
    stripped = raw.strip(b" \t\r\n")
    if not stripped:
        raise DamagedSave("The save file is empty.", _CRASH_FIX)
    if not stripped.strip(b"\x00"):
        raise DamagedSave("The save file is filled with zero bytes.", _CRASH_FIX)
    if not stripped.removeprefix(b"\xef\xbb\xbf").startswith(b"{"):
        raise NotASave("This file is not a Hyosan save.", "Pick a file made with SAVE.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DamagedSave(
            f"The save has bytes that are not text (at byte {exc.start}).", _CRASH_FIX
        ) from None


_CRASH_FIX = "It was probably cut off by a crash or power loss; load its backup or another save."


def _json_document(text: str) -> dict[str, Any]:
    """The JSON object of a save, or a typed error."""
    if not text.lstrip().startswith("{"):
        raise NotASave("This file is not a Hyosan save.", "Pick a file made with SAVE.")
    try:
        doc = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) - 1:
            raise DamagedSave("The save file ends too early (truncated).", _CRASH_FIX) from None
        raise DamagedSave(
            f"The save file is damaged at line {exc.lineno}, column {exc.colno}.", _CRASH_FIX
        ) from None
    except (ValueError, RecursionError):
        raise DamagedSave("The save file is damaged.", _CRASH_FIX) from None
    if not isinstance(doc, dict) or MAGIC not in doc:
        raise NotASave("This file is not a Hyosan save.", "Pick a file made with SAVE.")
    return doc


def _no_constant(name: str) -> None:
    """NaN and Infinity never appear in saves."""
    raise ValueError(name)


def _version(doc: dict[str, Any]) -> int:
    """The format version, checked against what this version can read."""
    version = doc.get(MAGIC)
    least = doc.get("min-compatible", version)
    if not _is_int(version) or not _is_int(least) or version < 1:
        raise DamagedSave("The save's format version is not a number.", _CRASH_FIX)
    if least > FORMAT:
        raise NewerFormat(
            f"This save was made by a newer Hyosan (save format {version}; this one reads up to {FORMAT}).",
            "Update Hyosan to load it.",
        )
    if version < OLDEST_READABLE:
        raise NotASave(f"Save format {version} is too old for this version of Hyosan.")
    return min(version, FORMAT)


def _is_int(value: Any) -> bool:
    """A JSON integer (not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _from_document(doc: dict[str, Any]) -> SaveFile:
    """The SaveFile of a current-format document, every field checked for type."""
    world = _field(doc, "world", dict)
    return SaveFile(
        world=WorldId(
            _field(world, "title", str), _field(world, "release", int), _field(world, "hash", str)
        ),
        created=_field(doc, "created", str),
        label=_field(doc, "label", str),
        location=_field(doc, "location", str),
        turn=_field(doc, "turn", int),
        ending=_field(doc, "ending", (str, type(None))),
        seed=_field(doc, "seed", int),
        log=tuple(_entry(i, e) for i, e in enumerate(_field(doc, "log", list), 1)),
        snapshot=_field(doc, "snapshot", dict),
        history=_history(_field(doc, "history", list)),
        engine=_field(doc, "engine", str),
        format=FORMAT,
        min_compatible=MIN_COMPATIBLE,
    )


def _field(doc: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    """A field of the expected JSON type, or DamagedSave naming it."""
    value = doc.get(key)
    wrong_bool = isinstance(value, bool) and kind is int
    if key not in doc or not isinstance(value, kind) or wrong_bool:
        raise DamagedSave(f"The save's '{key}' field is missing or has the wrong type.", _CRASH_FIX)
    return value


def _history(changes: list[Any]) -> tuple[dict[str, Any], ...]:
    """The undo history deltas, checked for shape."""
    if not all(isinstance(c, dict) for c in changes):
        raise DamagedSave("The save's undo history is damaged.", _CRASH_FIX)
    return tuple(changes)


def _entry(number: int, data: Any) -> LogEntry:
    """One log entry, checked."""
    ok = (
        type(data) is list
        and len(data) == 4
        and type(data[0]) is str
        and type(data[3]) is str
        and type(data[1]) is str
        and type(data[2]) is str
        and _DIGEST.fullmatch(data[1]) is not None
        and _DIGEST.fullmatch(data[2]) is not None
    )
    if not ok:
        raise DamagedSave(f"Entry {number} of the save's command log is damaged.", _CRASH_FIX)
    return LogEntry(*data)


_DIGEST = re.compile("[0-9a-f]{8}")
