"""The safe YAML source layer: every bad file gives a located problem, never an exception."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from game.model import source
from game.model.source import MAX_DEPTH, MAX_FILE_BYTES, read_yaml

DATA = Path(__file__).parent / "data" / "yaml"


def one_problem(path: Path) -> source.Problem:
    """Read a file that must fail, and return its single problem."""
    node, problems = read_yaml(path, path.name)
    assert node is None
    assert len(problems) == 1, problems
    return problems[0]


def write(tmp_path: Path, data: bytes | str, name: str = "w.yaml") -> Path:
    """Write bytes or text to a file in tmp_path."""
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_good_file_composes_to_nodes_with_marks() -> None:
    """A normal file gives a node tree with 0-based marks and no problems."""
    node, problems = read_yaml(DATA / "good.yaml")
    assert problems == []
    assert isinstance(node, yaml.MappingNode)
    key, value = node.value[0]
    assert key.value == "rooms" and isinstance(value, yaml.SequenceNode)
    assert value.value[0].start_mark.line == 1


def test_display_path_is_used_in_messages() -> None:
    """The display text, not the real path, names the file in a problem."""
    _, problems = read_yaml(DATA / "tabs.yaml", "world/tabs.yaml")
    assert str(problems[0]).startswith("world/tabs.yaml:3:1: ")


def test_empty_and_comment_only_files_are_none_without_problems(tmp_path: Path) -> None:
    """An empty file (or only comments) gives None and no problem."""
    for text in ("", "\n\n", "# just a note\n"):
        assert read_yaml(write(tmp_path, text)) == (None, [])


def test_size_cap_refuses_big_files_before_parsing(tmp_path: Path) -> None:
    """A file over MAX_FILE_BYTES is refused with a hint to split it."""
    path = write(tmp_path, b"a: [" + b"1, " * (MAX_FILE_BYTES // 3 + 10) + b"]\n")
    problem = one_problem(path)
    assert (problem.line, problem.col) == (1, 1)
    assert "larger than 2 MiB" in problem.message and "split" in problem.fix


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    """A file that cannot be opened is reported, not raised."""
    problem = one_problem(tmp_path / "nope.yaml")
    assert "cannot read the file" in problem.message


def test_invalid_utf8_names_line_and_column_of_first_bad_byte() -> None:
    """Invalid UTF-8 points at the bad byte, counting columns in characters."""
    problem = one_problem(DATA / "bad_utf8.yaml")
    assert (problem.line, problem.col) == (2, 12)
    assert "not valid UTF-8" in problem.message and "save it as UTF-8" in problem.fix


def test_bom_is_accepted() -> None:
    """A UTF-8 byte order mark at the start is fine."""
    node, problems = read_yaml(DATA / "bom.yaml")
    assert problems == [] and node.value[0][0].value == "name"


def test_tab_indentation_is_named_at_the_tab() -> None:
    """A tab in indentation gets the friendly message at its line and column."""
    problem = one_problem(DATA / "tabs.yaml")
    assert (problem.line, problem.col) == (3, 1)
    assert "YAML indentation must use spaces, not tabs" in problem.message


def test_tab_after_spaces_is_found_and_counted(tmp_path: Path) -> None:
    """A tab after some spaces is located, and further tab lines are counted."""
    problem = one_problem(write(tmp_path, "a:\n  b: 1\n  \tc: 2\n\td: 3\n"))
    assert (problem.line, problem.col) == (3, 3)
    assert "and 1 more lines" in problem.message


def test_tab_inside_block_text_is_fine() -> None:
    """A tab that is part of multi-line text content is not indentation."""
    node, problems = read_yaml(DATA / "tab_in_block.yaml")
    assert problems == []
    text = node.value[0][1].value[0].value[1][1].value
    assert "\tA tab" in text


def test_anchor_is_refused_at_its_place() -> None:
    """An anchor is refused, naming where it is."""
    problem = one_problem(DATA / "anchor.yaml")
    assert (problem.line, problem.col) == (1, 4)
    assert "anchor '&x'" in problem.message


def test_alias_without_anchor_is_refused(tmp_path: Path) -> None:
    """An alias is refused even when its anchor is missing."""
    problem = one_problem(write(tmp_path, "a: 1\nb: *nowhere\n"))
    assert problem.line == 2 and "alias" in problem.message


def test_ampersand_and_star_in_text_are_fine(tmp_path: Path) -> None:
    """An '&' or '*' inside quoted or plain text is not an anchor."""
    node, problems = read_yaml(write(tmp_path, 'a: "&x *y"\nb: Tom & Jerry *sigh*\nc: "!!str"\n'))
    assert problems == []
    assert [v.value for _, v in node.value] == ["&x *y", "Tom & Jerry *sigh*", "!!str"]


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    """The classic alias bomb is refused at its first anchor."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    problem = one_problem(write(tmp_path, "\n".join(lines) + "\n"))
    assert (problem.line, problem.col) == (1, 5)


def test_python_tag_fails_and_runs_nothing(tmp_path: Path) -> None:
    """The os.system tag is refused and no command runs."""
    marker = tmp_path / "ran"
    path = write(tmp_path, f'a: !!python/object/apply:os.system ["touch {marker}"]\n')
    problem = one_problem(path)
    assert "explicit tag" in problem.message and "python/object/apply" in problem.message
    assert not marker.exists()
    assert "explicit tag" in one_problem(DATA / "python_tag.yaml").message


def test_any_explicit_tag_is_refused(tmp_path: Path) -> None:
    """Local, binary and non-specific tags are refused with their place."""
    for text in ("a: !foo 1\n", "a: !!binary aGk=\n", "a: ! 1\n", "a: [!!str 1]\n"):
        problem = one_problem(write(tmp_path, text))
        assert problem.line == 1 and "tag" in problem.message


def test_two_documents_are_refused() -> None:
    """A second document in one file is refused at its '---'."""
    problem = one_problem(DATA / "two_docs.yaml")
    assert (problem.line, problem.col) == (2, 1)
    assert "second YAML document" in problem.message


def test_explicit_single_document_is_fine(tmp_path: Path) -> None:
    """One document with an explicit '---' start loads."""
    node, problems = read_yaml(write(tmp_path, "---\na: 1\n"))
    assert problems == [] and node.value[0][0].value == "a"


def test_unclosed_quote_points_at_the_opening_quote() -> None:
    """An unclosed quote is reported where it opens, with a fix."""
    problem = one_problem(DATA / "unclosed_quote.yaml")
    assert (problem.line, problem.col) == (2, 9)
    assert "close the quote" in problem.fix


def test_colon_in_plain_text_suggests_quotes() -> None:
    """'mapping values are not allowed' suggests quoting the text."""
    problem = one_problem(DATA / "colon.yaml")
    assert (problem.line, problem.col) == (1, 14)
    assert "mapping values are not allowed" in problem.message
    assert "quotes" in problem.fix


def test_bad_indentation_has_a_hint(tmp_path: Path) -> None:
    """A key out of line with its siblings gets an indentation hint."""
    problem = one_problem(write(tmp_path, "a:\n  b: 1\n c: 2\n"))
    assert problem.line == 3 and "indentation" in problem.fix


def test_truncated_file_is_a_problem(tmp_path: Path) -> None:
    """A file cut in the middle of a flow list is reported, not raised."""
    problem = one_problem(write(tmp_path, "rooms:\n  - id: hall\n    exits: [north, so"))
    assert problem.line >= 3 and problem.message.startswith("YAML syntax")


def test_nul_byte_is_located(tmp_path: Path) -> None:
    """A NUL byte is refused with its line and column."""
    problem = one_problem(write(tmp_path, "a: 1\nb: caf\u00e9\x00\n"))
    assert (problem.line, problem.col) == (2, 8)
    assert "U+0000" in problem.message


def test_depth_at_cap_is_fine_and_over_cap_is_refused(tmp_path: Path) -> None:
    """Exactly MAX_DEPTH levels load; one more is refused at the deepest opening."""
    ok = "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    assert read_yaml(write(tmp_path, ok))[1] == []
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    problem = one_problem(write(tmp_path, deep))
    assert (problem.line, problem.col) == (1, MAX_DEPTH + 1)
    assert f"deeper than {MAX_DEPTH}" in problem.message


def test_wide_but_shallow_brackets_are_fine(tmp_path: Path) -> None:
    """Many bracketed lists side by side do not count as depth."""
    text = "".join(f"k{i}: [{{a: [1, 2]}}, [3]]\n" for i in range(2000))
    node, problems = read_yaml(write(tmp_path, text))
    assert problems == [] and len(node.value) == 2000


def test_deep_indented_mappings_are_refused(tmp_path: Path) -> None:
    """Block mappings nested by indentation past the cap are refused."""
    text = "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "leaf: 1\n"
    problem = one_problem(write(tmp_path, text))
    assert (problem.line, problem.col) == (MAX_DEPTH + 1, MAX_DEPTH + 1)


def test_compact_sequences_count_as_depth(tmp_path: Path) -> None:
    """Nested '- - -' on one line is refused past the cap."""
    problem = one_problem(write(tmp_path, "- " * 100 + "x\n"))
    assert problem.line == 1 and "deeper than" in problem.message


def test_huge_nesting_is_refused_without_crashing(tmp_path: Path) -> None:
    """100,000 levels of brackets, dashes or indented keys never crash or recurse."""
    cases = [
        "[" * 100_000 + "]" * 100_000,
        "[" * 100_000,
        "{a: " * 50_000 + "1" + "}" * 50_000,
        "- " * 100_000 + "x",
        "".join(" " * i + "k:\n" for i in range(1500)),
    ]
    script = (
        "import sys; from pathlib import Path; from game.model.source import read_yaml\n"
        "for name in sys.argv[1:]:\n"
        "    node, problems = read_yaml(Path(name))\n"
        "    assert node is None and 'deeper than' in problems[0].message, problems\n"
        "print('ok')\n"
    )
    names = [str(write(tmp_path, text, f"deep{i}.yaml")) for i, text in enumerate(cases)]
    done = subprocess.run(
        [sys.executable, "-c", script, *names], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_quoted_brackets_past_trust_limit_get_exact_check(tmp_path: Path) -> None:
    """Closing brackets hidden in quotes cannot smuggle deep nesting past the check."""
    count = source.MAX_TRUSTED_BRACKETS + 10
    text = "[" * count + '"' + "]" * count + '"' + "]" * count + "\n"
    problem = one_problem(write(tmp_path, text))
    assert "deeper than" in problem.message


def test_pure_loader_fallback_behaves_the_same(tmp_path: Path, monkeypatch) -> None:
    """Without libyaml the pure loader gives the same refusals and nodes."""
    monkeypatch.setattr(source, "LOADER", yaml.SafeLoader)
    assert isinstance(read_yaml(DATA / "good.yaml")[0], yaml.MappingNode)
    assert "deeper than" in one_problem(write(tmp_path, "[" * 5000)).message
    bell = one_problem(write(tmp_path, "a: caf\u00e9\x07\n"))
    assert (bell.line, bell.col) == (1, 8)


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(tmp_path_factory, data: bytes) -> None:
    """Any bytes give nodes or problems, never an exception."""
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_bytes(data)
    node, problems = read_yaml(path)
    assert node is None or isinstance(node, yaml.Node)
    assert all(p.line >= 1 and p.col >= 1 for p in problems)


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}\"'#&*!|>\t\n,?")), max_size=200))
def test_yaml_like_text_never_raises(tmp_path_factory, text: str) -> None:
    """Text made of YAML punctuation gives nodes or problems, never an exception."""
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_text(text, encoding="utf-8")
    node, problems = read_yaml(path)
    assert (node is None) or not problems
