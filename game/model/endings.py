"""Endings and puzzle hints, built from YAML."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.fields import (
    EPILOGUE_LINE,
    Variant,
    read_variants,
)
from game.model.keys import ENUM, TEXT, Key, Section
from game.model.logic import (
    Condition,
    read_conditions,
)
from game.model.reader import (
    Ctx,
    Where,
    mapping,
    seq,
    text,
)
from game.model.record import field, record

ENDING_KINDS = ("victory", "bittersweet", "tragic", "death")
ENDING = Section(
    "ending",
    "a way the game ends",
    Key("title", TEXT, "the ending's title", required=True),
    Key("text", TEXT, "the closing text"),
    Key(
        "kind",
        ENUM,
        "`victory`, `bittersweet`, `tragic` or `death` (deaths do not count as wins for `check`)",
        "victory",
        choices=ENDING_KINDS,
    ),
    Key(
        "epilogue",
        "epilogue",
        "a list of `{when, text}`: after the text, **every** line whose condition holds, in "
        "order — what became of the people the player met, by what the player did",
    ),
)
HINT = Section(
    "hint",
    "progressive hints for one puzzle",
    Key("when", "conditions", "when this puzzle is relevant"),
    Key("done", "conditions", "when it is solved (no more hints)"),
    Key("hints", "hint_texts", "from a gentle nudge to the answer (at least one)", required=True),
)


@record
class Ending:
    """A way the game ends."""

    id: str
    title: str
    text: str
    kind: str
    where: Where | None = field(default=None, eq=False, repr=False)
    epilogue: tuple[Variant, ...] = ()  # every line whose condition holds follows the text

    KINDS = ENDING_KINDS

    @classmethod
    def from_yaml(cls, ctx: Ctx, ending_id: str, node: yaml.Node) -> Ending | None:
        """An ending definition."""
        m = mapping(ctx, node, f"ending '{ending_id}'")
        if m is None:
            return None
        ENDING.check(ctx, m, f"ending '{ending_id}'")
        return cls(
            ending_id,
            ENDING.get(ctx, m, "title"),
            ENDING.get(ctx, m, "text"),
            ENDING.get(ctx, m, "kind"),
            ctx.where(node),
            read_variants(ctx, m.get("epilogue"), EPILOGUE_LINE),
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
        HINT.check(ctx, m, f"hint '{hint_id}'")
        hints = tuple(text(ctx, h, "hint") for h in seq(ctx, m.get("hints"), "hints"))
        if not hints and m.get("hints") is not None:
            ctx.error(node, f"hint '{hint_id}' has no hints", "add 'hints: [a nudge, the answer]'")
        return cls(
            hint_id, read_conditions(ctx, m.get("when")), read_conditions(ctx, m.get("done")), hints
        )
