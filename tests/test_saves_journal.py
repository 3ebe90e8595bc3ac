"""The journal: every game its own recording, torn lines dropped with a note, kill -9 loses no
printed line, games never share a file, and the oldest recordings are pruned by a visible rule."""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest

from game.model import World, load_world
from game.saves import journal, recordings
from game.saves.errors import OtherWorld
from game.saves.reopen import open_recording
from game.saves.replay import final_state
from game.saves.session import Session, resume

MINI = Path(__file__).parent / "worlds" / "mini"
ROOT = Path(__file__).resolve().parent.parent
LINES = ["take all", "east", "open locker", "take torch", "west", "x key", "wait", "undo", "look"]


@cache
def mini() -> World:
    """The small test world."""
    return load_world([MINI])


def played(folder: Path, seed: int, lines: list[str], **options) -> Session:
    """A session that has played `lines`."""
    session = Session.new(mini(), seed, folder, **options)
    for line in lines:
        session.play(line)
    return session


def test_round_trip_through_checkpoints_and_the_journal(tmp_path: Path) -> None:
    """A game closed and reopened is the same game, its log whole, whichever checkpoint it uses."""
    lines = LINES * 5
    session = played(tmp_path, 4, lines, checkpoint_every=7)
    session.close()
    again = Session.load(mini(), session.game, tmp_path)
    assert again.state == session.state
    assert again.log == tuple(lines)
    assert again.state == final_state(mini(), 4, lines)
    recordings.checkpoint_path(session._journal_path).unlink()  # no checkpoint: replayed whole
    assert open_recording(mini(), session._journal_path).state == session.state


def test_a_torn_last_record_is_dropped_with_a_note(tmp_path: Path) -> None:
    """A record cut off mid-write is left out and said; the lines before it all load."""
    session = played(tmp_path, 1, ["take all", "east", "open locker"])
    path = session._journal_path
    session.close()
    whole = path.read_bytes()
    path.write_bytes(whole[:-9])  # the last record loses its end
    again = Session.load(mini(), "autosave", tmp_path)
    assert again.log == ("take all", "east")
    assert any("cut off by a crash" in p.text for p in again.opening)
    again.play("look")  # the torn bytes are cut away before anything is appended
    assert journal.read(path).notes == ()
    assert Session.load(mini(), "autosave", tmp_path).log == ("take all", "east", "look")


def test_a_record_from_another_game_is_refused_with_a_note(tmp_path: Path) -> None:
    """A line pasted in from another game's journal fails its check; the game keeps what precedes."""
    first = played(tmp_path, 1, ["take all", "east"])
    other = played(tmp_path, 2, ["look", "wait", "wait"])
    first.close()
    other.close()
    stranger = other._journal_path.read_bytes().split(b"\n")[2] + b"\n"
    with open(first._journal_path, "ab") as handle:
        handle.write(stranger + stranger)
    contents = journal.read(first._journal_path)
    assert [r.command for r in contents.records] == ["take all", "east"]
    assert "another game" in contents.notes[0]


def test_a_recording_of_another_world_is_refused_with_a_message(tmp_path: Path) -> None:
    """Continuing a recording made with another world names that world instead of loading it."""
    world_copy = tmp_path / "world"
    shutil.copytree(MINI, world_copy)
    game_yaml = world_copy / "game.yaml"
    game_yaml.write_text(game_yaml.read_text().replace("Mini Hyosan", "Other Place"))
    session = Session.new(load_world([world_copy]), 1, tmp_path / "saves")
    session.play("look")
    session.close()
    with pytest.raises(OtherWorld, match="Other Place"):
        resume(mini(), tmp_path / "saves")


def test_every_game_is_its_own_recording_and_listed(tmp_path: Path) -> None:
    """Three games, three recordings, each listed with its place and turns; Continue takes the
    latest; a 60-line game survives two one-line games after it."""
    long = played(tmp_path, 1, ["wait"] * 60)
    long.close()
    for seed in (2, 3):
        played(tmp_path, seed, ["look"]).close()
    games = recordings.listing(tmp_path)
    assert len(games) == 3
    assert {g.lines for g in games} == {60, 1}
    sixty = next(g for g in games if g.lines == 60)
    assert sixty.game == long.game and sixty.turn == long.state.turn and sixty.location == "gate"
    assert Session.load(mini(), long.game, tmp_path).state == long.state
    assert resume(mini(), tmp_path).log == ("look",)


def test_two_games_at_once_never_share_a_file(tmp_path: Path) -> None:
    """Two games played side by side each keep their own recording, and Continue while one is
    open plays a copy instead of writing into the open game's file."""
    one = Session.new(mini(), 1, tmp_path)
    two = Session.new(mini(), 2, tmp_path)
    for a, b in zip(LINES, reversed(LINES), strict=True):
        one.play(a)
        two.play(b)
    assert one.game != two.game
    latest = resume(mini(), tmp_path)  # both are open: a copy of the latest
    assert latest.game not in (one.game, two.game)
    assert any("open in another window" in p.text for p in latest.opening)
    latest.play("wait")
    for session in (one, two):
        assert open_recording(mini(), session._journal_path).state == session.state
        session.close()


def test_the_oldest_recordings_are_pruned_never_the_latest_or_one_in_play(tmp_path: Path) -> None:
    """Past the size budget the oldest go first; the newest and an open game always stay."""
    playing = played(tmp_path, 1, ["wait"] * 5)  # the oldest, but open in a game
    old = [played(tmp_path, seed, ["look"] * 5) for seed in (2, 3, 4)]
    for session in old:
        session.close()
        time.sleep(0.01)  # distinct modification times
    removed = recordings.prune(tmp_path, budget=1)
    assert removed == [old[0]._journal_path, old[1]._journal_path]
    left = {p.stem for p in recordings.journals(tmp_path)}
    assert left == {playing.game, old[2].game}
    assert "deleted" in recordings.policy_note(tmp_path)


def test_replay_list_shows_every_game_and_the_policy(tmp_path: Path, capsys) -> None:
    """`hyosan replay --list` names each recording with where and how far, and the pruning rule."""
    from game.cli import main

    played(tmp_path, 1, ["take all", "east"]).close()
    played(tmp_path, 2, ["look"]).close()
    assert main(["replay", "--list", "--world", str(MINI), "--saves", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("lines") == 2
    assert "Guard Hut" in out or "hut" in out
    assert "oldest are deleted" in out


def _read_until_prompt(proc: subprocess.Popen, deadline: float) -> bytes:
    """Bytes from the game's stdout up to its next prompt."""
    got = b""
    while not got.endswith(b"\n> ") and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.2)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            got += chunk
    return got


@pytest.mark.skipif(sys.platform == "win32", reason="needs kill -9 and select on pipes")
def test_kill_9_at_random_points_loses_no_printed_line(tmp_path: Path) -> None:
    """20 scripted games killed at random moments: every line whose reply was printed is in the
    recording, and the recording replays to the state it holds."""
    rng = random.Random(11)
    env = dict(os.environ, HYOSAN_SAVES=str(tmp_path), PYTHONUNBUFFERED="1")
    for run in range(20):
        proc = subprocess.Popen(
            [sys.executable, "-m", "game", "--plain", "--world", str(MINI), "--seed", str(run)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 60
        _read_until_prompt(proc, deadline)
        printed: list[str] = []
        for _ in range(rng.randint(1, 12)):
            line = rng.choice(LINES)
            proc.stdin.write(line.encode() + b"\n")
            proc.stdin.flush()
            if _read_until_prompt(proc, deadline).endswith(b"\n> "):
                printed.append(line)
        proc.stdin.write(rng.choice(LINES).encode() + b"\n")  # killed while it may be mid-line
        proc.stdin.flush()
        time.sleep(rng.random() * 0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        path = recordings.latest(tmp_path)
        header = journal.read_header(path)[0]
        opened = open_recording(mini(), path)
        log = [r.command for r in journal.read(path).records]
        assert log[: len(printed)] == printed
        assert opened.state == final_state(mini(), header.seed, log)
    assert len(recordings.journals(tmp_path)) == 20
