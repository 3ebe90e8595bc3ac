"""Shared pieces of the world vocabulary: directions, names to words, variants, `on:` responses."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.keys import TEXT, Key, Section
from game.model.logic import (
    Condition,
    Response,
    read_conditions,
    read_responses,
)
from game.model.reader import (
    Ctx,
    integer,
    mapping,
    seq,
)
from game.model.record import record

DIRECTIONS = "north south east west northeast northwest southeast southwest up down in out".split()
OPPOSITE = {
    "north": "south",
    "south": "north",
    "east": "west",
    "west": "east",
    "northeast": "southwest",
    "southwest": "northeast",
    "northwest": "southeast",
    "southeast": "northwest",
    "up": "down",
    "down": "up",
    "in": "out",
    "out": "in",
}
NOWHERE = "nowhere"
PLAYER = "player"


def at_least(ctx: Ctx, node: yaml.Node | None, what: str, low: int, default: int) -> int:
    """A whole number no smaller than `low` (an error says so, as the schema does)."""
    value = integer(ctx, node, what, default)
    if node is not None and value < low:
        ctx.error(
            node, f"'{what}' must be {low} or more, not {value}", f"write {what}: {max(low, 1)}"
        )
        return default
    return value


def words_from_name(name: str, words: tuple[str, ...], adjectives: tuple[str, ...]):
    """Nouns and adjectives for the parser: the name's last word is a noun, the rest adjectives."""
    parts = name.lower().replace(",", " ").split()
    nouns = set(words)
    adjs = set(adjectives)
    if parts:
        nouns.add(parts[-1])
        adjs.update(p for p in parts[:-1] if p not in ("the", "a", "an", "of"))
    return frozenset(nouns), frozenset(adjs - nouns)


VARIANT = Section(
    "variant",
    "a description that replaces the usual one while its condition holds",
    Key("when", "conditions", "while this holds, the text replaces the description", required=True),
    Key("text", TEXT, "the description", required=True),
)
EPILOGUE_LINE = Section(
    "epilogue_line",
    "a line after an ending's text",
    Key("when", "conditions", "the line is shown only when this holds"),
    Key("text", TEXT, "what became of them", required=True),
)


@record
class Variant:
    """A description that replaces the usual one while its condition holds."""

    when: tuple[Condition, ...]
    text: str


def read_variants(
    ctx: Ctx, node: yaml.Node | None, section: Section = VARIANT
) -> tuple[Variant, ...]:
    """Conditional descriptions (or an ending's epilogue lines)."""
    result = []
    for item in seq(ctx, node, "variants"):
        m = mapping(ctx, item, "a variant")
        if m is None:
            continue
        section.check(ctx, m, "a variant" if section is VARIANT else "an epilogue line")
        result.append(Variant(read_conditions(ctx, m.get("when")), section.get(ctx, m, "text")))
    return tuple(result)


def read_verb_responses(
    ctx: Ctx, node: yaml.Node | None, what: str
) -> dict[str, tuple[Response, ...]]:
    """`on:` — verb name to instead-responses."""
    if node is None:
        return {}
    m = mapping(ctx, node, f"'on' of {what}")
    if m is None:
        return {}
    result: dict[str, tuple[Response, ...]] = {}
    for key, value in m.values.items():
        responses = read_responses(ctx, value, f"'{key}' response")
        for verb in verb_key(key):
            ctx.ref("verb", verb, m.key_nodes[key])
            result[verb] = result.get(verb, ()) + responses
    return result


def verb_key(key: str) -> list[str]:
    """The verbs of an `on:` key: one verb, or several separated by commas (`push, pull`)."""
    return [v.strip() for v in key.split(",") if v.strip()]


def suggest(value: str, known) -> str:
    """did-you-mean or the known list."""
    from game.model.problems import did_you_mean

    return did_you_mean(value, known) or "known: " + ", ".join(sorted(known))
