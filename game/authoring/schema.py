"""The JSON Schema of the world vocabulary, derived from the key declarations of game/model.

Every mapping's keys, types, limits, defaults and descriptions come from its `Section` (see
game/model/keys.py); this module only says how each kind of value looks in JSON Schema.
Built when `hyosan schema` (or a test) asks, never at import of the model.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from game.model import DIRECTIONS
from game.model.characters import CHARACTER, CHOICE, ENCOUNTER, TALK_NODE, TOPIC
from game.model.endings import ENDING, HINT
from game.model.events import EVENT, STATE_TRIGGER, TRIGGER
from game.model.fields import EPILOGUE_LINE, VARIANT
from game.model.items import CONTAINER, ITEM, LIGHT, SUPPORTER, USE_RULE
from game.model.keys import BOOL, ENUM, ID, IDS, INT, TEXT, WORDS, Key, Section
from game.model.loader import TOP
from game.model.logickeys import (
    CHAR_IN,
    CONDITION,
    EFFECT,
    ITEM_IN,
    MOVE,
    MOVE_CHARACTER,
    RESPONSE,
    STATE_CHANGE,
    STATE_TEST,
)
from game.model.messages import DEFAULTS
from game.model.rooms import EXIT, ROOM, SCENERY
from game.model.start import CLOCK_MARK, GAME, PLAYER
from game.model.statemachine import MACHINE, STATE, TRANSITION
from game.model.testspecs import EXPECT, TEST
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


def one_or_list(item: Schema, doc: str = "", at_least: int = 0) -> Schema:
    """One value or a list of them (a list of at least `at_least`)."""
    many: Schema = {"type": "array", "items": item}
    if at_least:
        many["minItems"] = at_least
    node: Schema = {"anyOf": [item, many]}
    if doc:
        node["description"] = doc
    return node


def text(doc: str) -> Schema:
    """A text value."""
    return ref("text", doc)


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
        "additionalProperties": ref("text"),
    }


def section(sec: Section, doc: str = "") -> Schema:
    """A mapping of one declared section: its keys, their kinds and which are required."""
    props = {name: key_schema(key) for name, key in sec.keys.items()}
    if sec.one_of:
        return _one_kind(sec, props, doc)
    node = obj(props, sec.required, doc or sec.doc)
    needing = [key for key in sec.keys.values() if key.needs]
    if needing:
        node["dependentSchemas"] = {
            key.name: {"anyOf": [{"required": [name]} for name in key.needs]} for key in needing
        }
    return node


def _one_kind(sec: Section, props: dict[str, Schema], doc: str) -> Schema:
    """A section with exactly one of its `one_of` keys (keys that need a kind go with it)."""
    options = []
    for kind in sec.one_of:
        allowed = {
            name: schema
            for name, schema in props.items()
            if name == kind
            or (name not in sec.one_of and kind in (sec.keys[name].needs or (kind,)))
        }
        options.append(obj(allowed, (kind,), f"fires on '{kind}'"))
    return {"description": doc or sec.doc, "anyOf": options}


def key_schema(key: Key) -> Schema:
    """The schema of one declared key: its kind, limits, default and doc."""
    kind = key.kind
    if kind == TEXT:
        node = text(key.doc)
    elif kind == ID:
        node = ident(key.doc)
    elif kind == INT:
        node = whole(key.doc, key.low, key.high)
    elif kind == BOOL:
        node = flag(key.doc)
    elif kind == ENUM:
        node = {"enum": list(key.choices), "description": key.doc}
    elif kind == WORDS:
        node = one_or_list(ref("text"), key.doc)
    elif kind == IDS:
        node = one_or_list(ref("id"), key.doc)
    else:
        node = {**SHAPES[kind](), "description": key.doc}
    if key.default is not None and kind in (TEXT, ID, INT, BOOL, ENUM):
        node["default"] = key.default
    return node


def _either_flag(value: Schema) -> Schema:
    """true/false, or a mapping."""
    return {"anyOf": [{"type": "boolean"}, value]}


def _from_states() -> Schema:
    """A transition's `from`: "*", a state, or a list of states."""
    return {"anyOf": [{"const": "*"}, ref("id"), {"type": "array", "items": ref("id")}]}


SHAPES: dict[str, Callable[[], Schema]] = {
    "conditions": lambda: conditions(),
    "effects": lambda: effects(),
    "responses": lambda: ref("responses"),
    "verbs": lambda: verb_map(""),
    "verb": lambda: ref("verb"),
    "messages": lambda: messages("library messages"),
    "variants": lambda: one_or_list(section(VARIANT)),
    "epilogue": lambda: one_or_list(section(EPILOGUE_LINE)),
    "dark": lambda: {"anyOf": [{"type": "boolean"}, conditions()]},
    "fixed": lambda: {"anyOf": [ref("text"), {"type": "boolean"}]},
    "exits": lambda: obj({d: ref("exit") for d in DIRECTIONS}),
    "scenery": lambda: map_of(
        {"anyOf": [ref("text"), section(SCENERY)]}, key={"type": "string", "minLength": 1}
    ),
    "light": lambda: _either_flag(section(LIGHT)),
    "container": lambda: _either_flag(ref("container")),
    "door": lambda: _either_flag(ref("container")),
    "supporter": lambda: _either_flag(section(SUPPORTER)),
    "use": lambda: one_or_list(section(USE_RULE)),
    "states": lambda: map_of({"anyOf": [ref("state"), {"type": "null"}]}),
    "transitions": lambda: one_or_list(ref("transition")),
    "from": _from_states,
    "machine": lambda: _condition_machine(),
    "topics": lambda: map_of(
        {"anyOf": [ref("text"), section(TOPIC)]}, key={"type": "string", "minLength": 1}
    ),
    "talk": lambda: map_of(ref("talk_node")),
    "choices": lambda: one_or_list(section(CHOICE)),
    "encounter": lambda: section(ENCOUNTER),
    "trigger": lambda: section(TRIGGER),
    "state_trigger": lambda: section(STATE_TRIGGER),
    "clock": lambda: one_or_list(section(CLOCK_MARK)),
    "texts": lambda: one_or_list(ref("text")),
    "counter": lambda: single({"type": "integer"}, ""),
    "set": lambda: {"anyOf": [ref("id"), single({"type": "integer"}, "flag to a number")]},
    "state_test": lambda: section(STATE_TEST),
    "item_in": lambda: section(ITEM_IN),
    "char_in": lambda: section(CHAR_IN),
    "move": lambda: section(MOVE),
    "move_character": lambda: section(MOVE_CHARACTER),
    "state_change": lambda: section(STATE_CHANGE),
    "condition_list": lambda: {"type": "array", "items": conditions()},
    "hint_texts": lambda: one_or_list(ref("text"), at_least=1),
    "expect": lambda: section(EXPECT),
    "expect_flags": lambda: {
        "anyOf": [one_or_list(ref("id")), map_of({"type": "integer"}, "flag -> value (0 = unset)")]
    },
    "expect_states": lambda: map_of(ref("id"), "character -> state"),
    "game": lambda: ref("game"),
    "player": lambda: ref("player"),
    "room_map": lambda: map_of(ref("room")),
    "item_map": lambda: map_of(ref("item")),
    "character_map": lambda: map_of(ref("character")),
    "event_map": lambda: map_of(ref("event")),
    "ending_map": lambda: map_of(ref("ending")),
    "hint_map": lambda: map_of(ref("hint")),
    "test_map": lambda: map_of(ref("test")),
}


# an item cannot say both `portable: true` and `fixed` (a refusal, or true)
PORTABLE_AND_FIXED: Schema = {
    "required": ["portable", "fixed"],
    "properties": {"portable": {"const": True}, "fixed": {"not": {"const": False}}},
}


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


def _condition_machine() -> Schema:
    """The player's condition: a state machine whose transitions are never heard elsewhere."""
    node = section(MACHINE)
    node["properties"]["transitions"] = {
        **one_or_list(ref("condition_transition")),
        "description": MACHINE.keys["transitions"].doc,
    }
    return node


def _condition_transition() -> Schema:
    """A transition of the player's condition: `heard` and `heard_from` are a character's."""
    node = section(TRANSITION)
    for name in ("heard", "heard_from"):
        node["properties"].pop(name)
    node.pop("dependentSchemas", None)
    return node


def _container() -> Schema:
    """A container or door: not both open and locked at the start."""
    node = section(CONTAINER)
    node["not"] = {
        "required": ["open", "locked"],
        "properties": {"open": {"const": True}, "locked": {"const": True}},
    }
    return node


def _top() -> Schema:
    """One world file: a mapping of sections, or an empty file."""
    node = section(TOP)
    node["type"] = ["object", "null"]
    return node


def build_schema() -> Schema:
    """The whole JSON Schema (draft 2020-12) of one world file."""
    response_or_text = {"anyOf": [ref("text"), ref("response")]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Hyosan world file",
        **_top(),
        "$defs": {
            "id": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
            "text": {
                "type": "string",
                "description": "text (put a number or true/false in quotes)",
            },
            "verb": {"enum": sorted(ACTIONS)},
            "exit": {"anyOf": [ident("the room it leads to"), section(EXIT)]},
            "state": section(STATE),
            "transition": section(TRANSITION),
            "condition_transition": _condition_transition(),
            "condition": {**section(CONDITION), "minProperties": 1},
            "conditions": one_or_list(ref("condition")),
            "effect": {**section(EFFECT), "minProperties": 1},
            "effects": one_or_list(ref("effect")),
            "response": section(RESPONSE),
            "responses": one_or_list(response_or_text),
            "container": _container(),
            "talk_node": section(TALK_NODE),
            "game": section(GAME),
            "player": section(PLAYER),
            "room": layered(section(ROOM)),
            "item": {**layered(section(ITEM)), "not": PORTABLE_AND_FIXED},
            "character": layered(section(CHARACTER)),
            "event": layered(section(EVENT)),
            "ending": layered(section(ENDING)),
            "hint": layered(section(HINT)),
            "test": section(TEST),
        },
    }


def schema_text() -> str:
    """The schema as the JSON text shipped in docs/world.schema.json."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
