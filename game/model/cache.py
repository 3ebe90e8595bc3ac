"""World-load cache: a loaded world kept as plain data, keyed by its files and the model code.

Playing starts by reading the world's YAML, checking it and building the world: the same work
on every start while nothing has changed. A world that loaded without errors is written here
as plain data in `marshal`'s format (text, numbers, tuples, frozensets, dicts and tagged lists;
never pickle: reading it back only builds model records, by class names that must belong to
`game.model`, and runs nothing the file says). A sha256 digest of the data heads the file, so
a damaged entry is never handed to marshal. The key is a hash of every
world file, the layer order and the model's source, so any edit misses the cache and loads
afresh; a damaged or tampered entry is ignored and replaced.
The folder is `$HYOSAN_CACHE/world`, else `$XDG_CACHE_HOME/hyosan/world`, else
`~/.cache/hyosan/world`; `HYOSAN_CACHE=off` turns the cache off. It keeps the KEEP most
recently used entries: writing a new one removes older ones.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from game.model import lazyyaml as yaml
from game.model import record
from game.model.files import MAX_FILE_BYTES, read_regular, world_files
from game.model.reader import Map
from game.model.world import World

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

VERSION = 4
MAGIC = b"hyosan world cache\n"  # then the payload's sha256 digest, then the payload
MAX_ENTRY_BYTES = 256 * 1024 * 1024
KEEP = 12  # entries kept in the folder (the most recently used); older ones are removed
ENTRY_NAME = r"[0-9a-f]{64}\.(world|json)"  # this cache's entries (json: version 2's)
MODEL = Path(__file__).resolve().parent
PLAIN = frozenset({str, int, float, bool, type(None)})  # kept as they are
# The first item of a tagged list, when it is not a class index.
TUPLE, LIST, FROZENSET, DICT, REF, MAP, NODE, FLAT = -1, -2, -3, -4, -5, -6, -7, -8
CONTAINERS = {tuple: TUPLE, list: LIST, frozenset: FROZENSET}
NODE_KINDS = {"s": "ScalarNode", "q": "SequenceNode", "m": "MappingNode"}


class CacheError(ValueError):
    """A cache entry that is not what this code writes."""


def cache_folder() -> Path | None:
    """Where loaded worlds are kept (None when the cache is off)."""
    given = os.environ.get("HYOSAN_CACHE")
    if given == "off":
        return None
    if given:
        return Path(given) / "world"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hyosan" / "world"


def world_key(paths: Iterable[Path], code: Iterable[Path] = ()) -> str:
    """A hash of the world files' content (in load order, with their layers), and of the model
    code and any other code named (what computes the extras kept beside the world) as Python's
    bytecode cache judges code: by its size and modification time."""
    digest = hashlib.sha256(f"hyosan world cache {VERSION}".encode())
    for source in [*sorted(MODEL.glob("*.py")), *code]:
        info = os.stat(source)
        digest.update(f"{source}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    for layer, path in world_files([Path(p) for p in paths]):
        digest.update(f"\0{layer}\0{path}\0".encode() + read_regular(path, MAX_FILE_BYTES + 1))
    return digest.hexdigest()


def load_world_cached(
    paths: Iterable[Path],
    extras: dict[str, Callable[[World], Any]] | None = None,
    code: Iterable[Path] = (),
) -> tuple[World, dict[str, Any]]:
    """The world (from the cache when its files are unchanged) and the extras kept with it.

    `extras` computes plain JSON values from a freshly loaded world (a save identity, say);
    they are stored beside it and handed back on later starts (`code`: the source files of
    those computations, so a change to them misses the cache). Raises WorldError like
    `load_world` when the world has errors (those are never cached).
    """
    paths = [Path(p) for p in paths]
    folder = cache_folder()
    try:
        entry = folder / f"{world_key(paths, code)}.world" if folder else None
    except OSError:
        entry = None
    if entry is not None:
        found = _read(entry, set(extras or ()))
        if found is not None:
            return found
    from game.model.loader import load_world  # only on a miss: it brings PyYAML

    world = load_world(paths)
    computed = {name: make(world) for name, make in (extras or {}).items()}
    if entry is not None:
        _write(entry, world, computed)
    return world, computed


def _read(entry: Path, wanted: set[str]) -> tuple[World, dict[str, Any]] | None:
    """A cached world and its extras, or None when missing, damaged or not ours."""
    collecting = gc.isenabled()
    gc.disable()  # many small objects, none of them garbage
    try:
        raw = read_regular(entry, MAX_ENTRY_BYTES)
        digest, payload = raw[len(MAGIC) : len(MAGIC) + 32], raw[len(MAGIC) + 32 :]
        if not raw.startswith(MAGIC) or hashlib.sha256(payload).digest() != digest:
            return None  # damaged: marshal never reads bytes this code did not write
        with contextlib.suppress(OSError):
            os.utime(entry)  # recently used: kept when older entries are pruned
        version, classes, data, extras = marshal.loads(payload)
        if version != VERSION or not wanted <= set(extras):
            return None
        world = Decoder(classes).decode(data)
        if not isinstance(world, World):
            raise CacheError("the entry is not a world")
        return world, dict(extras)
    except (OSError, EOFError, ValueError, LookupError, TypeError, AttributeError, RecursionError):
        return None
    finally:
        if collecting:
            gc.enable()


def _write(entry: Path, world: World, extras: dict[str, Any]) -> None:
    """Keep a world (quietly doing nothing when it cannot be encoded or written)."""
    try:
        encoder = Encoder()
        data = encoder.encode(world)
        payload = marshal.dumps((VERSION, encoder.classes, data, extras))
        entry.parent.mkdir(parents=True, exist_ok=True)
        temp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        temp.write_bytes(MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(temp, entry)
    except (OSError, CacheError, TypeError, ValueError, RecursionError):
        return
    prune(entry.parent, KEEP)


def prune(folder: Path, keep: int) -> None:
    """Remove all but the `keep` most recently used entries (every edit of a world or of the
    model makes a new one; nothing else in the folder is touched)."""
    try:
        entries = [p for p in folder.iterdir() if re.fullmatch(ENTRY_NAME, p.name)]
        entries.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    except OSError:
        return
    for old in entries[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _plain(items: list) -> bool:
    """Whether encoded items are all plain data (no tagged list among them)."""
    return not any(type(item) is list for item in items)


class Encoder:
    """Model objects to marshal-able data; shared objects are written once and referred to.

    Plain data (text, numbers, None, and tuples, frozensets and dicts of plain data) is kept as
    it is. A list stands for everything else, its first item saying what: a class index (0 or
    more: an object, its constructor's arguments follow), or one of the negative tags (FLAT:
    a class index, then an object's arguments that are all plain data).
    """

    def __init__(self) -> None:
        self.classes: list[tuple] = []  # (module, name, init field names)
        self._class_index: dict[type, int] = {}
        self._done: dict[int, int] = {}  # id(object) -> its index among objects
        self._keep: list[Any] = []  # objects seen, kept alive so ids stay theirs
        self._count = 0

    def encode(self, value: Any) -> Any:
        """One value as data."""
        kind = type(value)
        if kind in PLAIN:
            return value
        if kind is dict:
            items = [self.encode(x) for pair in value.items() for x in pair]
            return (
                dict(zip(items[::2], items[1::2], strict=True)) if _plain(items) else [DICT, *items]
            )
        if kind in CONTAINERS:
            items = [self.encode(v) for v in value]
            return kind(items) if kind is not list and _plain(items) else [CONTAINERS[kind], *items]
        if id(value) in self._done:
            return [REF, self._done[id(value)]]
        if record.has(kind):
            index = self._class(kind)
            fields = [self.encode(getattr(value, f.name)) for f in record.fields(kind) if f.init]
            data = [FLAT, index, *fields] if _plain(fields) else [index, *fields]
        elif kind is Map or kind is LazyMap:
            data = [MAP, Encoder().map_content(value)]  # its own references: decoded on use
        elif (node_kind := _node_kind(kind)) is not None:
            data = [NODE, node_kind, value.tag, self._node_value(value), *self._marks(value)]
        else:
            raise CacheError(f"cannot keep a {kind.__name__}")
        self._done[id(value)] = self._count
        self._keep.append(value)
        self._count += 1
        return data

    def map_content(self, value: Map) -> list:
        """A mapping's node and its [key, key node, value node] entries."""
        node = self.encode(value.node)  # first: the decoder builds in this same order
        pairs = [
            [k, self.encode(value.key_nodes[k]), self.encode(v)] for k, v in value.values.items()
        ]
        return [node, pairs]

    def _node_value(self, node: yaml.Node) -> Any:
        """A YAML node's value: text (with its quoting style, if any), or its items."""
        if isinstance(node, yaml.ScalarNode):
            return [node.value, node.style] if node.style else node.value
        if isinstance(node, yaml.MappingNode):
            return [[self.encode(k), self.encode(v)] for k, v in node.value]
        return [self.encode(v) for v in node.value]

    @staticmethod
    def _marks(node: yaml.Node) -> list:
        """Where a node starts and ends."""
        return [
            (m.name, m.index, m.line, m.column) if m is not None else None
            for m in (node.start_mark, node.end_mark)
        ]

    def _class(self, kind: type) -> int:
        """The index of a model class in the entry's class table."""
        if kind not in self._class_index:
            if not kind.__module__.startswith("game.model."):
                raise CacheError(f"{kind.__name__} is not a model class")
            names = tuple(f.name for f in record.fields(kind) if f.init)
            self._class_index[kind] = len(self.classes)
            self.classes.append((kind.__module__, kind.__qualname__, names))
        return self._class_index[kind]


class Decoder:
    """Entry data back to model objects: only `game.model` records, nothing executed."""

    def __init__(self, classes: list) -> None:
        self._classes = [self._resolve(*entry) for entry in classes]
        self._objects: list[Any] = []

    @staticmethod
    def _resolve(module: str, name: str, names: tuple) -> type:
        """A class named by the entry, which must be a loaded model record with those fields."""
        if not isinstance(module, str) or not module.startswith("game.model."):
            raise CacheError(f"module {module!r} is not part of the model")
        kind = getattr(sys.modules.get(module), str(name), None)
        if not isinstance(kind, type) or "__record_fields__" not in vars(kind):
            raise CacheError(f"{module}.{name} is not a model class")
        if tuple(f.name for f in record.fields(kind) if f.init) != names:
            raise CacheError(f"{name} has other fields now")
        return kind

    def decode(self, data: Any) -> Any:
        """One value: plain data as it is, a tagged list built."""
        return self._tagged(data) if type(data) is list else data

    def _values(self, items: list) -> list:
        """Several values (plain ones, the most of them, taken as they are without a call)."""
        return [self._tagged(v) if type(v) is list else v for v in items]

    def _tagged(self, data: list) -> Any:
        """An object, a reference, a container holding objects, a mapping or a YAML node."""
        tag = data[0]
        if tag >= 0:
            made = self._classes[tag](*self._values(data[1:]))
        elif tag == FLAT:  # an object whose fields are all plain: taken as they are
            made = self._classes[data[1]](*data[2:])
        elif tag == REF:
            return self._objects[data[1]]
        elif tag == TUPLE:
            return tuple(self._values(data[1:]))
        elif tag == FROZENSET:
            return frozenset(self._values(data[1:]))
        elif tag == DICT:
            items = self._values(data[1:])
            return dict(zip(items[::2], items[1::2], strict=True))
        elif tag == LIST:
            return self._values(data[1:])
        elif tag == MAP:
            made = LazyMap(data[1])
        elif tag == NODE:
            made = self._node(data)
        else:
            raise CacheError(f"unknown tag {tag!r}")
        self._objects.append(made)
        return made

    def fill_map(self, made: Map, data: list) -> None:
        """A checked YAML mapping's content, from `Encoder.map_content`."""
        node, pairs = data
        Map.__init__(made, self.decode(node))
        for key, key_node, value in pairs:
            made.key_nodes[str(key)] = self.decode(key_node)
            made.values[str(key)] = self.decode(value)

    def _node(self, data: list) -> yaml.Node:
        """A YAML node with its marks."""
        _, kind, tag, value, start, end = data
        style = None
        if kind == "s":
            content, style = (
                (str(value[0]), str(value[1])) if isinstance(value, list) else (str(value), None)
            )
        elif kind == "m":
            content = [(self.decode(k), self.decode(v)) for k, v in value]
        else:
            content = [self.decode(v) for v in value]
        if kind == "s":
            return yaml.ScalarNode(str(tag), content, _mark(start), _mark(end), style=style)
        return getattr(yaml, NODE_KINDS[kind])(str(tag), content, _mark(start), _mark(end))


class LazyMap(Map):
    """A cached mapping (a world test's `expect`) whose YAML nodes are built on first use, so
    a cache hit needs no PyYAML."""

    __slots__ = ("_pending",)

    def __init__(self, data: list) -> None:
        """Keep the entry's data; Map's own slots stay unset until one is asked for."""
        self._pending = data

    def __getattr__(self, name: str) -> Any:
        """Build the mapping the first time its node, values or key nodes are asked for."""
        pending = self._pending
        if pending is None or name not in Map.__slots__:
            raise AttributeError(name)
        self._pending = None
        Decoder([]).fill_map(self, pending)
        return getattr(self, name)


def _node_kind(kind: type) -> str | None:
    """The entry's letter for a YAML node class (None for anything else)."""
    if kind.__module__ != "yaml.nodes":
        return None
    return next((k for k, name in NODE_KINDS.items() if kind.__name__ == name), None)


def _mark(data: list | None) -> yaml.Mark | None:
    """A source position."""
    if data is None:
        return None
    name, index, line, column = data
    return yaml.Mark(str(name), int(index), int(line), int(column), None, None)
