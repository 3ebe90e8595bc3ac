"""A reliability attacker's cases: each fails on the code before its fix."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
import zlib
from pathlib import Path

import pytest

from game import plain
from game.cli import main, parse
from game.model import load_world
from game.saves import checkpoint, recordings
from game.saves.errors import DamagedSave
from game.saves.journal import MAX_DEPTH, load_json, seed_crc
from game.saves.session import Session

MINI = Path(__file__).parent / "worlds" / "mini"


@pytest.mark.parametrize("count", ["-1", "0", "x"])
def test_serve_refuses_fewer_than_one_session(count, capsys):
    with pytest.raises(SystemExit) as stop:
        parse(["serve", "--max-sessions", count])
    assert stop.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_serve_takes_one_session():
    assert parse(["serve", "--max-sessions", "1"]).max_sessions == 1


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "0", "-5", "1e30", "lots"])
def test_a_nonsense_recordings_budget_means_the_default_with_a_warning(value, monkeypatch):
    monkeypatch.setenv("HYOSAN_RECORDINGS_MIB", value)
    assert recordings.budget_bytes() == recordings.PRUNE_MIB * 1024 * 1024
    assert "HYOSAN_RECORDINGS_MIB" in recordings.budget_warning()
    assert "HYOSAN_RECORDINGS_MIB" in recordings.policy_note(Path("nowhere"))


@pytest.mark.parametrize(("value", "mib"), [("", 64), ("1", 1), ("2.5", 2.5), ("1000", 1000)])
def test_a_sensible_recordings_budget_is_used_quietly(value, mib, monkeypatch):
    monkeypatch.setenv("HYOSAN_RECORDINGS_MIB", value)
    assert recordings.budget_bytes() == int(mib * 1024 * 1024)
    assert recordings.budget_warning() == ""


def _mini():
    """The small test world."""
    return load_world([MINI])


@pytest.mark.parametrize(
    "name", ["autosave", "AutoSave", "autosave-previous", "latest", "continue", "backup",
             "20261202-171500-ab12"]
)  # fmt: skip
def test_a_save_continue_would_shadow_is_refused_with_the_reason(tmp_path, name):
    session = Session.new(_mini(), 3, tmp_path)
    session.play("east")
    said = "\n".join(p.text for p in session.play(f"save {name}").output)
    assert "Not saved" in said and ("reserved" in said or "recording id" in said)
    assert not list(tmp_path.glob("*.json"))
    assert "Saved as 'keep'" in "\n".join(p.text for p in session.play("save keep").output)


def _recorded(tmp_path, lines: int) -> Path:
    """A closed recording of `lines` lines, without its checkpoint."""
    session = Session.new(_mini(), 3, tmp_path)
    for i in range(lines):
        session.play("look" if i % 2 else "wait")
    session.close()
    journal = recordings.latest(tmp_path)
    recordings.checkpoint_path(journal).unlink()
    return journal


def test_damage_in_the_middle_of_a_recording_never_cuts_it(tmp_path):
    journal = _recorded(tmp_path, 30)
    lines = journal.read_bytes().split(b"\n")
    lines[12] = lines[12].replace(b'"look"', b'"LOOK"')  # record 12 fails its check
    damaged = b"\n".join(lines)
    journal.write_bytes(damaged)
    session = Session.load(_mini(), "autosave", tmp_path)
    assert journal.read_bytes() == damaged  # every line after the damage is still there
    notes = "\n".join(session.notes)
    assert "damaged at line 12" in notes and str(journal) in notes
    assert "cannot be read" not in notes  # the copy just made is not a newer, unreadable game
    session.play("wait")
    session.close()
    copy = recordings.latest(tmp_path)
    assert copy != journal and len(session.log) == 12
    assert journal.read_bytes() == damaged
    assert [s.game for s in recordings.listing(tmp_path)] == [copy.stem, journal.stem]


def test_a_whole_last_line_that_fails_its_check_is_kept_too(tmp_path):
    journal = _recorded(tmp_path, 5)
    damaged = journal.read_bytes()[:-12] + b"X" + journal.read_bytes()[-11:]
    journal.write_bytes(damaged)
    Session.load(_mini(), "autosave", tmp_path).close()
    assert journal.read_bytes() == damaged


def test_a_record_torn_mid_write_is_still_dropped(tmp_path):
    journal = _recorded(tmp_path, 5)
    whole = journal.read_bytes()
    journal.write_bytes(whole + b'[6,"wai')
    session = Session.load(_mini(), "autosave", tmp_path)
    session.play("look")
    session.close()
    assert journal.read_bytes().startswith(whole) and len(session.log) == 6


DEEP = b"[" * 2000 + b"]" * 2000


@pytest.mark.parametrize("where", ["header", "record"])
def test_a_deeply_nested_recording_is_damaged_not_a_crash(tmp_path, where, capsys):
    journal = _recorded(tmp_path, 3)
    lines = journal.read_bytes().split(b"\n")
    if where == "header":
        lines[0] = DEEP + b" 00000000"
    else:  # a record with a valid check: only its nesting is wrong
        lines[2] = DEEP + b" %08x" % zlib.crc32(DEEP, seed_crc(journal.stem))
    journal.write_bytes(b"\n".join(lines))
    game = journal.stem
    if where == "header":
        with pytest.raises(DamagedSave):
            Session.load(_mini(), "autosave", tmp_path)
        assert "cannot be read" in recordings.describe(recordings.listing(tmp_path)[0], "")
    else:
        assert "damaged at line 2" in "\n".join(Session.load(_mini(), game, tmp_path).notes)
    world = ["--world", str(MINI), "--saves", str(tmp_path)]
    for command in (["replay", game, "--verify"], ["transcript", game], ["replay", "--list"]):
        main([*world, *command])  # any exit code, but no traceback
    printf = io.StringIO("quit\n")
    with contextlib.redirect_stdout(io.StringIO()):
        sys_stdin, sys.stdin = sys.stdin, printf
        try:
            main([*world, "--plain", "--load", "autosave"])
        finally:
            sys.stdin = sys_stdin


def test_nesting_is_bounded_before_parsing():
    assert load_json(b"[[1]]") == [[1]]
    assert load_json(b'["' + b"[" * 100 + b'"]') == ["[" * 100]  # brackets in text are text
    with pytest.raises(ValueError):
        load_json(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1))


class FullAfter(io.StringIO):
    """An output that fills up (ENOSPC) after `room` writes, like stdout on /dev/full."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, text: str) -> int:
        """Write, or fail as a full disk does."""
        self.room -= 1
        if self.room < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def _plain(tmp_path, monkeypatch, stdin, stdout) -> int:
    """Run `hyosan --plain` on the mini world with these standard streams."""
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    return plain.run(parse(["--plain", "--world", str(MINI), "--saves", str(tmp_path)]))


@pytest.mark.parametrize("closed", ["stdin", "stdout"])
def test_a_closed_standard_stream_is_a_short_message(tmp_path, monkeypatch, capsys, closed):
    streams = {"stdin": io.StringIO("look\n"), "stdout": io.StringIO()}
    streams[closed] = None
    assert _plain(tmp_path, monkeypatch, streams["stdin"], streams["stdout"]) == 2
    said = capsys.readouterr().err
    assert "closed" in said and ("input" in said) == (closed == "stdin")


def test_a_full_stdout_stops_the_game_with_its_recording_flushed(tmp_path, monkeypatch, capsys):
    lines = io.StringIO("wait\nlook\nwait\nlook\n" * 5)
    assert _plain(tmp_path, monkeypatch, lines, FullAfter(12)) == 1
    said = capsys.readouterr().err
    journal = recordings.latest(tmp_path)
    assert "No space left on device" in said and f"--load {journal.stem}" in said
    played = Session.load(_mini(), journal.stem, tmp_path).log
    assert played and set(played) <= {"wait", "look"}
    point = checkpoint.read(recordings.checkpoint_path(journal), journal.stem)
    assert point is not None and point.lines == len(played)  # closed: checkpoint at the end


def test_a_full_stdout_in_any_command_is_a_short_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", FullAfter(0))
    assert main(["--world", str(MINI), "replay", "--list", "--saves", str(tmp_path)]) == 1
    assert "No space left on device" in capsys.readouterr().err


@pytest.mark.parametrize("port", ["-5", "0", "65536", "99999", "http"])
def test_serve_refuses_a_port_that_is_not_one(port, capsys):
    with pytest.raises(SystemExit) as stop:
        parse(["serve", "--port", port])
    assert stop.value.code == 2
    assert "1 to 65535" in capsys.readouterr().err


@pytest.mark.parametrize("closed", ["stdin", "stdout"])
def test_the_full_screen_game_with_a_closed_stream_says_it_needs_a_terminal(
    monkeypatch, capsys, closed
):
    monkeypatch.setattr(sys, closed, None)
    assert main(["--world", str(MINI)]) == 2
    assert "needs a terminal" in capsys.readouterr().err


def test_continue_passes_over_a_newer_recording_it_cannot_read(tmp_path):
    older = _recorded(tmp_path, 3)
    newer = recordings.journal_path(tmp_path, "29991231-235959-ffff")
    newer.write_bytes(DEEP + b" 00000000\n")
    os.utime(older, (1, 1))
    session = Session.load(_mini(), "autosave", tmp_path)
    assert len(session.log) == 3 and str(newer) in "\n".join(session.notes)
    assert newer.read_bytes() == DEEP + b" 00000000\n"


def test_deeply_nested_settings_and_search_cache_are_ignored(tmp_path, monkeypatch):
    from game.authoring import searchcache
    from game.tui.settings import load_settings

    settings = tmp_path / "settings.json"
    settings.write_bytes(DEEP)
    assert load_settings(settings) == {}
    monkeypatch.setenv("HYOSAN_CACHE", str(tmp_path / "cache"))
    entry = searchcache.cache_folder() / f"{searchcache.identity(_mini(), 1)}.json"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(DEEP)
    assert searchcache.recall(_mini(), 1) is None


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [("--seconds", "nan", "above 0"), ("--seconds", "inf", "above 0"),
     ("--seconds", "-1", "above 0"), ("--seconds", "0", "above 0"),
     ("--max-states", "-5", "at least 1"), ("--max-states", "0", "at least 1")],
)  # fmt: skip
def test_check_refuses_search_bounds_that_bound_nothing(option, value, said, capsys):
    with pytest.raises(SystemExit):
        parse(["check", option, value])
    assert said in capsys.readouterr().err
