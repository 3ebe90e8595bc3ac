"""World identity: title, release and a hash of the normalised world."""

from __future__ import annotations

import hashlib
import json

from game.model import World
from game.model import lazyyaml as yaml
from game.model.reader import Map
from game.model.record import fields, has, record

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

# Source positions and file names change when an author moves text around; the world does not.
# Fields that are not set from the YAML (init=False) are caches filled during play: left out.
_SKIP = frozenset({"where", "files"})
_cache: dict[int, tuple[World, str]] = {}


@record
class WorldId:
    """Which world a save was made with."""

    title: str
    release: int
    hash: str

    def to_data(self) -> dict[str, Any]:
        """Plain data for the save header."""
        return {"hash": self.hash, "release": self.release, "title": self.title}


def world_id(world: World) -> WorldId:
    """The identity of a loaded world (the hash is computed once per world object)."""
    cached = _cache.get(id(world))
    if cached is None or cached[0] is not world:
        text = json.dumps(
            normalise(world), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        cached = (world, "sha256:" + hashlib.sha256(text.encode()).hexdigest()[:32])
        if len(_cache) > 16:
            _cache.clear()
        _cache[id(world)] = cached
    return WorldId(world.info.title, world.info.release, cached[1])


def remember_world_hash(world: World, digest: str) -> None:
    """Take a world's identity hash as known (it was computed when this very world was cached)."""
    if len(_cache) > 16:
        _cache.clear()
    _cache[id(world)] = (world, digest)


def normalise(value: Any) -> Any:
    """JSON-able data that does not depend on file order, set order or source positions."""
    if has(type(value)):
        return {
            f.name: normalise(getattr(value, f.name))
            for f in fields(type(value))
            if f.name not in _SKIP and f.init and (f.eq or not isinstance(value, World))
        } | {"$": type(value).__name__}
    if isinstance(value, dict):
        return {str(k): normalise(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        items = [normalise(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Map):
        return {key: normalise(node) for key, node in value.values.items()}
    if isinstance(value, yaml.Node):
        return _node_data(value)
    return f"<{type(value).__name__}>"  # never a repr: it may hold a memory address


def _node_data(node: yaml.Node) -> Any:
    """A YAML node (kept raw in world tests' `expect`) as plain data."""
    if isinstance(node, yaml.ScalarNode):
        return [node.tag, node.value]
    if isinstance(node, yaml.MappingNode):
        return [[_node_data(k), _node_data(v)] for k, v in node.value]
    return [_node_data(item) for item in node.value]
