"""Reading YAML nodes into checked values, with a location for every problem."""

from __future__ import annotations

import re
from collections.abc import Iterable

from game.model import lazyyaml as yaml
from game.model.problems import Problem, did_you_mean
from game.model.record import record

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
BOOL_TAG = "tag:yaml.org,2002:bool"
FLOAT_TAG = "tag:yaml.org,2002:float"
NULL_TAG = "tag:yaml.org,2002:null"
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*\Z")
TRUE_WORDS = {"true", "True", "TRUE"}
FALSE_WORDS = {"false", "False", "FALSE"}
# How a YAML 1.2 reader (an editor, the JSON Schema) takes a plain scalar: the loader agrees.
CORE_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
CORE_INT = re.compile(r"[-+]?[0-9]+\Z|0o[0-7]+\Z|0x[0-9a-fA-F]+\Z")
CORE_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z|[-+]?\.(?:inf|Inf|INF)\Z"
    r"|\.(?:nan|NaN|NAN)\Z"
)


@record
class Where:
    """A place in a world file, for messages (1-based line and column)."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@record
class Ref:
    """A reference to an id of some kind, checked after every file is read."""

    kind: str
    value: str
    where: Where
    what: str = ""


class Ctx:
    """The file being read and the problems found so far."""

    __slots__ = ("path", "problems", "refs")

    def __init__(self, path: str, problems: list[Problem], refs: list[Ref]) -> None:
        self.path = path
        self.problems = problems
        self.refs = refs

    def ref(self, kind: str, value: str, node: yaml.Node, what: str = "") -> None:
        """Remember a reference to check once every file is read."""
        if value:
            mark = node.start_mark
            where = Where(self.file(mark), mark.line + 1, mark.column + 1)
            self.refs.append(Ref(kind, value, where, what))

    def file(self, mark: yaml.Mark) -> str:
        """The file a node came from: its mark's name (a merged `extend:` mixes files)."""
        name = mark.name
        return self.path if not name or name[0] == "<" else name

    def where(self, node: yaml.Node) -> Where:
        """The location of a node."""
        mark = node.start_mark
        return Where(self.file(mark), mark.line + 1, mark.column + 1)

    def error(self, node: yaml.Node, message: str, fix: str = "") -> None:
        """Record an error at a node."""
        mark = node.start_mark
        self.problems.append(Problem(self.file(mark), mark.line + 1, mark.column + 1, message, fix))

    def warn(self, node: yaml.Node, message: str, fix: str = "") -> None:
        """Record a warning at a node."""
        mark = node.start_mark
        self.problems.append(
            Problem(self.file(mark), mark.line + 1, mark.column + 1, message, fix, "warning")
        )


class Map:
    """A checked YAML mapping: string keys to value nodes, with the key nodes kept."""

    __slots__ = ("key_nodes", "node", "values")

    def __init__(self, node: yaml.Node) -> None:
        self.node = node
        self.values: dict[str, yaml.Node] = {}
        self.key_nodes: dict[str, yaml.Node] = {}

    def get(self, key: str) -> yaml.Node | None:
        """The value node of a key, or None."""
        return self.values.get(key)

    def __contains__(self, key: str) -> bool:
        return key in self.values


def mapping(ctx: Ctx, node: yaml.Node, what: str) -> Map | None:
    """A mapping node as a Map; duplicate and non-text keys are errors."""
    if not isinstance(node, yaml.MappingNode):
        ctx.error(node, f"{what} should be a mapping of keys to values", _shape_fix(node))
        return None
    result = Map(node)
    values = result.values
    keys = result.key_nodes
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            ctx.error(
                key_node,
                f"a key in {what} should be plain text",
                "write one word or id before the colon, like 'cellar:'",
            )
            continue
        key = key_node.value
        if key in values:
            first = keys[key].start_mark
            ctx.error(
                key_node,
                f"duplicate key '{key}' in {what} (first at line {first.line + 1}:{first.column + 1})",
                "remove one of them; YAML keeps only the last",
            )
            continue
        values[key] = value_node
        keys[key] = key_node
    return result


def check_keys(ctx: Ctx, m: Map, allowed: Iterable[str], what: str) -> None:
    """Unknown keys are errors, with the nearest known key suggested."""
    allowed_set = allowed if isinstance(allowed, (set, frozenset)) else set(allowed)
    for key, key_node in m.key_nodes.items():
        if key not in allowed_set:
            hint = did_you_mean(key, allowed_set) or "known keys: " + ", ".join(sorted(allowed_set))
            if " " in key and getattr(m.node, "flow_style", False):
                hint = "a comma inside { } starts a new key: put text that has commas in quotes"
            ctx.error(key_node, f"unknown key '{key}' in {what}", hint)


def require(ctx: Ctx, m: Map, key: str, what: str) -> yaml.Node | None:
    """The value node of a required key, or an error at the mapping."""
    node = m.values.get(key)
    if node is None:
        ctx.error(m.node, f"{what} needs '{key}'", f"add '{key}: ...'")
    return node


def core_tag(node: yaml.ScalarNode) -> str:
    """The tag a YAML 1.2 reader gives a scalar (quoted and block scalars are text)."""
    if node.style:
        return STR_TAG
    value = node.value
    if CORE_NULL.match(value):
        return NULL_TAG
    if value in TRUE_WORDS or value in FALSE_WORDS:
        return BOOL_TAG
    if CORE_INT.match(value):
        return INT_TAG
    if CORE_FLOAT.match(value):
        return FLOAT_TAG
    return STR_TAG


def text(ctx: Ctx, node: yaml.Node | None, what: str, default: str = "") -> str:
    """A text scalar, read as YAML 1.2 (and editors) read it: numbers, true/false and empty
    values are errors; words YAML 1.1 tools read otherwise (no, yes, on, 1_000) are warned of."""
    if node is None:
        return default
    if not isinstance(node, yaml.ScalarNode):
        ctx.error(node, f"{what} should be text", _shape_fix(node))
        return default
    tag = core_tag(node)
    if tag == NULL_TAG:
        ctx.error(node, f"{what} is empty", "write the text after the colon")
        return default
    if tag != STR_TAG:
        ctx.error(
            node,
            f"{what} reads '{node.value}' as a {_tag_name(tag)}, not text",
            f'put it in quotes: "{node.value}"',
        )
        return node.value
    if node.tag != STR_TAG:
        ctx.warn(
            node,
            f"{what} '{node.value}' is text here, but YAML 1.1 tools read it as a "
            f"{_tag_name(node.tag)}",
            f'put it in quotes to say it is text: "{node.value}"',
        )
    return node.value


def ident(ctx: Ctx, node: yaml.Node | None, what: str) -> str:
    """An id scalar (lowercase letters, digits, underscores)."""
    if node is None:
        return ""
    value = text(ctx, node, what)
    written = isinstance(node, yaml.ScalarNode) and core_tag(node) == STR_TAG
    if written and not ID_PATTERN.match(value):
        ctx.error(node, f"{what} '{value}' is not a valid id", _id_fix(value))
    return value


def check_id(ctx: Ctx, node: yaml.Node, value: str, what: str) -> None:
    """Check that a mapping key used as an id is valid."""
    if not ID_PATTERN.match(value):
        ctx.error(node, f"{what} id '{value}' is not a valid id", _id_fix(value))


def integer(ctx: Ctx, node: yaml.Node | None, what: str, default: int = 0) -> int:
    """A whole number scalar."""
    if node is None:
        return default
    tag = core_tag(node) if isinstance(node, yaml.ScalarNode) else ""
    if tag == INT_TAG:
        value = node.value
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value, 10)
    if tag == FLOAT_TAG:  # 1e3 or 5.0: a whole number, as JSON Schema counts them
        try:
            number = float(node.value)
        except ValueError:  # .inf, .nan
            number = 0.5
        if number.is_integer():
            return int(number)
    ctx.error(node, f"{what} should be a whole number", "write digits, like 3")
    return default


def boolean(ctx: Ctx, node: yaml.Node | None, what: str, default: bool = False) -> bool:
    """A true/false scalar (true/false only; yes/no are refused as ambiguous)."""
    if node is None:
        return default
    if isinstance(node, yaml.ScalarNode) and core_tag(node) == BOOL_TAG:
        return node.value in TRUE_WORDS
    ctx.error(node, f"{what} should be true or false", "write true or false")
    return default


def seq(ctx: Ctx, node: yaml.Node | None, what: str) -> list[yaml.Node]:
    """A sequence node's items; a single scalar or mapping counts as a one-item list."""
    if node is None:
        return []
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return [node]


def id_list(ctx: Ctx, node: yaml.Node | None, what: str) -> tuple[str, ...]:
    """One id or a list of ids."""
    return tuple(ident(ctx, item, what) for item in seq(ctx, node, what))


def word_list(ctx: Ctx, node: yaml.Node | None, what: str) -> tuple[str, ...]:
    """One word or a list of words, lower-cased."""
    return tuple(text(ctx, item, what).lower() for item in seq(ctx, node, what))


def _tag_name(tag: str) -> str:
    """A person's word for a YAML tag."""
    return {
        BOOL_TAG: "true/false value",
        INT_TAG: "number",
        FLOAT_TAG: "number",
        NULL_TAG: "empty value",
    }.get(tag, tag.rsplit(":", 1)[-1])


def _shape_fix(node: yaml.Node) -> str:
    """How to fix a node of the wrong shape."""
    if isinstance(node, yaml.SequenceNode):
        return "this is a list (lines starting with '-'); write 'key: value' lines instead"
    if isinstance(node, yaml.MappingNode):
        return "this is a mapping of 'key: value' lines; write a single value"
    return "check the indentation of the lines below"


def _id_fix(value: str) -> str:
    """Suggest a valid id."""
    fixed = re.sub(r"[^a-z0-9_]+", "_", value.lower()).strip("_") or "thing"
    if not fixed[0].isalpha():
        fixed = "x_" + fixed
    return f"use lowercase letters, digits and underscores, like '{fixed}'"
