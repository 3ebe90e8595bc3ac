"""`hyosan replay`, `transcript`, `report` and `--plain --load`: from a save to text and back."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.model import load_world
from game.saves.replay import replay_states
from game.saves.session import Session
from game.saves.store import read_file

MINI = Path(__file__).parent / "worlds" / "mini"


@pytest.fixture
def world_copy(tmp_path: Path) -> Path:
    """A private copy of the mini world that a test may edit."""
    target = tmp_path / "world"
    shutil.copytree(MINI, target)
    return target


def saved_game(world_dir: Path, saves: Path, *lines: str, slot: str = "game") -> Path:
    """Play lines in the world and save them to a slot; the save file."""
    session = Session.new(load_world([world_dir]), 42, saves)
    for line in lines:
        session.play(line)
    session.save(slot)
    return saves / f"{slot}.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """Run the hyosan command; exit code, stdout, stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_passes_for_an_unchanged_world(tmp_path: Path, capsys) -> None:
    """`replay --verify` exits 0 and says every line matches when nothing changed."""
    save = saved_game(MINI, tmp_path, "take all", "east", "open locker")
    code, out, _ = run(capsys, "replay", str(save), "--verify", "--world", str(MINI))
    assert code == 0
    assert "Every line matches" in out


def test_verify_names_the_first_changed_turn_with_both_sides(
    world_copy: Path, tmp_path: Path, capsys
) -> None:
    """When the world's text changed, --verify names the first differing line and shows both."""
    save = saved_game(world_copy, tmp_path / "saves", "take all", "east", "west", "east")
    rooms = world_copy / "rooms.yaml"
    rooms.write_text(rooms.read_text().replace("A cramped hut.", "A narrow hut."))
    code, out, _ = run(capsys, "replay", str(save), "--verify", "--world", str(world_copy))
    assert code == 1
    assert "line 2 (turn 1): > east" in out
    assert "saved: Guard Hut / A cramped hut." in out
    assert "now:   Guard Hut" in out and "A narrow hut." in out
    assert "world has changed" in out


def test_verify_shows_the_state_fields_that_differ(
    world_copy: Path, tmp_path: Path, capsys
) -> None:
    """When the world's facts changed, --verify lists the differing fields, saved against now."""
    save = saved_game(
        world_copy, tmp_path / "saves", "take all", "east", "open locker", "take torch"
    )
    items = world_copy / "items.yaml"
    items.write_text(items.read_text().replace("location: locker", "location: desk", 1))
    code, out, _ = run(capsys, "replay", str(save), "--verify", "--world", str(world_copy))
    assert code == 1
    assert "line 1 (turn 0): > take all" in out
    assert "places.torch: saved 'locker', now 'desk'" in out


def test_replay_plain_prints_a_transcript(tmp_path: Path, capsys) -> None:
    """`replay --plain` prints the opening, then each command and its text."""
    save = saved_game(MINI, tmp_path, "take all", "east")
    code, out, _ = run(capsys, "replay", str(save), "--plain", "--world", str(MINI))
    assert code == 0
    assert out.index("A test world.") < out.index("> take all") < out.index("> east")
    assert "Guard Hut" in out


def test_transcript_keeps_comments_and_writes_a_file(tmp_path: Path, capsys) -> None:
    """`transcript -o FILE` writes `> command` lines, the text, and `* comment` lines as typed."""
    save = saved_game(MINI, tmp_path, "take all", "* the locker looks promising", "east")
    target = tmp_path / "out.txt"
    code, _, _ = run(capsys, "transcript", str(save), "-o", str(target), "--world", str(MINI))
    assert code == 0
    text = target.read_text()
    assert "\n* the locker looks promising\n" in text
    assert "> * the locker" not in text and "Comment noted" not in text
    assert "> take all\nRusty key: Taken." in text


def test_a_slot_name_is_found_in_the_saves_folder(tmp_path: Path, capsys, monkeypatch) -> None:
    """A bare slot name is looked up in --saves, or in $HYOSAN_SAVES."""
    saved_game(MINI, tmp_path, "east", slot="mine")
    code, _, _ = run(
        capsys, "replay", "mine", "--verify", "--world", str(MINI), "--saves", str(tmp_path)
    )
    assert code == 0
    monkeypatch.setenv("HYOSAN_SAVES", str(tmp_path))
    assert run(capsys, "replay", "mine", "--verify", "--world", str(MINI))[0] == 0


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "empty"), (b"\x00" * 64, "zero bytes"), (b"PK\x03\x04", "not a Hyosan save")],
)
def test_a_bad_save_file_is_an_error_message(
    tmp_path: Path, capsys, content: bytes, words: str
) -> None:
    """A broken save on the command line gives exit 2 and one line of explanation."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, _, err = run(capsys, "replay", str(bad), "--verify", "--world", str(MINI))
    assert code == 2
    assert words in err and "Traceback" not in err


def test_report_bundles_save_transcript_and_versions(tmp_path: Path, capsys) -> None:
    """`report` writes one file with versions, the seed, a replay check, the transcript and the save."""
    saved_game(MINI, tmp_path / "saves", "take all", "east")
    target = tmp_path / "report.txt"
    argv = ["report", "-o", str(target), "--world", str(MINI), "--saves", str(tmp_path / "saves")]
    code, out, _ = run(capsys, *argv)
    assert code == 0 and str(target) in out
    text = target.read_text()
    for part in (
        "Hyosan 0.",
        "Python 3.",
        "seed 42",
        "Every line matches",
        "> east",
        '"hyosan-save": 1',
    ):
        assert part in text


def test_report_without_saves_still_writes(tmp_path: Path, capsys) -> None:
    """With no saves at all, the report says so instead of failing."""
    target = tmp_path / "report.txt"
    argv = ["report", "-o", str(target), "--world", str(MINI), "--saves", str(tmp_path / "none")]
    assert run(capsys, *argv)[0] == 0
    assert "No saves found" in target.read_text()


def test_replay_states_walks_every_line(tmp_path: Path) -> None:
    """The replay API yields each line with its index and the Turn the engine gives."""
    save = read_file(saved_game(MINI, tmp_path, "take all", "east", "undo"))
    steps = list(replay_states(load_world([MINI]), save))
    assert [s.index for s in steps] == [1, 2, 3]
    assert [s.command for s in steps] == ["take all", "east", "undo"]
    assert steps[2].turn.state.location == "gate"


def test_plain_mode_loads_and_saves(tmp_path: Path, capsys, monkeypatch) -> None:
    """`hyosan --plain --saves DIR` saves in play; `--load NAME` resumes it with UNDO working."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("take all\neast\nsave trip\n"))
    assert main(["--plain", "--world", str(MINI), "--saves", str(tmp_path)]) == 0
    assert "Saved as 'trip'" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO("undo\nlook\n"))
    assert main(["--plain", "--world", str(MINI), "--saves", str(tmp_path), "--load", "trip"]) == 0
    out = capsys.readouterr().out
    assert "Restored 'trip'" in out
    assert out.rindex("Checkpoint Gate") > out.index("undone")


def test_plain_mode_with_a_missing_save_explains(tmp_path: Path, capsys, monkeypatch) -> None:
    """`--load` of a missing slot prints what exists and exits 1 without a traceback."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(["--plain", "--world", str(MINI), "--saves", str(tmp_path), "--load", "nope"])
    err = capsys.readouterr().err
    assert code == 1
    assert "no save called 'nope'" in err
