"""The key tables of docs/authoring.md, generated from the key declarations of game/model.

Each table sits between `<!-- keys: NAME -->` and `<!-- /keys -->`; `render` rewrites them
from the declarations and leaves the prose around them alone. Regenerate the guide with
`python -m game.authoring.keydocs docs/authoring.md` (a test fails while it is stale).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from game.model.characters import CHARACTER, CHOICE, ENCOUNTER, TOPIC
from game.model.endings import ENDING, HINT
from game.model.events import EVENT, TRIGGER
from game.model.items import CONTAINER, ITEM
from game.model.keys import BOOL, ENUM, ID, IDS, INT, TEXT, WORDS, Key, Section
from game.model.logickeys import CONDITION, EFFECT
from game.model.rooms import EXIT, ROOM, SCENERY
from game.model.start import GAME, PLAYER
from game.model.statemachine import STATE, TRANSITION
from game.model.testspecs import EXPECT, TEST

TABLES: dict[str, Section] = {
    section.name: section
    for section in (
        GAME,
        PLAYER,
        ROOM,
        EXIT,
        SCENERY,
        ITEM,
        CONTAINER,
        CHARACTER,
        TOPIC,
        CHOICE,
        ENCOUNTER,
        STATE,
        TRANSITION,
        EVENT,
        TRIGGER,
        ENDING,
        HINT,
        TEST,
        EXPECT,
    )
}
# One example per condition and effect, over the tutorial world (the docs tests load each).
EXAMPLES: dict[str, dict[str, str]] = {
    "condition": {
        "has": "{has: brass_key}",
        "here": "{here: mrs_oh}",
        "in": "{in: [pump_yard, pump_house]}",
        "in_region": "{in_region: Pump Station}",
        "visited": "{visited: pump_house}",
        "flag": "{flag: valve_open}",
        "at_least": "{at_least: {trust: 2}}",
        "at_most": "{at_most: {trust: 0}}",
        "state": "{state: {of: mrs_oh, is: [wary, helpful]}}",
        "condition": "{condition: healthy}",
        "item_in": "{item_in: {item: brass_key, place: player}}",
        "char_in": "{char_in: {who: mrs_oh, place: pump_yard}}",
        "is_open": "{is_open: pump_door}",
        "is_locked": "{is_locked: pump_door}",
        "is_lit": "{is_lit: brass_key}",
        "is_worn": "{is_worn: brass_key}",
        "turn_at_least": "{turn_at_least: 10}",
        "chance": "{chance: 25}",
        "topic": "{topic: [pump, water]}",
        "not": "{not: {has: brass_key}}",
        "any": "{any: [{has: brass_key}, {flag: valve_open}]}",
        "all": "{all: [{in: pump_yard}, {here: mrs_oh}]}",
    },
    "effect": {
        "say": "{say: The pipes knock.}",
        "event": "{event: A siren starts.}",
        "warn": "{warn: Something moves.}",
        "set": "{set: {trust: 3}}",
        "unset": "{unset: valve_open}",
        "add": "{add: {trust: 1}}",
        "give": "{give: brass_key}",
        "remove": "{remove: brass_key}",
        "move": "{move: {item: brass_key, to: pump_house}}",
        "move_player": "{move_player: pump_house}",
        "move_character": "{move_character: {who: mrs_oh, to: pump_house}}",
        "state": "{state: {of: mrs_oh, to: helpful}}",
        "condition": "{condition: healthy}",
        "open": "{open: pump_door}",
        "close": "{close: pump_door}",
        "lock": "{lock: pump_door}",
        "unlock": "{unlock: pump_door}",
        "encounter": "{encounter: mrs_oh}",
        "end_encounter": "{end_encounter: true}",
        "score": "{score: 5}",
        "end": "{end: water_again}",
    },
}
OP_TABLES = {"condition": (CONDITION, "true when"), "effect": (EFFECT, "does")}
BLOCK = re.compile(r"(<!-- keys: ([a-z_]+) -->\n)(.*?)(<!-- /keys -->)", re.S)


def key_row(key: Key) -> str:
    """One row of a key table: the key, its one-line doc, and what the declaration adds."""
    notes = []
    if key.required:
        notes.append("required")
    if key.kind == INT:
        notes.append(_range(key))
    shown = key.kind in (TEXT, ID, INT, BOOL, ENUM) and key.default not in (None, "")
    if shown and "default" not in key.doc:
        notes.append(f"default `{_show(key.default)}`")
    if key.needs:
        notes.append("only with " + " or ".join(f"`{name}`" for name in key.needs))
    kind = {IDS: "one id or a list", WORDS: "one word or a list"}
    if kind.get(key.kind):
        notes.insert(0, kind[key.kind])
    if not notes:
        return f"| `{key.name}` | {key.doc} |"
    if key.doc.endswith(")"):
        return f"| `{key.name}` | {key.doc[:-1]}; {'; '.join(notes)}) |"
    return f"| `{key.name}` | {key.doc} ({'; '.join(notes)}) |"


def _range(key: Key) -> str:
    """A whole number's limits, in words."""
    if key.low is not None and key.high is not None:
        return f"a whole number from {key.low} to {key.high}"
    if key.low is not None:
        return f"a whole number, {key.low} or more"
    return "a whole number"


def _show(value: object) -> str:
    """A default as YAML shows it."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def table(name: str) -> str:
    """The Markdown table of one declared section (or the condition/effect vocabulary)."""
    if name in OP_TABLES:
        section, head = OP_TABLES[name]
        rows = [f"| {name} | {head} |", "|---|---|"]
        for op, key in section.keys.items():
            rows.append(f"| `{EXAMPLES[name][op]}` | {key.doc} |")
        return "\n".join(rows) + "\n"
    section = TABLES[name]
    rows = ["| key | meaning |", "|---|---|", *(key_row(k) for k in section.keys.values())]
    return "\n".join(rows) + "\n"


def render(guide: str) -> str:
    """The guide with every marked key table regenerated from the declarations."""
    return BLOCK.sub(lambda m: m.group(1) + table(m.group(2)) + m.group(4), guide)


def main(argv: list[str]) -> int:
    """Rewrite the guide's key tables in place: `python -m game.authoring.keydocs GUIDE`."""
    path = Path(argv[0] if argv else "docs/authoring.md")
    old = path.read_text(encoding="utf-8")
    new = render(old)
    if new != old:
        path.write_text(new, encoding="utf-8")
    print(f"{path}: {'key tables regenerated' if new != old else 'key tables already current'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
