"""The loader and the JSON Schema give the same verdict on every fragment of a world file.

Both are derived from the key declarations (game/model/keys.py), and this proves it holds:
the corpus under tests/agreement/cases (each with the verdict both must give) and fragments
generated from the declarations themselves (valid and invalid values of every declared key)
go to the loader (over tests/agreement/base) and to the reference validator. What is
compared is a file's shape — keys, kinds, limits, required and exclusive keys; whether an id
names a room of this world is the loader's alone (a schema cannot know the world's ids), so
the loader's reference check is kept here for verbs only (a closed vocabulary, as in the
schema).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.model import loader, read_world
from game.model.characters import CHARACTER
from game.model.endings import ENDING, HINT
from game.model.events import EVENT, TRIGGER
from game.model.items import CONTAINER, ITEM
from game.model.keys import BOOL, ENUM, ID, IDS, INT, TEXT, WORDS, Key, Section
from game.model.logickeys import CONDITION, EFFECT
from game.model.rooms import EXIT, ROOM
from game.model.start import GAME
from game.model.statemachine import STATE
from tests.test_authoring_schema import validate, yaml12

AGREEMENT = Path(__file__).resolve().parent / "agreement"
BASE = AGREEMENT / "base"
CASES = AGREEMENT / "cases"
VERDICTS = dict(
    line.split(": ")
    for line in (AGREEMENT / "verdicts.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)


def loader_errors(folder: Path, text: str, monkeypatch) -> list:
    """The loader's errors for one fragment read over the base world (references unchecked)."""
    layer = folder / "frag"
    layer.mkdir(exist_ok=True)
    (layer / "f.yaml").write_text(text, encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_check_refs", _verbs_only)
        _, problems = read_world([BASE, layer])
    return [p for p in problems if p.severity == "error"]


TUTORIAL = Path(__file__).resolve().parent / "worlds" / "authoring" / "tutorial"


def loader_accepts(tmp_path: Path, text: str) -> bool:
    """Whether the loader takes the fragment over the tutorial world without an error
    (references checked too: for fragments that name the tutorial's ids)."""
    layer = tmp_path / "frag"
    layer.mkdir()
    (layer / "f.yaml").write_text(text, encoding="utf-8")
    _, problems = read_world([TUTORIAL, layer])
    return not any(p.severity == "error" for p in problems)


CHECK_REFS = loader._check_refs


def _verbs_only(refs, *args, **kwargs):
    """The loader's reference check, for the closed vocabulary of verbs only."""
    return CHECK_REFS([ref for ref in refs if ref.kind == "verb"], *args, **kwargs)


def schema_accepts(text: str) -> bool:
    """Whether the world schema accepts the fragment as an editor's YAML 1.2 reader sees it."""
    return validate(yaml12(text)) == []


def test_every_case_has_a_verdict():
    """Each corpus file is listed with the verdict both must give, and each listed one exists."""
    assert set(VERDICTS) == {p.stem for p in CASES.glob("*.yaml")}
    assert set(VERDICTS.values()) == {"accept", "refuse"}


@pytest.mark.parametrize("case", sorted(VERDICTS))
def test_loader_and_schema_agree_on_the_corpus(case, tmp_path, monkeypatch):
    """The loader and the schema both give the case's verdict."""
    text = (CASES / f"{case}.yaml").read_text(encoding="utf-8")
    errors = loader_errors(tmp_path, text, monkeypatch)
    expected = VERDICTS[case] == "accept"
    assert (not errors) is expected, [str(e) for e in errors]
    assert schema_accepts(text) is expected, validate(yaml12(text))


@pytest.mark.parametrize("case", sorted(c for c, v in VERDICTS.items() if v == "refuse"))
def test_each_loader_error_says_where_and_how_to_fix(case, tmp_path, monkeypatch):
    """Every error of a refused fragment points into the fragment, at a line and column, with
    a fix."""
    text = (CASES / f"{case}.yaml").read_text(encoding="utf-8")
    for error in loader_errors(tmp_path, text, monkeypatch):
        assert error.path.endswith("frag/f.yaml"), str(error)
        assert 1 <= error.line <= max(1, text.count("\n") + 1), str(error)
        assert error.col >= 1, str(error)
        assert error.fix, f"no fix: {error}"


# Generated fragments: a minimal valid definition of a section, then one declared key given a
# value drawn from what is valid for its kind and from the usual mistakes.
BASES = {
    "rooms": (ROOM, "name: Cellar\n    description: Dark.\n"),
    "items": (ITEM, "name: rope\n"),
    "characters": (CHARACTER, "name: cat\n"),
    "events": (EVENT, "say: Tick.\n"),
    "endings": (ENDING, "title: Gone\n"),
    "hints": (HINT, "hints: [Look.]\n"),
}
MISTAKES = [
    "no",
    "yes",
    "on",
    "off",
    "1.10",
    "1e3",
    "0o17",
    "1_000",
    "0",
    "-3",
    "1",
    "5",
    "100",
    "101",
    "true",
    "false",
    "True",
    "~",
    "''",
    "'5'",
    "[]",
    "[hall, yard]",
    "{}",
    "{a: 1}",
    "Hall Room",
    "hall",
    "lamp",
    "text with words",
    "2024-01-01",
    "[1, 2]",
    "[yes]",
]


def _valid_values(key: Key) -> list[str]:
    """Values the declaration allows, as YAML."""
    if key.kind == TEXT:
        return ["A few words.", "'no'"]
    if key.kind == ID:
        return ["hall", "lamp"]
    if key.kind == IDS:
        return ["hall", "[hall, yard]"]
    if key.kind == WORDS:
        return ["rope", "[rope, cord]"]
    if key.kind == BOOL:
        return ["true", "false"]
    if key.kind == ENUM:
        return list(key.choices)
    if key.kind == INT:
        low = 0 if key.low is None else key.low
        high = low + 3 if key.high is None else key.high
        return [str(low), str(high)]
    return []


SCALAR_KINDS = (TEXT, ID, IDS, WORDS, BOOL, ENUM, INT)


def _scalar_keys(section: Section) -> list[Key]:
    """The keys of a section the generic reader checks."""
    return [key for key in section.keys.values() if key.kind in SCALAR_KINDS]


@st.composite
def fragments(draw) -> str:
    """One world-file fragment: a definition with one declared key set to a drawn value."""
    top, (section, base) = draw(st.sampled_from(sorted(BASES.items())))
    key = draw(st.sampled_from([*_scalar_keys(section), Key("colour", TEXT, "unknown")]))
    value = draw(st.sampled_from(_valid_values(key) + MISTAKES))
    base = "\n".join(
        line for line in base.splitlines() if not line.strip().startswith(f"{key.name}:")
    )
    return f"{top}:\n  frag_thing:\n    {base.strip()}\n    {key.name}: {value}\n"


@st.composite
def nested(draw) -> str:
    """A fragment setting one key of a nested mapping: an exit, a container, a state, a
    trigger, or the game."""
    kind = draw(
        st.sampled_from(["exit", "container", "state", "trigger", "game", "condition", "effect"])
    )
    section = {
        "exit": EXIT,
        "container": CONTAINER,
        "state": STATE,
        "trigger": TRIGGER,
        "condition": CONDITION,
        "effect": EFFECT,
    }.get(kind, GAME)
    keys = [*_scalar_keys(section), Key("colour", TEXT, "unknown")]
    chosen = draw(
        st.lists(st.sampled_from(keys), min_size=1, max_size=2, unique_by=lambda k: k.name)
    )
    pairs = ", ".join(
        f"{key.name}: {draw(st.sampled_from(_valid_values(key) + MISTAKES))}" for key in chosen
    )
    if kind == "exit":
        return f"rooms:\n  cellar:\n    name: Cellar\n    description: Dark.\n    exits: {{north: {{{pairs}}}}}\n"
    if kind == "container":
        return f"items:\n  crate:\n    name: crate\n    container: {{{pairs}}}\n"
    if kind == "state":
        return f"characters:\n  cat:\n    name: cat\n    states: {{prowl: {{{pairs}}}}}\n"
    if kind == "trigger":
        return f"events:\n  tick:\n    on: {{{pairs}}}\n"
    if kind == "condition":
        return f"events:\n  tick:\n    when: {{{pairs}}}\n"
    if kind == "effect":
        return f"events:\n  tick:\n    do: [{{{pairs}}}]\n"
    return f"game: {{{pairs}}}\n"


SHAPED = [
    "rooms:\n  cellar: {name: Cellar, description: Dark., exits: {north: VALUE}}\n",
    "rooms:\n  cellar: {name: Cellar, description: Dark., variants: VALUE}\n",
    "rooms:\n  cellar: {name: Cellar, description: Dark., scenery: {pipe: VALUE}}\n",
    "rooms:\n  cellar: {name: Cellar, description: Dark., scenery: VALUE}\n",
    "rooms:\n  cellar: {name: Cellar, description: Dark., on: {take: VALUE}}\n",
    "rooms:\n  cellar: {name: Cellar, description: Dark., dark: VALUE}\n",
    "items:\n  rope: {light: VALUE}\n",
    "items:\n  rope: {container: VALUE}\n",
    "items:\n  rope: {supporter: VALUE}\n",
    "items:\n  rope: {use: VALUE}\n",
    "items:\n  rope: {edible: VALUE}\n",
    "items:\n  rope: {messages: VALUE}\n",
    "characters:\n  cat: {name: cat, topics: {fish: VALUE}}\n",
    "characters:\n  cat: {name: cat, talk: {start: VALUE}}\n",
    "characters:\n  cat: {name: cat, states: {a: VALUE}}\n",
    "characters:\n  cat: {name: cat, states: {a: {}, b: {}}, transitions: VALUE}\n",
    "characters:\n  cat: {name: cat, encounter: VALUE}\n",
    "characters:\n  cat: {name: cat, orders: VALUE}\n",
    "events:\n  tick: {on: VALUE}\n",
    "events:\n  tick: {when: VALUE}\n",
    "events:\n  tick: {do: VALUE}\n",
    "endings:\n  gone: {title: Gone, epilogue: VALUE}\n",
    "hints:\n  door: {hints: VALUE}\n",
    "tests:\n  walk: {commands: VALUE}\n",
    "tests:\n  walk: {commands: [look], expect: VALUE}\n",
    "game: {clock: VALUE}\n",
    "messages: VALUE\n",
    "on: VALUE\n",
]
SHAPES = [
    "hall",
    "Hall",
    "[hall]",
    "[]",
    "{}",
    "~",
    "5",
    "yes",
    "true",
    "Hi.",
    "[Hi., Ho.]",
    "{to: hall}",
    "{to: hall, door: gate}",
    "[{to: hall}]",
    "{text: Hi.}",
    "{when: {flag: x}, text: Hi.}",
    "[{when: {flag: x}, text: Hi.}]",
    "{say: Hi.}",
    "[{say: Hi.}, Ho.]",
    "{when: {flag: x}}",
    "{flag: x}",
    "[{flag: x}, {has: lamp}]",
    "{set: x}",
    "[{set: x}, {say: Hi.}]",
    "{lit: false}",
    "{capacity: 2}",
    "{open: false, locked: true}",
    "{on: lamp, say: Hi.}",
    "[{on: lamp, say: Hi.}]",
    "{words: [pipe], description: Iron.}",
    "{reply: Mew.}",
    "{text: Hi., choices: [{label: Go}]}",
    "{label: Calm}",
    "{from: a, to: b}",
    "[{from: a, to: b}]",
    "{text: Hiss., turns: 2}",
    "{take: Hi.}",
    "{enter: hall}",
    "{every: 2}",
    "{at: 0, label: Dusk}",
    "[{at: 0, label: Dusk}]",
    "{location: hall}",
    "{initial: a, states: {a: {}}}",
    "{verb.wait: Hi.}",
    "{pipe: Iron.}",
    "{Pipe Room: Iron.}",
    "{north: hall}",
    "{to: hall, when: {flag: x}}",
    "[[hall]]",
    "0",
    "-1",
]


NEW_IDS = [
    "cellar",
    "Cellar",
    "cellar room",
    "1cellar",
    "[cellar]",
    "{a: 1}",
    "~",
    "5",
    "yes",
    "'on'",
]


@st.composite
def shaped(draw) -> str:
    """A fragment giving a structured key (or a definition's id) a value of some shape."""
    if draw(st.booleans()):
        new_id = draw(st.sampled_from(NEW_IDS))
        return f"rooms:\n  {new_id}: {{name: Cellar, description: Dark.}}\n"
    return draw(st.sampled_from(SHAPED)).replace("VALUE", draw(st.sampled_from(SHAPES)))


@given(fragments() | nested() | shaped())
def test_loader_and_schema_agree_on_generated_fragments(tmp_path_factory, text):
    """Whatever one declared key is given, the loader and the schema agree on it."""
    folder = tmp_path_factory.mktemp("agree")
    patch = pytest.MonkeyPatch()
    try:
        errors = loader_errors(folder, text, patch)
    finally:
        patch.undo()
    assert (not errors) is schema_accepts(text), (
        text,
        [str(e) for e in errors],
        validate(yaml12(text)),
    )
