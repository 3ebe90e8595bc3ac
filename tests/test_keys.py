"""Key declarations: the readers check what they declare, and read scalars as YAML 1.2 does."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from game.model.keys import BOOL, INT, TEXT, Key, Section
from game.model.reader import Ctx, mapping
from tests.test_authoring_schema import yaml12

PLAIN = st.text(alphabet="0123456789.-+_eExobaflsnyTFNO~:", min_size=1, max_size=8)


def _node(value: str):
    """The YAML node of one plain scalar written after `key: `."""
    return yaml.compose(f"key: {value}\n", Loader=yaml.CSafeLoader).value[0][1]


def _errors(kind: str, value: str) -> list:
    """The errors of reading a plain scalar as a key of this kind."""
    problems: list = []
    Key("key", kind, "a key").read(Ctx("f.yaml", problems, []), _node(value))
    return [p for p in problems if p.severity == "error"]


def _plain(value: str) -> bool:
    """Whether the text is one plain scalar (not a comment, list, mapping or syntax error)."""
    try:
        node = _node(value)
    except yaml.YAMLError:
        return False
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value == value


@given(PLAIN.filter(_plain))
def test_text_int_and_bool_are_read_as_yaml_1_2_reads_them(value):
    """A plain scalar is text, a whole number or true/false to the loader exactly when an
    editor's YAML 1.2 reader (the schema's view) says so."""
    data = yaml12(f"key: {value}\n")["key"]
    assert (not _errors(TEXT, value)) is isinstance(data, str)
    whole = isinstance(data, int) and not isinstance(data, bool)
    integral = isinstance(data, float) and data.is_integer()
    assert (not _errors(INT, value)) is (whole or integral)
    assert (not _errors(BOOL, value)) is isinstance(data, bool)


def test_limits_defaults_and_required_keys_come_from_the_declaration():
    """Out-of-range numbers are errors naming the limit; absent keys take the default;
    required keys and `needs` are checked."""
    section = Section(
        "thing",
        "a thing",
        Key("size", INT, "how big", 2, low=1, high=9),
        Key("name", TEXT, "its name", required=True),
        Key("lid", BOOL, "has a lid"),
        Key("colour", TEXT, "its colour", needs="lid"),
    )
    problems: list = []
    ctx = Ctx("f.yaml", problems, [])
    m = mapping(ctx, yaml.compose("{size: 12, colour: red}", Loader=yaml.CSafeLoader), "a thing")
    section.check(ctx, m, "a thing")
    assert section.get(ctx, m, "size") == 2
    messages = [p.message for p in problems]
    assert "'size' must be 9 or less, not 12" in messages
    assert "a thing needs 'name'" in messages
    assert "'colour' goes only with 'lid'" in messages
    assert all(p.fix for p in problems)
