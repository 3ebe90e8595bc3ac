"""`check --coverage`: every printable text of a world, reached by the search or not.

The texts are found by walking the world's definitions (descriptions, variants, replies,
topics, menu choices, event text, endings, refusals); each keeps the `file:line` of the
nearest definition around it. A text is reached when the search printed it (the shortest
path is the one to the first state that printed it), or, for what EXAMINE and READ show
(descriptions, readable text), when the thing was in reach in some explored state.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from game.model import Effect, World, record
from game.model.reader import Where

PRINTED = frozenset(
    {
        "description",
        "first",
        "dark_description",
        "text",
        "initial",
        "present",
        "reply",
        "say",
        "heard",
        "label",
        "default_reply",
        "default_order",
        "refuse",
        "fixed",
        "intro",
    }
)
SHOWN_BY_EXAMINE = frozenset({"description", "readable"})
EXAMINED = frozenset({"Item", "Scenery", "Character", "StateInfo"})  # EXAMINE shows their text
NOT_PRINTED = {"StateMachine": {"initial"}, "StateInfo": {"label"}}  # ids, status-bar labels


def _printed(kind: str, field: str) -> bool:
    """Whether a string field of a definition is text the game prints."""
    if field in NOT_PRINTED.get(kind, ()):
        return False
    return field in PRINTED or field == "readable"


TEXT_EFFECTS = frozenset({"say", "event", "warn"})


@attrs.frozen
class Text:
    """One printable text of a world and where it is written."""

    text: str
    where: Where | None
    owner: str  # "room:yard", "item:key", ... (things EXAMINE shows need the owner in reach)
    examined: bool  # shown by EXAMINE/READ of the owner


@attrs.frozen
class Coverage:
    """Which texts the search printed (with the shortest path) and which it never did."""

    reached: dict[Text, tuple[str, ...]]
    unreached: tuple[Text, ...]
    complete: bool  # whether the search behind it saw every state

    @property
    def percent(self) -> float:
        """How much of the world's text was reached."""
        total = len(self.reached) + len(self.unreached)
        return 100.0 * len(self.reached) / total if total else 100.0


def _walk(node: object, where: Where | None, owner: str, seen: set[int]) -> Iterator[Text]:
    """Every printable string inside a definition, with the nearest `where` around it."""
    if isinstance(node, Effect):
        if node.op in TEXT_EFFECTS and node.args and node.args[0]:
            yield Text(str(node.args[0]).strip(), node.where or where, owner, False)
        return
    if isinstance(node, (tuple, list)):
        for part in node:
            yield from _walk(part, where, owner, seen)
        return
    if isinstance(node, dict):
        for part in node.values():
            yield from _walk(part, where, owner, seen)
        return
    if not record.has(type(node)) or id(node) in seen:
        return
    seen.add(id(node))
    where = getattr(node, "where", None) or where
    kind = type(node).__name__
    for field in record.fields(type(node)):
        value = getattr(node, field.name)
        if isinstance(value, str):
            if value.strip() and _printed(kind, field.name):
                examined = field.name in SHOWN_BY_EXAMINE and kind in EXAMINED
                yield Text(value.strip(), where, owner, examined)
        else:
            yield from _walk(value, where, owner, seen)


def world_texts(world: World) -> list[Text]:
    """Every printable text of a world, once each (the first place it is written)."""
    found: dict[str, Text] = {}
    groups: list[tuple[str, object, Where | None]] = [("game", world.info, None)]
    groups += [(f"room:{r.id}", r, r.where) for r in world.rooms.values()]
    groups += [
        (f"scenery:{s.id}", s, world.rooms[s.id.split(".")[0]].where)
        for s in world.scenery.values()
    ]
    groups += [(f"item:{i.id}", i, i.where) for i in world.items.values()]
    groups += [(f"character:{c.id}", c, c.where) for c in world.characters.values()]
    groups += [("player", world.player, None)]
    groups += [(f"event:{e.id}", e, e.where) for e in world.events.values()]
    groups += [(f"ending:{e.id}", e, e.where) for e in world.endings.values()]
    for owner, node, where in groups:
        for text in _walk(node, where, owner, set()):
            found.setdefault(text.text, text)
    return list(found.values())


def measure(
    world: World,
    printed: dict[str, tuple[str, ...]],
    in_reach: dict[str, tuple[str, ...]],
    complete: bool,
) -> Coverage:
    """Match the world's texts against what the search printed and had in reach."""
    paragraphs = list(printed)
    reached: dict[Text, tuple[str, ...]] = {}
    unreached: list[Text] = []
    for text in world_texts(world):
        path = printed.get(text.text)
        if path is None:
            hits = [printed[p] for p in paragraphs if text.text in p]
            path = min(hits, key=len) if hits else None
        if path is None and text.examined:
            thing = text.owner.split(":", 1)[1]
            path = in_reach.get(thing) or in_reach.get(thing.split(".")[0])
        if path is None:
            unreached.append(text)
        else:
            reached[text] = path
    return Coverage(reached, tuple(unreached), complete)


__all__ = ["Coverage", "Text", "measure", "world_texts"]
