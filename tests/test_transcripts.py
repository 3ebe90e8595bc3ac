"""Walkthrough transcripts (`> command` then the expected text) played against the mini world."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import MINI, TESTS, world_at

from game.engine import new_game, step

WALKTHROUGHS = sorted((TESTS / "walkthroughs" / "mini").glob("*.txt"))
SEED = 1


def read_transcript(path: Path) -> list[tuple[str | None, list[str]]]:
    """(command, expected lines) blocks; the first block (command None) is the opening."""
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#"):
            continue
        if raw.startswith(">"):
            blocks.append((raw[1:].strip(), []))
        elif raw.strip():
            blocks[-1][1].append(raw.strip())
    return blocks


def lines_of(paragraphs) -> list[str]:
    """The non-blank lines of some paragraphs, stripped."""
    return [line.strip() for p in paragraphs for line in p.text.splitlines() if line.strip()]


def test_there_are_walkthroughs():
    """The mini world has walkthroughs, one of them reaching the `escaped` ending."""
    names = {p.name for p in WALKTHROUGHS}
    assert "escaped.txt" in names
    assert len(names) >= 3


@pytest.mark.parametrize("path", WALKTHROUGHS, ids=lambda p: p.stem)
def test_walkthrough(path):
    """Each command of the transcript answers with exactly the expected text."""
    world = world_at(MINI)
    blocks = read_transcript(path)
    state, opening = new_game(world, seed=SEED)
    wrong = []
    if lines_of(opening) != blocks[0][1]:
        wrong.append(mismatch("(opening)", blocks[0][1], lines_of(opening)))
    for command, expected in blocks[1:]:
        turn = step(world, state, command or "")
        state = turn.state
        if lines_of(turn.output) != expected:
            wrong.append(mismatch(f"> {command}", expected, lines_of(turn.output)))
    assert not wrong, f"{path.name}: {len(wrong)} commands answered wrongly\n" + "\n".join(wrong)


def mismatch(command: str, expected: list[str], got: list[str]) -> str:
    """A readable report of one command whose answer differs from the transcript."""
    diff = difflib.unified_diff(expected, got, "expected", "got", lineterm="", n=1)
    return f"{command}\n" + "\n".join("    " + line for line in diff)


def test_escaped_walkthrough_ends_the_game():
    """The full walkthrough ends with the `escaped` ending."""
    world = world_at(MINI)
    state, _ = new_game(world, seed=SEED)
    for command, _ in read_transcript(TESTS / "walkthroughs" / "mini" / "escaped.txt")[1:]:
        state = step(world, state, command or "").state
    assert state.ending == "escaped"
    assert state.phase == "ended"
