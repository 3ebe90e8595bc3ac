"""The JSON Schema of the world vocabulary: shipped, generated, and in step with the loader."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.authoring import schema as schema_module
from game.authoring.schema import build_schema, schema_text
from game.authoring.worldtests import EXPECT_KEYS
from game.model import WorldError, load_world
from game.model.characters import Character
from game.model.events import Event
from game.model.items import Item
from game.model.loader import TOP_KEYS
from game.model.logickeys import CONDITION_OPS, EFFECT_OPS
from game.model.rooms import Exit, Room
from game.model.statemachine import StateMachine
from game.model.verbs import ACTIONS

ROOT = Path(__file__).resolve().parents[1]
WORLDS = ROOT / "tests" / "worlds" / "authoring"
SCHEMA = build_schema()


VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
CORE_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z|[-+]?\.(?:inf|Inf|INF)\Z"
)


def validate(value, node=None) -> list[str]:
    """The errors of a value against the world schema (or one of its definitions), as the
    reference JSON Schema validator finds them."""
    schema = SCHEMA if node is None else {**node, "$defs": SCHEMA["$defs"]}
    validator = VALIDATOR if node is None else jsonschema.Draft202012Validator(schema)
    return [
        f"{'.'.join(map(str, e.absolute_path)) or '$'}: {e.message}"
        for e in validator.iter_errors(value)
    ]


def yaml12(text: str):
    """Plain data as an editor's YAML 1.2 reader sees it (`on`, `yes`, `no` stay text; `1.10`
    and `1e3` are numbers), written independently of the loader's reader."""
    return _data(yaml.compose(text, Loader=yaml.CSafeLoader))


def _key(node) -> str:
    """A mapping key as JSON has it: always text (a scalar key as written)."""
    return node.value if isinstance(node, yaml.ScalarNode) else json.dumps(_data(node))


def _data(node):
    """One node as plain data, by the YAML 1.2 core schema."""
    if node is None:
        return None
    if isinstance(node, yaml.MappingNode):
        return {_key(k): _data(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_data(v) for v in node.value]
    value = node.value
    if node.style:
        return value
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return value.lower() == "true"
    if re.fullmatch(r"[-+]?[0-9]+", value):
        return int(value, 10)
    if re.fullmatch(r"0o[0-7]+|0x[0-9a-fA-F]+", value):
        return int(value, 0)
    if CORE_FLOAT.match(value) or re.fullmatch(r"\.(?:nan|NaN|NAN)", value):
        return float(value.replace("inf", "Inf").replace("INF", "Inf"))
    return value


def world_files() -> list[Path]:
    """Every YAML file of the purpose-built worlds."""
    return sorted(WORLDS.rglob("*.yaml"))


def test_shipped_schema_is_the_generated_one():
    """docs/world.schema.json is exactly what `hyosan schema` prints (regenerate it if not)."""
    shipped = (ROOT / "docs" / "world.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(), "run: hyosan schema > docs/world.schema.json"


def test_schema_is_valid_json_of_draft_2020_12():
    """The schema names its draft and every $ref points at a definition."""
    text = schema_text()
    data = json.loads(text)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for name in re.findall(r'"#/\$defs/([a-z_]+)"', text):
        assert name in data["$defs"], name


@pytest.mark.parametrize("path", world_files(), ids=lambda p: str(p.relative_to(WORLDS)))
def test_purpose_built_worlds_validate(path):
    """Every file the loader accepts in the test worlds also passes the schema."""
    assert validate(yaml12(path.read_text(encoding="utf-8"))) == []


def test_shipped_world_files_validate():
    """The shipped world's files pass the schema and reference it for editors."""
    files = sorted((ROOT / "world").rglob("*.yaml"))
    try:
        load_world([ROOT / "world"])
    except WorldError:
        pytest.skip("the shipped world does not load yet (`hyosan check` says why)")
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "yaml-language-server: $schema=" in text, path
        assert validate(yaml12(text)) == [], path


@pytest.mark.parametrize(
    "bad",
    [
        {"rooms": {"hall": {"name": "Hall", "descripton": "typo"}}},
        {"rooms": {"Hall": {"name": "Hall", "description": "bad id"}}},
        {"rooms": {"hall": {"name": "Hall", "description": "x", "exits": {"norht": "a"}}}},
        {"events": {"e": {"when": {"hass": "key"}}}},
        {"events": {"e": {"do": [{"teleport": "hall"}]}}},
        {"items": {"key": {"on": {"frobnicate": "x"}}}},
        {"endings": {"end": {"title": "End", "kind": "happy"}}},
        {"items": {"key": {"portable": "yes"}}},
        {"tests": {"t": {"commands": ["look"], "expect": {"where": "hall"}}}},
    ],
)
def test_schema_rejects_mistakes(bad):
    """Typos in keys, ids, directions, conditions, effects, verbs and kinds are caught."""
    assert validate(bad) != []


def _props(name: str) -> set[str]:
    """The keys a schema definition allows (less the layering keys every definition has)."""
    return set(SCHEMA["$defs"][name]["properties"]) - {"extend", "replace"}


def test_schema_keys_match_the_loader():
    """Every key the loader accepts is in the schema, and nothing more."""
    assert set(SCHEMA["properties"]) == set(TOP_KEYS)
    assert _props("room") == set(Room.KEYS)
    assert _props("item") == set(Item.KEYS)
    assert _props("character") == set(Character.KEYS)
    assert _props("event") == set(Event.KEYS)
    assert set(SCHEMA["$defs"]["exit"]["anyOf"][1]["properties"]) == set(Exit.EXIT_KEYS)
    assert _props("state") == set(StateMachine.STATE_KEYS)
    assert _props("condition") == set(CONDITION_OPS)
    assert _props("effect") == set(EFFECT_OPS)
    assert set(SCHEMA["$defs"]["verb"]["enum"]) == set(ACTIONS)
    expect = SCHEMA["$defs"]["test"]["properties"]["expect"]["properties"]
    assert set(expect) == set(EXPECT_KEYS)


def test_every_schema_entry_has_a_description():
    """Editors show a description on hover for every key of rooms, items and characters."""
    for name in ("room", "item", "character", "event", "condition", "effect"):
        for key, node in SCHEMA["$defs"][name]["properties"].items():
            assert node.get("description") or "$ref" in node, (name, key)
    assert schema_module.SCHEMA_ID.endswith("world.schema.json")
