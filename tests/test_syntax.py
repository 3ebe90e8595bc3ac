"""YAML syntax errors are reported where the author must edit, with advice for that case."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.model import read_world
from game.model.source import read_yaml

TUTORIAL = Path(__file__).resolve().parent / "worlds" / "authoring" / "tutorial"

ROOMS = "rooms:\n  a:\n    name: A\n    description: first\n  b:\n    name: B\n"


def problem_of(tmp_path: Path, text: str):
    """The one problem of a file."""
    path = tmp_path / "w.yaml"
    path.write_text(text)
    [problem] = read_yaml(path)[1]
    return problem


def test_an_unclosed_double_quote_is_reported_where_it_opens(tmp_path):
    """The quote opened on line 7 runs on to a later quote; the report points at line 7."""
    text = ROOMS + '    description: "Big\n  c:\n    name: C\n    description: It\'s "big".\n'
    problem = problem_of(tmp_path, text)
    assert (problem.line, problem.col) == (7, 18)
    assert "quote opened here" in problem.message and 'end the text with "' in problem.fix


def test_a_legal_multi_line_quote_does_not_take_the_blame(tmp_path):
    """A quote closed on a later line is fine; the real (indentation) error is reported."""
    text = 'rooms:\n  a:\n    name: "A\n      hall"\n    description: x\n   exits: {}\n'
    problem = problem_of(tmp_path, text)
    assert problem.line == 6 and "indentation" in problem.fix


def test_an_unclosed_bracket_is_reported_where_it_opens(tmp_path):
    """`words: [one, two` with the next key below: the '[' is the place to edit."""
    text = "rooms:\n  a:\n    name: A\n    words: [one, two\n    description: x\n"
    problem = problem_of(tmp_path, text)
    assert (problem.line, problem.col) == (4, 12)
    assert "close it with ']'" in problem.fix


def test_an_apostrophe_inside_a_list_item_does_not_take_the_blame(tmp_path):
    """`[homeroom, teachers']` is closed; the real error (': ' in plain text) is reported."""
    text = ROOMS + "    adjectives: [homeroom, teachers']\n    description: Shut: for good.\n"
    problem = problem_of(tmp_path, text)
    assert problem.line == 8
    assert "'[' opened here" not in problem.message


def test_a_key_moved_left_names_the_levels_it_could_mean(tmp_path):
    """A key between two indentation levels gets an indentation fix, not advice about quotes."""
    problem = problem_of(tmp_path, ROOMS + "   description: x\n")
    assert problem.line == 7
    assert "4 spaces like line 6, or 2 spaces like line 5" in problem.fix
    assert "quote" not in problem.fix


def test_a_key_moved_right_is_not_told_to_quote(tmp_path):
    """A key indented under a valued key is read as text; the fix is its indentation."""
    problem = problem_of(tmp_path, ROOMS + "      description: x\n")
    assert problem.line == 7
    assert "indented more than 'name' on line 6" in problem.message
    assert "4 spaces" in problem.fix


def test_knock_on_references_into_a_broken_file_are_folded(tmp_path):
    """References to ids of a file that did not parse are one line, not one error each."""
    broken = tmp_path / "x"
    broken.mkdir()
    (broken / "cellar.yaml").write_text(
        "rooms:\n  cellar:\n    name: Cellar\n    description: 'Damp\n  attic:\n    name: A\n"
    )
    (broken / "links.yaml").write_text(
        "rooms:\n  stair:\n    name: Stair\n    description: x\n"
        "    exits: {down: cellar, up: attic, north: nowhere_room}\n"
    )
    _, problems = read_world([TUTORIAL, broken])
    messages = [p.message for p in problems]
    assert not any("unknown room 'cellar'" in m or "unknown room 'attic'" in m for m in messages)
    assert any("unknown room 'nowhere_room'" in m for m in messages)  # a real mistake stays
    [fold] = [p for p in problems if "which did not load" in p.message]
    assert "and 2 references into" in fold.message and "cellar.yaml" in fold.message
    assert fold.severity == "note"


@pytest.mark.parametrize("text", ["a: [1, 2]\n", "a: 'x\n  y'\n", "a:\n  - b: 1\n    c: 2\n"])
def test_valid_yaml_is_untouched(tmp_path, text):
    """The diagnosis never runs on files that parse."""
    path = tmp_path / "w.yaml"
    path.write_text(text)
    assert read_yaml(path)[1] == []
