"""The JSON Schema of the world vocabulary, built from one Python description."""

from __future__ import annotations

import json
from typing import Any

from game.model import DIRECTIONS
from game.model.messages import DEFAULTS
from game.model.statemachine import EARSHOT
from game.model.verbs import ACTIONS

Schema = dict[str, Any]

SCHEMA_ID = "https://hyosan.invalid/world.schema.json"


def ref(name: str, doc: str = "") -> Schema:
    """A reference to a named definition, with an optional description."""
    node: Schema = {"$ref": f"#/$defs/{name}"}
    if doc:
        node["description"] = doc
    return node


def obj(props: dict[str, Schema], required: tuple[str, ...] = (), doc: str = "") -> Schema:
    """A mapping with exactly these keys."""
    node: Schema = {"type": "object"}
    if doc:
        node["description"] = doc
    node["properties"] = props
    if required:
        node["required"] = list(required)
    node["additionalProperties"] = False
    return node


def map_of(value: Schema, doc: str = "", key: Schema | None = None) -> Schema:
    """A mapping from ids (or the given key pattern) to values of one shape."""
    node: Schema = {"type": "object"}
    if doc:
        node["description"] = doc
    node["propertyNames"] = key or ref("id")
    node["additionalProperties"] = value
    return node


def one_or_list(item: Schema, doc: str = "") -> Schema:
    """One value or a list of them."""
    node: Schema = {"anyOf": [item, {"type": "array", "items": item}]}
    if doc:
        node["description"] = doc
    return node


def text(doc: str) -> Schema:
    """A text value."""
    return {"type": "string", "description": doc}


def whole(doc: str, minimum: int | None = None, maximum: int | None = None) -> Schema:
    """A whole number."""
    node: Schema = {"type": "integer", "description": doc}
    if minimum is not None:
        node["minimum"] = minimum
    if maximum is not None:
        node["maximum"] = maximum
    return node


def flag(doc: str) -> Schema:
    """true or false."""
    return {"type": "boolean", "description": doc}


def ident(doc: str) -> Schema:
    """An id."""
    return ref("id", doc)


def single(value: Schema, doc: str) -> Schema:
    """A mapping with exactly one id key, like `{trust: 2}`."""
    return {
        "type": "object",
        "description": doc,
        "propertyNames": ref("id"),
        "additionalProperties": value,
        "minProperties": 1,
        "maxProperties": 1,
    }


def conditions(doc: str = "a condition: one mapping, or a list that must all hold") -> Schema:
    """A condition or a list of conditions."""
    return ref("conditions", doc)


def effects(doc: str = "effects, in order") -> Schema:
    """A list of effects."""
    return ref("effects", doc)


def responses(doc: str) -> Schema:
    """A response, a text, or a list of them; the first whose `when` holds is used."""
    return ref("responses", doc)


def verb_map(doc: str) -> Schema:
    """`on:` / `orders:` — a verb (or several, `push, pull`) to responses."""
    several = {"type": "string", "pattern": "^[a-z_]+(\\s*,\\s*[a-z_]+)+$"}
    return map_of(responses("what happens"), doc, key={"anyOf": [ref("verb"), several]})


def messages(doc: str) -> Schema:
    """`messages:` — library message id to the text said instead."""
    return {
        "type": "object",
        "description": doc + " (message id -> text; the ids are listed in docs/design.md)",
        "propertyNames": {"enum": sorted(DEFAULTS)},
        "additionalProperties": {"type": "string"},
    }


CONDITION: dict[str, Schema] = {
    "has": ident("the player carries this item (also inside carried containers)"),
    "here": ident("this item or character is in the player's room"),
    "in": one_or_list(ident("room"), "the player is in this room (or one of these)"),
    "in_region": text("the player's room is in this region"),
    "visited": ident("the player has been in this room"),
    "flag": ident("this flag is set (non-zero)"),
    "at_least": single({"type": "integer"}, "counter >= n, like {trust: 2}"),
    "at_most": single({"type": "integer"}, "counter <= n, like {trust: 2}"),
    "state": obj(
        {"of": ident("character"), "is": one_or_list(ident("state"), "state (or any of these)")},
        ("of", "is"),
        "a character's state",
    ),
    "condition": one_or_list(
        ident("condition"), "the player's condition is this (or one of these)"
    ),
    "item_in": obj(
        {"item": ident("item"), "place": ident("room, container item, player or nowhere")},
        ("item", "place"),
        "where an item is",
    ),
    "char_in": obj(
        {"who": ident("character"), "place": one_or_list(ident("room"), "room id(s) or nowhere")},
        ("who", "place"),
        "where a character is (wherever the player is)",
    ),
    "is_open": ident("this container or door is open"),
    "is_locked": ident("this container or door is locked"),
    "is_lit": ident("this light source is lit"),
    "is_worn": ident("the player wears this item"),
    "turn_at_least": whole("the turn counter is at least n", 0),
    "chance": whole("true this percent of the time (drawn from the game's seeded RNG)", 0, 100),
    "topic": one_or_list(
        text("a word or number"),
        "the command's free words (TUNE X TO 41.750, SAY word, ASK X ABOUT word) include this "
        "word or number (or one of these); numbers match by value",
    ),
    "not": conditions("true when this condition does not hold"),
    "any": {"type": "array", "items": conditions(), "description": "true when one of these holds"},
    "all": {"type": "array", "items": conditions(), "description": "true when all of these hold"},
}

EFFECT: dict[str, Schema] = {
    "say": text("show this text (kind message)"),
    "event": text("show this text as an event"),
    "warn": text("show this text as a warning"),
    "set": {
        "anyOf": [ident("flag"), single({"type": "integer"}, "flag to a number")],
        "description": "set a flag (to 1, or to a number)",
    },
    "unset": ident("clear a flag"),
    "add": single({"type": "integer"}, "add n to a counter, like {trust: 1}"),
    "give": ident("this item goes to the player"),
    "remove": ident("this item goes nowhere"),
    "move": obj(
        {"item": ident("item"), "to": ident("room, container item, player or nowhere")},
        ("item", "to"),
        "move an item",
    ),
    "move_player": ident("the player moves to this room (and looks)"),
    "move_character": obj(
        {"who": ident("character"), "to": ident("room or nowhere")},
        ("who", "to"),
        "move a character",
    ),
    "state": obj(
        {"of": ident("character"), "to": ident("state")},
        ("of", "to"),
        "a declared transition of a character",
    ),
    "condition": ident("a declared transition of the player's condition"),
    "open": ident("open this container or door"),
    "close": ident("close this container or door"),
    "lock": ident("lock this container or door"),
    "unlock": ident("unlock this container or door"),
    "encounter": ident("start an encounter with this character"),
    "end_encounter": flag("stop the current encounter"),
    "score": whole("add to the score"),
    "end": ident("end the game with this ending"),
}

STATE = obj(
    {
        "label": text("short name shown in the status line"),
        "description": text("replaces the default description in this state"),
        "present": text("the room-listing line in this state"),
        "follows": flag("follows the player"),
        "hostile": flag("meeting the player starts an encounter"),
        "route": {
            "type": "array",
            "items": ident("room"),
            "description": "walk this loop of rooms",
        },
        "every": whole("turns per step of the route", 1),
        "wander": {
            "type": "array",
            "items": ident("room"),
            "description": "step at random among these rooms",
        },
        "chance": whole("percent chance to wander each turn", 0, 100),
        "forbid": one_or_list({"type": "string"}, "verbs refused in this state"),
        "refuse": text("said when a forbidden verb is tried"),
        "heard_from": {
            "enum": list(EARSHOT),
            "description": "its moves in this state are heard this far off (message heard_moves)",
        },
    },
    doc="one state",
)

TRANSITION = obj(
    {
        "from": {
            "anyOf": [{"const": "*"}, ident("state"), {"type": "array", "items": ident("state")}],
            "description": 'the state(s) it leaves; "*" for any',
        },
        "to": ident("the state it enters"),
        "when": conditions("happens by itself when this holds at the end of a turn"),
        "after": whole("happens by itself after n turns in the from state", 1),
        "say": text("shown when it happens"),
        "do": effects(),
    },
    ("to",),
    "a declared change of state",
)
# a character's transition can also be heard from elsewhere (`heard` goes with `heard_from`)
CHARACTER_TRANSITION = {
    "anyOf": [
        TRANSITION,
        obj(
            {
                **TRANSITION["properties"],
                "heard": text("shown instead when it happens out of sight but within earshot"),
                "heard_from": {
                    "enum": list(EARSHOT),
                    "description": "how far `heard` carries (default next_door)",
                },
            },
            ("to", "heard"),
            "a declared change of state, heard from elsewhere",
        ),
    ]
}

MACHINE = {
    "initial": ident("the state at the start"),
    "states": map_of({"anyOf": [ref("state"), {"type": "null"}]}, "state id -> fields"),
    "transitions": {
        "type": "array",
        "items": ref("character_transition"),
        "description": "declared changes",
    },
}
PLAYER_MACHINE = {
    **MACHINE,
    "transitions": {"type": "array", "items": ref("transition"), "description": "declared changes"},
}

EXIT = {
    "anyOf": [
        ident("the room it leads to"),
        obj(
            {
                "to": ident("the room it leads to"),
                "door": ident("an item with a door: section"),
                "when": conditions("condition to pass"),
                "refuse": text("said when the condition fails"),
                "hidden_until": ident("flag; the exit does not exist before it is set"),
                "one_way": flag("no way back, on purpose"),
            },
            ("to",),
        ),
    ]
}

ROOM = obj(
    {
        "name": text("the room's name"),
        "region": text("the region it belongs to (maps group rooms by region)"),
        "description": text("shown on every visit"),
        "first": text("replaces the description on the first visit"),
        "variants": {
            "type": "array",
            "description": "the first whose condition holds replaces the description",
            "items": obj({"when": conditions(), "text": text("the description")}, ("when", "text")),
        },
        "dark": {
            "description": "needs a lit light source to see: true/false, or a condition (dark "
            "while it holds)",
            "anyOf": [{"type": "boolean"}, conditions()],
        },
        "dark_description": text("shown when dark"),
        "points": whole("score for the first visit"),
        "exits": obj({d: ref("exit") for d in DIRECTIONS}, doc="direction -> room or exit"),
        "scenery": map_of(
            {
                "anyOf": [
                    text("the description"),
                    obj(
                        {
                            "words": one_or_list({"type": "string"}, "nouns the parser accepts"),
                            "adjectives": one_or_list({"type": "string"}, "adjectives"),
                            "description": text("what EXAMINE shows"),
                            "name": text("how the game names it"),
                            "on": verb_map("instead-responses: verb -> response(s)"),
                            "messages": messages("library messages said about it"),
                        }
                    ),
                ]
            },
            "things to examine that are not items",
            key={"type": "string"},
        ),
        "on": verb_map("instead-responses for verbs here"),
        "items": one_or_list(ident("item"), "items that start here"),
        "messages": messages("library messages said in this room"),
    },
    ("name", "description"),
    "a place the player can stand",
)

CONTAINER = obj(
    {
        "open": flag("open at the start"),
        "openable": flag("can be opened and closed"),
        "locked": flag("locked at the start"),
        "key": ident("the item that locks and unlocks it"),
        "capacity": whole("how many items fit", 0),
        "transparent": flag("contents visible when closed"),
    }
)

ITEM = obj(
    {
        "name": text("how the game names it"),
        "words": one_or_list({"type": "string"}, "nouns the parser accepts"),
        "adjectives": one_or_list({"type": "string"}, "adjectives the parser accepts"),
        "description": text("what EXAMINE shows"),
        "location": ident("room, container item, player or nowhere"),
        "initial": text("room-listing line until first taken"),
        "portable": flag("can be taken (default true; doors default false)"),
        "fixed": text("refusal when not portable"),
        "plural": flag("named as them/are"),
        "proper": flag("a proper name: no 'a' or 'the' before it"),
        "points": whole("score on first take"),
        "light": {
            "anyOf": [flag("a light source, lit or not"), obj({"lit": flag("lit at the start")})],
            "description": "a light source",
        },
        "readable": text("what READ shows"),
        "variants": {
            "type": "array",
            "description": "the first whose condition holds replaces the description",
            "items": obj({"when": conditions(), "text": text("the description")}, ("when", "text")),
        },
        "wearable": flag("can be worn"),
        "edible": responses("what EAT does"),
        "drinkable": responses("what DRINK does"),
        "container": {"anyOf": [{"type": "boolean"}, CONTAINER], "description": "holds items"},
        "supporter": {
            "anyOf": [{"type": "boolean"}, obj({"capacity": whole("how many items fit", 0)})],
            "description": "items can be put on it",
        },
        "door": {
            "anyOf": [{"type": "boolean"}, CONTAINER],
            "description": "used by exits: door: id",
        },
        "use": one_or_list(
            obj(
                {
                    "on": ident("the item or character it is used on (omit for plain USE X)"),
                    "when": conditions(),
                    "say": text("what is shown"),
                    "do": effects(),
                }
            ),
            "USE X ON Y rules",
        ),
        "on": verb_map("instead-responses: verb -> response(s)"),
        "messages": messages("library messages said about it"),
    },
    doc="a thing that can be in a room, in a container, or carried",
)

TALK_NODE = obj(
    {
        "text": text("said when the node is reached"),
        "choices": {
            "type": "array",
            "items": obj(
                {
                    "label": text("the numbered option"),
                    "when": conditions("offered only when this holds"),
                    "reply": text("the answer"),
                    "do": effects(),
                    "goto": ident("next node, or end (default: back to this node)"),
                },
                ("label",),
            ),
        },
    }
)

CHARACTER = obj(
    {
        "name": text("how the game names them"),
        "words": one_or_list({"type": "string"}, "nouns the parser accepts"),
        "adjectives": one_or_list({"type": "string"}, "adjectives"),
        "pronoun": {"enum": ["him", "her", "them", "it"], "description": "pronoun"},
        "proper": flag("a proper name (default: when the name starts with a capital)"),
        "description": text("default description"),
        "location": ident("room or nowhere"),
        **MACHINE,
        "topics": map_of(
            {
                "anyOf": [
                    text("the reply"),
                    obj(
                        {
                            "words": one_or_list({"type": "string"}, "words that name the topic"),
                            "reply": responses(
                                "the reply (to ASK, and to TELL unless 'tell' is given)"
                            ),
                            "tell": responses("TELL's own reply about this topic"),
                            "when": conditions(),
                            "do": effects(),
                        }
                    ),
                ]
            },
            "ASK/TELL <character> ABOUT <words>",
        ),
        "default_reply": text("reply to unknown topics"),
        "talk": map_of(TALK_NODE, "TALK TO menu: node id -> node (the first is 'start')"),
        "orders": verb_map("orders like 'namra, follow me'"),
        "default_order": text("reply to other orders"),
        "encounter": obj(
            {
                "text": text("shown when the encounter starts"),
                "turns": whole("commands before timeout", 1),
                "flee": responses("FLEE"),
                "hide": responses("HIDE"),
                "fight": responses("FIGHT"),
                "timeout": responses("when the turns run out"),
            },
            doc="used when this character is hostile",
        ),
        "on": verb_map("instead-responses: verb -> response(s)"),
        "messages": messages("library messages said about it"),
    },
    ("name",),
    "a person (or a horde) with states, talk and movement",
)

TRIGGER_KEYS: dict[str, Schema] = {
    "enter": ident("the player enters this room"),
    "turn": whole("on this turn", 1),
    "every": whole("every n turns", 1),
    "flag": ident("this flag becomes set"),
    "action": ref("verb", "the player does this action"),
    "state": obj({"of": ident("character"), "is": ident("state")}, ("of", "is")),
    "condition": ident("the player's condition becomes this"),
}
MOMENT_KINDS = ("enter", "flag", "state", "condition")  # the kinds `after` counts from
# exactly one kind per trigger (`object` only goes with `action`, `after` with a moment)
TRIGGER = {
    "description": "what makes the event fire (omit: whenever its condition holds)",
    "anyOf": [
        obj(
            {
                kind: schema,
                **({"object": ident("... to this item or character")} if kind == "action" else {}),
                **(
                    {
                        "after": whole(
                            "fire this many turns after the moment (its clock is saved)", 1
                        )
                    }
                    if kind in MOMENT_KINDS
                    else {}
                ),
            },
            (kind,),
            doc=f"fires on '{kind}'",
        )
        for kind, schema in TRIGGER_KEYS.items()
    ],
}

EVENT = obj(
    {
        "on": TRIGGER,
        "when": conditions("extra condition"),
        "say": text("shown as kind event"),
        "do": effects(),
        "once": flag("fires only once (default true)"),
        "priority": whole("lower fires first; ties by id"),
    },
    doc="something that happens when its trigger and condition meet",
)

ENDING = obj(
    {
        "title": text("the ending's title"),
        "text": text("the closing text"),
        "kind": {"enum": ["victory", "bittersweet", "tragic", "death"], "description": "kind"},
        "epilogue": {
            "type": "array",
            "description": "lines after the text: every one whose condition holds, in order",
            "items": obj({"when": conditions(), "text": text("what became of them")}, ("text",)),
        },
    },
    ("title",),
    "a way the game ends",
)

HINT = obj(
    {
        "when": conditions("when this puzzle is relevant"),
        "done": conditions("when it is solved"),
        "hints": one_or_list({"type": "string"}, "from a nudge to the answer"),
    },
    ("hints",),
    "progressive hints for one puzzle",
)

TEST = obj(
    {
        "commands": one_or_list({"type": "string"}, "commands to type, in order"),
        "expect": obj(
            {
                "location": ident("the player is in this room"),
                "inventory": one_or_list(ident("item"), "the player carries these"),
                "lacks": one_or_list(ident("item"), "the player does not carry these"),
                "flags": {
                    "anyOf": [
                        one_or_list(ident("flag")),
                        map_of({"type": "integer"}, "flag -> value (0 = unset)"),
                    ],
                    "description": "flags that are set, or flag -> value",
                },
                "text": one_or_list({"type": "string"}, "appears in the last command's output"),
                "seen": one_or_list({"type": "string"}, "appears somewhere in the output"),
                "no_text": one_or_list({"type": "string"}, "appears nowhere in the output"),
                "condition": ident("the player's condition"),
                "states": map_of(ident("state"), "character -> state"),
                "ending": ident("the game has ended with this ending"),
                "holds": conditions("any condition of the world vocabulary holds"),
            },
            doc="what must hold after the commands",
        ),
    },
    ("commands",),
    "a scripted test: commands and what must hold after",
)

GAME = obj(
    {
        "title": text("the title"),
        "release": whole("release number", 1),
        "author": text("author"),
        "intro": text("shown before the first room"),
        "undo_limit": whole("how many UNDO steps are kept", 1),
        "winning": one_or_list(
            ident("an ending kind (victory, bittersweet, tragic, death) or an ending id"),
            "which endings count as winning for `hyosan check` (default: every kind but death)",
        ),
        "clock": {
            "type": "array",
            "description": "the time of day the status line, TIME and HINT show, from a turn on",
            "items": obj(
                {"at": whole("from this turn on", 0), "label": text("the time shown")},
                ("at", "label"),
                "a mark on the clock",
            ),
        },
    },
    doc="the game (exactly one in the world)",
)

PLAYER = obj(
    {
        "start": ident("the starting room"),
        "inventory": one_or_list(ident("item"), "items carried at the start"),
        "condition": obj(PLAYER_MACHINE, doc="the player's condition: a state machine"),
    },
    ("start",),
    "the player (exactly one in the world)",
)

TOP = obj(
    {
        "game": ref("game"),
        "player": ref("player"),
        "rooms": map_of(ref("room"), "room id -> room"),
        "items": map_of(ref("item"), "item id -> item"),
        "characters": map_of(ref("character"), "character id -> character"),
        "events": map_of(ref("event"), "event id -> event"),
        "endings": map_of(ref("ending"), "ending id -> ending"),
        "hints": map_of(ref("hint"), "hint id -> hint"),
        "tests": map_of(ref("test"), "test id -> scripted test"),
        "messages": messages("library messages for the whole world"),
        "on": verb_map("world-wide responses: verb -> response(s), after items' and rooms'"),
    },
    doc="one file of a Hyosan world",
)

RESPONSE = obj(
    {
        "when": conditions("used only when this holds"),
        "say": text("what is shown"),
        "do": effects(),
    },
    doc="a guarded response",
)


def layered(definition: Schema) -> Schema:
    """A definition, which may say `replace: true`, or be an `extend: true` patch (no required keys)."""
    node = {key: value for key, value in definition.items() if key != "required"}
    node["properties"] = {
        **definition["properties"],
        "extend": {"const": True, "description": "add to an earlier world folder's definition"},
        "replace": flag("replace an earlier world folder's definition whole"),
    }
    if definition.get("required"):
        node["if"] = {"required": ["extend"]}
        node["else"] = {"required": definition["required"]}
    return node


def build_schema() -> Schema:
    """The whole JSON Schema (draft 2020-12) of one world file."""
    response_or_text = {"anyOf": [{"type": "string"}, ref("response")]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Hyosan world file",
        **TOP,
        "$defs": {
            "id": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
            "verb": {"enum": sorted(ACTIONS)},
            "exit": EXIT,
            "state": STATE,
            "transition": TRANSITION,
            "character_transition": CHARACTER_TRANSITION,
            "condition": {
                **obj(CONDITION, doc="a condition; every key must hold"),
                "minProperties": 1,
            },
            "conditions": one_or_list(ref("condition")),
            "effect": {**obj(EFFECT, doc="an effect; each key is one effect"), "minProperties": 1},
            "effects": one_or_list(ref("effect")),
            "response": RESPONSE,
            "responses": one_or_list(response_or_text),
            "game": GAME,
            "player": PLAYER,
            "room": layered(ROOM),
            "item": layered(ITEM),
            "character": layered(CHARACTER),
            "event": layered(EVENT),
            "ending": layered(ENDING),
            "hint": layered(HINT),
            "test": TEST,
        },
    }


def schema_text() -> str:
    """The schema as the JSON text shipped in docs/world.schema.json."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
