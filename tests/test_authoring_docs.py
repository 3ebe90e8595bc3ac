"""docs/authoring.md cannot drift: its tutorial is the test world, and its examples load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from game.authoring.schema import build_schema
from game.authoring.worldtests import run_all
from game.model import load_world
from game.model.problems import WorldError

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
TUTORIAL = ROOT / "tests" / "worlds" / "authoring" / "tutorial"
PART1, _, REST = DOC.partition("## Part 2")
PART2, _, REFERENCE = REST.partition("## Part 3")
BLOCK_RE = re.compile(r"```yaml\n(.*?)```", re.S)


def blocks(text: str) -> list[str]:
    """The YAML code blocks of a part of the document."""
    return BLOCK_RE.findall(text)


def data(text: str):
    """Parsed YAML."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


def listings() -> dict[str, str]:
    """The complete file listings of the tutorial: blocks whose first line names the file."""
    found = {}
    for block in blocks(PART1):
        first = block.splitlines()[0]
        if first.startswith("# mygame/"):
            found[first[len("# mygame/") :]] = block
    return found


def contained(part, whole) -> bool:
    """Whether every key and value of `part` is in `whole` (lists and text must be equal)."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            k in whole and contained(v, whole[k]) for k, v in part.items()
        )
    return part == whole


def test_tutorial_listings_are_the_test_world():
    """The finished files printed in the tutorial are exactly tests/worlds/authoring/tutorial."""
    found = listings()
    assert sorted(found) == sorted(p.name for p in TUTORIAL.glob("*.yaml"))
    for name, block in found.items():
        assert data(block) == data((TUTORIAL / name).read_text(encoding="utf-8")), name


def test_every_tutorial_snippet_is_part_of_the_finished_world():
    """Each step's snippet matches the finished files (so steps and listings agree)."""
    world: dict = {}
    for block in listings().values():
        for key, value in data(block).items():
            if isinstance(value, dict):
                world.setdefault(key, {}).update(value)
            else:
                world[key] = value
    snippets = [b for b in blocks(PART1) if not b.startswith("# mygame/")]
    assert len(snippets) >= 5
    for snippet in snippets:
        assert contained(data(snippet), world), snippet[:60]


def test_tutorial_world_passes_its_own_test():
    """The tutorial's test passes against the tutorial world."""
    outcomes = run_all(load_world([TUTORIAL]))
    assert [o.test.id for o in outcomes] == ["fix_the_pump"]
    assert all(o.passed for o in outcomes), outcomes[0].failures


def expansion_example() -> str:
    """Part 2's worked expansion (the block that names its file, myexpansion/the_hill.yaml)."""
    (example,) = [b for b in blocks(PART2) if b.startswith("# myexpansion/")]
    return example


def test_deep_area_test_example_passes(tmp_path):
    """Part 2's deep-area example: a test that walks there and one that starts from it."""
    (example,) = [b for b in blocks(PART2) if b.startswith("tests:")]
    world = load_over_tutorial(tmp_path, example)
    outcomes = {o.test.id: o for o in run_all(world)}
    assert outcomes["pull_from_inside"].passed and outcomes["reach_the_pump_house"].passed


def test_expansion_example_layers_over_the_tutorial(tmp_path):
    """Part 2's expansion loads over the tutorial world, extends a room, and its tests pass."""
    example = expansion_example()
    world = load_over_tutorial(tmp_path, example)
    assert "west" in {e.direction for e in world.rooms["pump_yard"].exits}
    assert "mrs_oh" in world.characters
    outcomes = run_all(world)
    assert len(outcomes) == 3 and all(o.passed for o in outcomes)


def reference_examples() -> list[str]:
    """The YAML examples of the reference part."""
    return blocks(REFERENCE)


def drop_sections(text: str, keys: set[str]) -> str:
    """A file's text without the named top-level sections."""
    kept, skipping = [], False
    for line in text.splitlines(True):
        if line[:1].isalpha():
            skipping = line.split(":", 1)[0] in keys
        if not skipping:
            kept.append(line)
    return "".join(kept)


def load_over_tutorial(tmp_path: Path, example: str):
    """Load an example layered over the tutorial world (its game/player replace the tutorial's)."""
    base = tmp_path / "base"
    base.mkdir()
    replaced = set(data(example)) & {"game", "player"}
    for path in TUTORIAL.glob("*.yaml"):
        text = drop_sections(path.read_text(encoding="utf-8"), replaced)
        (base / path.name).write_text(text, encoding="utf-8")
    layer = tmp_path / "example"
    layer.mkdir()
    (layer / "example.yaml").write_text(example, encoding="utf-8")
    try:
        return load_world([base, layer])
    except WorldError as error:
        pytest.fail(f"example does not load:\n{error}\n---\n{example}")


@pytest.mark.parametrize(
    "example", reference_examples(), ids=lambda b: b.split("\n", 2)[1].strip()[:30]
)
def test_reference_example_loads(tmp_path, example):
    """Every reference example loads over the tutorial world, passes the schema, and its tests pass."""
    from test_authoring_schema import validate, yaml12

    assert validate(yaml12(example)) == []
    world = load_over_tutorial(tmp_path, example)
    for outcome in run_all(world):
        assert outcome.passed, (outcome.test.id, outcome.failures)


def table_examples(heading: str) -> list[str]:
    """The code spans in the first column of the table under a heading."""
    section = REFERENCE.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"^\| `(\{.*?\})` \|", section, re.M)


@pytest.mark.parametrize("condition", table_examples("Conditions"))
def test_condition_example_loads(tmp_path, condition):
    """Each condition in the reference table is accepted by the loader."""
    load_over_tutorial(tmp_path, f"events:\n  doc_example:\n    when: {condition}\n    say: x\n")


@pytest.mark.parametrize("effect", table_examples("Effects"))
def test_effect_example_loads(tmp_path, effect):
    """Each effect in the reference table is accepted by the loader."""
    load_over_tutorial(tmp_path, f"events:\n  doc_example:\n    do: [{effect}]\n")


def test_tables_cover_the_whole_vocabulary():
    """Every condition and effect operator has a row in its table."""
    from game.model.logickeys import CONDITION_OPS, EFFECT_OPS

    conditions = {next(iter(data(c))) for c in table_examples("Conditions")}
    effects = {next(iter(data(e))) for e in table_examples("Effects")}
    assert conditions == set(CONDITION_OPS)
    assert effects == set(EFFECT_OPS)


def schema_keys() -> set[str]:
    """Every key name the schema defines, at any depth."""
    keys: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(build_schema())
    return keys


def test_reference_mentions_every_key():
    """Every key of the vocabulary is documented in the reference (in code or an example)."""
    prose = re.sub(r"```.*?```", "", REFERENCE, flags=re.S)
    code_words = set(re.findall(r"[a-z_]+", " ".join(re.findall(r"`([^`]+)`", prose))))
    missing = [
        key
        for key in sorted(schema_keys())
        if key not in code_words and not re.search(rf"\b{key}:", REFERENCE)
    ]
    assert missing == []


def shown_output(text: str, command: str) -> list[str]:
    """The lines a ```text block shows right after `$ <command>` (up to the next prompt)."""
    block = text.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    return untimed(block.split("\n$ ", 1)[0].strip().splitlines())


def untimed(lines: list[str]) -> list[str]:
    """Lines with the search's wall-clock seconds blanked (they differ from run to run)."""
    return [re.sub(r" in \d+\.\d s ", " in _ s ", line) for line in lines]


def test_check_output_shown_in_the_docs_is_real(tmp_path, capsys, monkeypatch):
    """The `check` output printed in the tutorial and the expansion example is what check prints."""
    from game.cli import main

    assert main(["check", "--world", str(TUTORIAL)]) == 0
    out = untimed(capsys.readouterr().out.splitlines())
    assert shown_output(PART1.split("### 7.", 1)[1], "hyosan check --world mygame") == out
    example = expansion_example()
    (tmp_path / "myexpansion").mkdir()
    (tmp_path / "myexpansion" / "the_hill.yaml").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--world", str(TUTORIAL), "--world", "myexpansion"]) == 0
    out = untimed(capsys.readouterr().out.splitlines())
    assert shown_output(PART2, "hyosan check --world mygame --world myexpansion") == out


def test_verbs_listed_are_exactly_those_a_command_produces():
    """The reference's verb list is what the parser can produce (and the loader accepts)."""
    from game.authoring.analysis import typed_verbs
    from game.model.verbs import ACTIONS

    section = REFERENCE.split("### Verbs\n", 1)[1]
    listed = section.split("\n\n", 1)[0]
    words = set(re.findall(r"[a-z_]+", listed.split("produce:", 1)[1]))
    produced = typed_verbs()
    assert words == {v for v in ACTIONS if v in produced}


def test_key_tables_are_generated_from_the_declarations():
    """Every key table of the reference is what the key declarations produce (regenerate with
    `python -m game.authoring.keydocs docs/authoring.md`), and every declared table is there."""
    from game.authoring.keydocs import OP_TABLES, TABLES, render

    assert render(DOC) == DOC, "run: python -m game.authoring.keydocs docs/authoring.md"
    for name in [*TABLES, *OP_TABLES]:
        assert f"<!-- keys: {name} -->" in DOC, name


def test_a_stale_key_table_is_noticed():
    """The regeneration check can fail: an edited row is put back."""
    from game.authoring.keydocs import render

    stale = DOC.replace("| `points` | score for the first visit", "| `points` | the score", 1)
    assert stale != DOC and render(stale) == DOC
