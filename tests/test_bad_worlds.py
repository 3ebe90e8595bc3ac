"""The corpus of broken worlds: each must be refused with the exact file:line:col message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.model import WorldError, load_world, read_world

CORPUS = Path(__file__).parent / "bad_worlds"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def _messages(case: str) -> list[str]:
    """Every problem of a case, as text with paths relative to the corpus."""
    _, problems = read_world([CORPUS / case])
    return [str(p).split("bad_worlds/", 1)[-1].replace("bad_worlds/", "") for p in problems]


@pytest.mark.parametrize("case", CASES)
def test_bad_world_is_refused_with_its_message(case: str) -> None:
    """Each broken world fails to load and names the place and the fix."""
    with pytest.raises(WorldError):
        load_world([CORPUS / case])
    messages = "\n".join(_messages(case))
    for expected in (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert expected in messages, f"missing {expected!r} in:\n{messages}"


def test_only_real_problems_are_reported_when_a_file_cannot_be_read() -> None:
    """A file that fails to parse does not also produce follow-on noise about missing sections."""
    assert not any("no 'player' section" in m for m in _messages("syntax"))


def test_python_tag_runs_nothing(tmp_path: Path) -> None:
    """A world with a python tag is refused without ever running the command."""
    marker = tmp_path / "pwned"
    world = tmp_path / "w"
    world.mkdir()
    (world / "w.yaml").write_text(f'x: !!python/object/apply:os.system ["touch {marker}"]\n')
    with pytest.raises(WorldError):
        load_world([world])
    assert not marker.exists()


def test_all_errors_of_a_world_are_reported_in_one_run() -> None:
    """Several independent mistakes are all reported together."""
    assert len(_messages("bad_logic")) >= 3


def test_plain_mode_on_a_broken_world_prints_errors_and_fails() -> None:
    """`hyosan --plain --world DIR` on a broken world prints the errors and exits non-zero."""
    result = subprocess.run(
        [sys.executable, "-m", "game", "--plain", "--world", str(CORPUS / "unknown_room")],
        input="look\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "exit 'north' leads to unknown room 'labb' — did you mean 'lab'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_finds_the_shipped_world_from_any_folder(tmp_path: Path) -> None:
    """`hyosan check` run outside the project checks the shipped world, as `hyosan` plays it."""
    result = subprocess.run(
        [sys.executable, "-m", "game", "check", "--quick"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "— no errors" in result.stdout.splitlines()[-1]
