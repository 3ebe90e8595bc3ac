"""One declaration per YAML key: its kind, limits, default and a one-line doc.

Each mapping of the vocabulary (a room, an exit, a state…) is a `Section` of `Key`s, declared
next to the class it builds. The readers take their key checks, defaults and limits from it;
`hyosan schema` (game/authoring/schema.py) and the key tables of docs/authoring.md
(game/authoring/keydocs.py) are derived from the same declarations, so none can disagree.
Building the declarations is cheap; the schema and the tables are derived only when asked for.
"""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.problems import did_you_mean
from game.model.reader import (
    Ctx,
    Map,
    boolean,
    check_keys,
    id_list,
    ident,
    integer,
    text,
    word_list,
)

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

# Scalar kinds the generic reader checks; every other kind names a shape the owner reads.
TEXT = "text"  # a text (YAML 1.1 surprises such as `no` or `1.10` refused)
ID = "id"  # an id: lowercase letters, digits, underscores
INT = "int"  # a whole number, within `low`..`high` when given
BOOL = "bool"  # true or false (yes/no refused)
ENUM = "enum"  # one of `choices`
WORDS = "words"  # one text or a list of them
IDS = "ids"  # one id or a list of them
SCALARS = frozenset({TEXT, ID, INT, BOOL, ENUM, WORDS, IDS})


class Key:
    """One key of a mapping: name, kind, one-line doc, default, and limits."""

    __slots__ = (
        "choices",
        "default",
        "doc",
        "high",
        "kind",
        "low",
        "name",
        "needs",
        "refusal",
        "required",
    )

    def __init__(
        self,
        name: str,
        kind: str,
        doc: str,
        default: Any = None,
        *,
        required: bool = False,
        low: int | None = None,
        high: int | None = None,
        choices: tuple[str, ...] = (),
        needs: str | tuple[str, ...] = (),
        refusal: tuple[str, str] = ("", ""),
    ) -> None:
        self.name = name
        self.kind = kind
        self.doc = doc
        self.default = default
        self.required = required
        self.low = low
        self.high = high
        self.choices = choices
        self.needs = (needs,) if isinstance(needs, str) else needs  # keys this goes only with
        self.refusal = refusal  # the message and fix when it comes without them

    def read(self, ctx: Ctx, node: yaml.Node | None, default: Any = None) -> Any:
        """The value of this key's node (None: absent), checked as declared."""
        if default is None:
            default = self.default
        kind = self.kind
        if kind == TEXT:
            return text(ctx, node, self.name, "" if default is None else default)
        if kind == ID:
            return ident(ctx, node, self.name) if node is not None else (default or "")
        if kind == BOOL:
            return boolean(ctx, node, self.name, bool(default))
        if kind == INT:
            return self._whole(ctx, node, 0 if default is None else default)
        if kind == ENUM:
            return self._choice(ctx, node, default or "")
        if kind == WORDS:
            return word_list(ctx, node, self.name)
        if kind == IDS:
            return id_list(ctx, node, self.name)
        raise ValueError(f"key '{self.name}' of kind '{kind}' has its own reader")

    def _whole(self, ctx: Ctx, node: yaml.Node | None, default: int) -> int:
        """A whole number within the declared limits (an error says which, as the schema does)."""
        value = integer(ctx, node, self.name, default)
        if node is None:
            return value
        if self.low is not None and value < self.low:
            fix = f"write {self.name}: {max(self.low, 1)}"
            ctx.error(node, f"'{self.name}' must be {self.low} or more, not {value}", fix)
            return default
        if self.high is not None and value > self.high:
            fix = f"write {self.name}: {self.high}"
            ctx.error(node, f"'{self.name}' must be {self.high} or less, not {value}", fix)
            return default
        return value

    def _choice(self, ctx: Ctx, node: yaml.Node | None, default: str) -> str:
        """One of the declared choices."""
        value = text(ctx, node, self.name, default)
        if node is not None and value not in self.choices:
            fix = did_you_mean(value, self.choices) or "one of: " + ", ".join(self.choices)
            ctx.error(node, f"{self.name} '{value}' is not one of {', '.join(self.choices)}", fix)
            return default
        return value


class Section:
    """The keys one mapping of the vocabulary allows, in the order the reference lists them."""

    __slots__ = ("doc", "keys", "name", "names", "one_of")

    def __init__(self, name: str, doc: str, *keys: Key, one_of: tuple[str, ...] = ()) -> None:
        self.name = name
        self.doc = doc
        self.keys = {key.name: key for key in keys}
        self.names = frozenset(self.keys)
        self.one_of = one_of  # exactly one of these keys must be given

    def check(self, ctx: Ctx, m: Map, what: str) -> None:
        """Unknown keys are errors (nearest known key suggested); required keys must be there."""
        check_keys(ctx, m, self.names, what)
        for key in self.keys.values():
            if key.required and key.name not in m:
                ctx.error(m.node, f"{what} needs '{key.name}'", f"add '{key.name}: ...'")
            if key.needs and key.name in m and not any(name in m for name in key.needs):
                ctx.error(
                    m.key_nodes[key.name], *(_refusal(key) if not key.refusal[0] else key.refusal)
                )
        if self.one_of:
            given = [name for name in self.one_of if name in m]
            if len(given) > 1:
                ctx.error(
                    m.node,
                    f"{what} has one kind, but this one says {' and '.join(given)}",
                    "keep one; put the other as a condition under 'when:' (or make two events)",
                )
            elif not given:
                ctx.error(
                    m.node,
                    f"{what} needs one of " + ", ".join(self.one_of),
                    f"write e.g. '{{{self.one_of[0]}: ...}}'",
                )

    def get(self, ctx: Ctx, m: Map, name: str, default: Any = None) -> Any:
        """The checked value of one key of a mapping (its declared default when absent)."""
        return self.keys[name].read(ctx, m.get(name), default)

    @property
    def required(self) -> tuple[str, ...]:
        """The keys that must be given."""
        return tuple(key.name for key in self.keys.values() if key.required)


def _refusal(key: Key) -> tuple[str, str]:
    """The message and fix for a key written without one of the keys it goes with."""
    others = " or ".join(f"'{name}'" for name in key.needs)
    return f"'{key.name}' goes only with {others}", f"add {others}, or remove '{key.name}'"
