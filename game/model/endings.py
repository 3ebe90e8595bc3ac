"""Endings and puzzle hints, built from YAML."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.fields import (
    Variant,
    read_variants,
    suggest,
)
from game.model.logic import (
    Condition,
    read_conditions,
)
from game.model.reader import (
    Ctx,
    Where,
    check_keys,
    mapping,
    require,
    seq,
    text,
)
from game.model.record import field, record


@record
class Ending:
    """A way the game ends."""

    id: str
    title: str
    text: str
    kind: str
    where: Where | None = field(default=None, eq=False, repr=False)
    epilogue: tuple[Variant, ...] = ()  # every line whose condition holds follows the text

    KINDS = ("victory", "bittersweet", "tragic", "death")

    @classmethod
    def from_yaml(cls, ctx: Ctx, ending_id: str, node: yaml.Node) -> Ending | None:
        """An ending definition."""
        m = mapping(ctx, node, f"ending '{ending_id}'")
        if m is None:
            return None
        check_keys(ctx, m, ("title", "text", "kind", "epilogue"), f"ending '{ending_id}'")
        kind = text(ctx, m.get("kind"), "kind", "victory")
        if kind not in cls.KINDS:
            ctx.error(m.get("kind"), f"ending kind '{kind}' is unknown", suggest(kind, cls.KINDS))
        return cls(
            ending_id,
            text(ctx, require(ctx, m, "title", f"ending '{ending_id}'"), "title"),
            text(ctx, m.get("text"), "text"),
            kind,
            ctx.where(node),
            read_variants(ctx, m.get("epilogue")),
        )


@record
class Hint:
    """Progressive hints for one puzzle."""

    id: str
    when: tuple[Condition, ...]
    done: tuple[Condition, ...]
    hints: tuple[str, ...]

    @classmethod
    def from_yaml(cls, ctx: Ctx, hint_id: str, node: yaml.Node) -> Hint | None:
        """A hint definition."""
        m = mapping(ctx, node, f"hint '{hint_id}'")
        if m is None:
            return None
        check_keys(ctx, m, ("when", "done", "hints"), f"hint '{hint_id}'")
        hints = tuple(text(ctx, h, "hint") for h in seq(ctx, m.get("hints"), "hints"))
        if not hints:
            ctx.error(node, f"hint '{hint_id}' has no hints", "add 'hints: [a nudge, the answer]'")
        return cls(
            hint_id, read_conditions(ctx, m.get("when")), read_conditions(ctx, m.get("done")), hints
        )
