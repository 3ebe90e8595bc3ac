"""A world's puzzle fingerprint: a hash of everything that can change how the game plays.

Prose is left out — descriptions, replies, `say:` lines, ending texts, labels, messages,
source positions — so an author who rewrites a room's description (or moves it to another
file) keeps the finished search of the world; any change to an exit, a condition, an
effect, an item's words or a character's states gives another fingerprint. The walk is
canonical (maps and sets in sorted order), so the same world gives the same fingerprint in
every process.
"""

from __future__ import annotations

import hashlib

from game.model import World
from game.model.record import fields, has

PROSE = frozenset(
    {
        "description",
        "first",
        "dark_description",
        "intro",
        "title",
        "author",
        "text",
        "epilogue",
        "refuse",
        "say",
        "reply",
        "default_reply",
        "label",
        "messages",
        "hints",
    }
)
DERIVED = frozenset(  # worked out from the fields that are walked, or where the text came from
    {
        "where",
        "files",
        "layers",
        "lines",
        "expect",
        "_auto_cache",
        "automatic",
        "events_by_kind",
        "events_by_key",
        "door_rooms",
        "movers",
        "self_changing",
        "lexicon",
        "vocab",
        "exits",
        "scenery",
    }
)
SHOWN = frozenset({"say", "warn", "event"})  # effects that only show text


def _skip(owner: type, name: str) -> bool:
    """Whether a field is prose or derived (a room's own `exits` and `scenery` are walked)."""
    if name in PROSE:
        return True
    if owner.__name__ == "World":
        return name in DERIVED
    return name in DERIVED - {"exits", "scenery"}


def _walk(node: object, out: list[str]) -> None:
    """Append a canonical text for a value, prose left out."""
    kind = type(node)
    if node is None or isinstance(node, (str, int, float, bool)):
        out.append(repr(node))
    elif isinstance(node, (tuple, list)):
        out.append("(")
        for part in node:
            _walk(part, out)
            out.append(",")
        out.append(")")
    elif isinstance(node, (frozenset, set)):
        parts = []
        for part in node:
            inner: list[str] = []
            _walk(part, inner)
            parts.append("".join(inner))
        out.append("{" + ",".join(sorted(parts)) + "}")
    elif isinstance(node, dict):
        out.append("{")
        for key in sorted(node, key=repr):
            out.append(repr(key) + ":")
            _walk(node[key], out)
            out.append(",")
        out.append("}")
    elif has(kind):
        out.append(kind.__name__ + "(")
        shown = kind.__name__ == "Effect" and getattr(node, "op", "") in SHOWN
        for field in fields(kind):
            if _skip(kind, field.name) or (shown and field.name == "args"):
                continue
            out.append(field.name + "=")
            _walk(getattr(node, field.name), out)
            out.append(",")
        out.append(")")
    else:
        out.append(kind.__name__)


def fingerprint(world: World) -> str:
    """The puzzle fingerprint of a world (hex)."""
    out: list[str] = []
    _walk(world, out)
    return hashlib.sha256("".join(out).encode()).hexdigest()
