"""`fixed:` — a refusal text or true/false; a fixed item stays put; loader and schema agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import new_game, step
from game.model import load_world, read_world

TUTORIAL = Path(__file__).resolve().parents[1] / "tests" / "worlds" / "authoring" / "tutorial"


def crate(fixed: str, extra: str = "") -> str:
    """An item in the yard with the given `fixed:` value."""
    return (
        f"items:\n  crate:\n    name: crate\n    location: pump_yard\n    fixed: {fixed}\n{extra}"
    )


def load(tmp_path: Path, text: str):
    """(world, problems) of the tutorial with one more layer."""
    (tmp_path / "layer").mkdir(exist_ok=True)
    (tmp_path / "layer" / "x.yaml").write_text(text, encoding="utf-8")
    return read_world([TUTORIAL, tmp_path / "layer"])


def take(tmp_path: Path, text: str) -> str:
    """What TAKE CRATE says."""
    (tmp_path / "layer").mkdir(exist_ok=True)
    (tmp_path / "layer" / "x.yaml").write_text(text, encoding="utf-8")
    world = load_world([TUTORIAL, tmp_path / "layer"])
    state, _ = new_game(world, 1)
    return step(world, state, "take crate").text


@pytest.mark.parametrize(
    ("fixed", "said"),
    [
        ("It is bolted to the ground.", "It is bolted to the ground."),
        ("true", "fixed in place"),
        ("false", "Taken."),
        ('"no"', "no"),
    ],
)
def test_fixed_text_or_true_keeps_the_item_in_place(tmp_path, fixed, said):
    """A refusal text fixes the item (no `portable: false` needed); true uses the library's."""
    assert said in take(tmp_path, crate(fixed))


def test_a_bare_no_is_a_refusal_with_a_warning_that_says_how_to_free_it(tmp_path):
    """`fixed: no` is text as YAML 1.2 and editors read it; the warning gives both fixes."""
    world, problems = load(tmp_path, crate("no"))
    assert world is not None and not world.items["crate"].portable
    (warning,) = [p for p in problems if "fixed" in p.message]
    assert warning.severity == "warning" and "fixed: false" in warning.fix
    assert "x.yaml:5:12" in str(warning)


def test_portable_and_fixed_together_are_an_error(tmp_path):
    """Saying both is a contradiction, reported at `portable`."""
    _, problems = load(tmp_path, crate("It is bolted.", "    portable: true\n"))
    (error,) = [p for p in problems if p.severity == "error"]
    assert "both 'portable: true' and 'fixed'" in error.message and "x.yaml:6:" in str(error)


AGREE = [
    (crate("It is bolted."), True),
    (crate("true"), True),
    (crate("false"), True),
    (crate("no"), True),
    (crate("false", "    portable: true\n"), True),
    (crate("3"), False),
    (crate("[a, b]"), False),
    (crate("It is bolted.", "    portable: true\n"), False),
    (crate("true", "    portable: true\n"), False),
]


@pytest.mark.parametrize(("text", "valid"), AGREE)
def test_loader_and_schema_agree_on_fixed(tmp_path, text, valid):
    """The loader and the schema both accept or both refuse each fragment."""
    from tests.test_authoring_schema import validate, yaml12

    _, problems = load(tmp_path, text)
    assert (not any(p.severity == "error" for p in problems)) is valid
    assert (validate(yaml12(text)) == []) is valid
