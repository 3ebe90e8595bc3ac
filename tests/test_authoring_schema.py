"""The JSON Schema of the world vocabulary: shipped, generated, and in step with the loader."""

from __future__ import annotations

import json
import re
from pathlib import Path

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
from game.model.logic import CONDITION_OPS, EFFECT_OPS
from game.model.rooms import Exit, Room
from game.model.statemachine import StateMachine
from game.model.verbs import ACTIONS

ROOT = Path(__file__).resolve().parents[1]
WORLDS = ROOT / "tests" / "worlds" / "authoring"
SCHEMA = build_schema()


def validate(value, node=SCHEMA, path="$") -> list[str]:
    """The errors of a value against the subset of JSON Schema the world schema uses."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return validate(value, SCHEMA["$defs"][name], path)
    if "anyOf" in node:
        if any(not validate(value, option, path) for option in node["anyOf"]):
            return []
        return [f"{path}: matches none of the allowed shapes"]
    if "const" in node:
        return [] if value == node["const"] else [f"{path}: {value!r} is not {node['const']!r}"]
    if "enum" in node:
        return (
            [] if value in node["enum"] else [f"{path}: {value!r} is not one of the allowed values"]
        )
    kind = node.get("type")
    checks = {
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
    }
    if kind and not checks[kind](value):
        return [f"{path}: expected {kind}, got {type(value).__name__}"]
    errors: list[str] = []
    if kind == "string" and "pattern" in node and not re.search(node["pattern"], value):
        errors.append(f"{path}: {value!r} does not match {node['pattern']}")
    low, high = node.get("minimum", value), node.get("maximum", value)
    if kind == "integer" and not low <= value <= high:
        errors.append(f"{path}: {value} out of range")
    if kind == "array":
        for i, item in enumerate(value):
            errors += validate(item, node.get("items", {}), f"{path}[{i}]")
    if kind == "object":
        errors += _validate_object(value, node, path)
    return errors


def _validate_object(value: dict, node: dict, path: str) -> list[str]:
    """Object keywords."""
    errors = []
    props = node.get("properties", {})
    if "if" in node:
        holds = not _validate_object(value, node["if"], path)
        branch = node.get("then", {}) if holds else node["else"]
        errors += _validate_object(value, branch, path)
    for key in node.get("required", []):
        if key not in value:
            errors.append(f"{path}: missing {key}")
    if not node.get("minProperties", 0) <= len(value) <= node.get("maxProperties", 10**9):
        errors.append(f"{path}: wrong number of keys")
    for key, item in value.items():
        if "propertyNames" in node:
            errors += validate(str(key), node["propertyNames"], f"{path}.{key}(name)")
        if key in props:
            errors += validate(item, props[key], f"{path}.{key}")
        elif node.get("additionalProperties") is False:
            errors.append(f"{path}: unknown key {key!r}")
        elif isinstance(node.get("additionalProperties"), dict):
            errors += validate(item, node["additionalProperties"], f"{path}.{key}")
    return errors


def yaml12(text: str):
    """Plain data as an editor's YAML 1.2 reader sees it (`on`, `yes`, `no` stay text)."""
    return _data(yaml.compose(text, Loader=yaml.CSafeLoader))


def _data(node):
    """One node as plain data."""
    if isinstance(node, yaml.MappingNode):
        return {_data(k): _data(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_data(v) for v in node.value]
    tag, value = node.tag.rsplit(":", 1)[-1], node.value
    if tag == "bool" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if tag == "int":
        return int(value.replace("_", ""), 0)
    if tag == "null":
        return None
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
