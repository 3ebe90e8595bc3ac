"""Only regular files, only inside the save folder: links, pipes and paths are refused with a
message, nothing outside the folder is read or written, and a failing disk never ends the game."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest
from hostile_saves import real_save

from game.model import World, load_world
from game.plain import PlainUI
from game.saves.atomic import clean_stale_temps
from game.saves.errors import SaveError
from game.saves.session import Session
from game.saves.slots import list_slots

MINI = Path(__file__).parent / "worlds" / "mini"


@cache
def mini() -> World:
    """The small test world."""
    return load_world([MINI])


def said(session: Session, line: str) -> str:
    """All the text one line gets."""
    return "\n".join(p.text for p in session.play(line).output)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A save folder with one real save, and a folder outside it holding a precious file."""
    saves, outside = tmp_path / "saves", tmp_path / "outside"
    saves.mkdir()
    outside.mkdir()
    (outside / "precious.txt").write_text("do not touch\n")
    real_save(mini(), saves, "other")
    for path in saves.glob("autosave*"):
        path.unlink()
    return saves, outside


def test_a_slot_that_is_a_link_loop_is_refused_everywhere(folders) -> None:
    """load, SAVE and RESTORE of a looping link each say what it is; nothing raises."""
    saves, _ = folders
    (saves / "loop.json").symlink_to(saves / "loop.json")
    with pytest.raises(SaveError, match="symbolic link"):
        Session.load(mini(), "loop", saves)
    session = Session.new(mini(), 1, saves)
    assert "Not saved" in said(session, "save loop")
    assert "Not restored" in said(session, "restore loop")
    assert "loop" not in list_slots(saves)


def test_a_slot_linked_to_another_never_replaces_it(folders) -> None:
    """`save alias` with alias.json -> other.json is refused; other.json keeps its bytes."""
    saves, _ = folders
    before = (saves / "other.json").read_bytes()
    (saves / "alias.json").symlink_to("other.json")
    session = Session.new(mini(), 1, saves)
    assert "symbolic link" in said(session, "save alias")
    assert "symbolic link" in said(session, "restore alias")
    assert (saves / "other.json").read_bytes() == before
    assert not (saves / "other.bak").exists()


@pytest.mark.parametrize(
    "target", ["outside/precious.txt", "nowhere/at/all", "saves/autosave.json"]
)
def test_a_linked_autosave_is_moved_aside_and_never_followed(folders, target: str) -> None:
    """autosave.json as a link (outside, dangling, to itself): play goes on, nothing outside
    changes, the link is never written through, and the game's own recording loads."""
    saves, outside = folders
    (saves / "autosave.json").symlink_to(saves.parent / target)
    session = Session.new(mini(), 1, saves)
    said(session, "take all")
    assert (outside / "precious.txt").read_text() == "do not touch\n"
    assert (saves / "autosave.json").readlink() == saves.parent / target
    assert Session.load(mini(), "autosave", saves).state == session.state


def test_a_pipe_or_folder_named_like_a_save_is_refused_without_waiting(folders) -> None:
    """A FIFO slot is refused at once (no hang), so is a folder; SAVE over them is refused too."""
    saves, _ = folders
    os.mkfifo(saves / "pipe.json")
    (saves / "dir.json").mkdir()
    for name, kind in (("pipe", "named pipe"), ("dir", "folder")):
        with pytest.raises(SaveError, match=kind):
            Session.load(mini(), name, saves)
        session = Session.new(mini(), 1, saves)
        assert "Not saved" in said(session, f"save {name}")


@pytest.mark.parametrize("where", ["{outside}/copy.json", "../outside/copy.json", "/no/such.json"])
def test_restore_in_play_takes_slot_names_only_and_probes_nothing(folders, where: str) -> None:
    """RESTORE of a path is refused with one message whether or not the file exists."""
    saves, outside = folders
    (outside / "copy.json").write_bytes((saves / "other.json").read_bytes())
    session = Session.new(mini(), 1, saves)
    text = said(session, "restore " + where.format(outside=outside))
    assert text.startswith("Not restored. RESTORE takes the name of a save, not a path.")
    assert "hyosan --load PATH" in text
    assert session.state.turn == 0


def test_stale_temp_files_from_killed_saves_are_cleaned(folders) -> None:
    """Temp files of dead processes, or a day old, go at the first save; a live writer's and
    strangers stay."""
    _, outside = folders
    saves = outside.parent / "fresh"
    saves.mkdir()
    dead = saves / ".other.json.999999999.0badf00d.tmp"
    old = saves / f".other.json.{os.getpid()}.0000beef.tmp"
    live = saves / f".other.json.{os.getpid()}.1234abcd.tmp"
    link = saves / ".x.json.999999999.feedbeef.tmp"
    for path in (dead, old, live):
        path.write_text("{")
    os.utime(old, (time.time() - 3 * 86400,) * 2)
    link.symlink_to(outside / "precious.txt")
    assert "Saved" in Session.new(mini(), 1, saves).save("mine")[0].text
    assert not dead.exists() and not old.exists()
    assert live.exists() and link.is_symlink()
    assert (outside / "precious.txt").exists()
    assert clean_stale_temps(saves) == 0  # once per folder per process


def ui(saves: Path) -> tuple[PlainUI, io.StringIO]:
    """A plain front end on a new game, writing into a string."""
    out = io.StringIO()
    return PlainUI(Session.new(mini(), 1, saves), io.StringIO(), out), out


def test_a_transcript_is_never_written_through_a_link(folders) -> None:
    """transcript.txt -> a file outside: TRANSCRIPT ON refuses, and the file is untouched."""
    saves, outside = folders
    (saves / "transcript.txt").symlink_to(outside / "precious.txt")
    front, out = ui(saves)
    front.handle_requests(front.session.play("transcript on"))
    assert "symbolic link" in out.getvalue()
    assert front.transcript is None
    assert (outside / "precious.txt").read_text() == "do not touch\n"


class FullDisk(io.StringIO):
    """A transcript file on a disk that has just filled up."""

    def write(self, text: str) -> int:
        """Fail as a full disk does."""
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_transcript_on_a_full_disk_warns_and_play_goes_on(folders) -> None:
    """A failing transcript write closes the transcript with a warning; the game continues."""
    saves, _ = folders
    front, out = ui(saves)
    front.handle_requests(front.session.play("transcript on"))
    assert front.transcript is not None
    front.transcript.handle = FullDisk()
    front.write("You look around.")
    assert "Transcript stopped: No space left on device" in out.getvalue()
    assert front.transcript is None
    front.write("And again.")  # no transcript, no error
    assert "take" in said(front.session, "take all").lower()


def run_cli(args: list[str], data: bytes, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command line, bounded in time."""
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        input=data,
        capture_output=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_a_pipe_in_a_world_folder_neither_hangs_check_nor_the_game(tmp_path: Path) -> None:
    """`zz.yaml` as a FIFO is a problem with file:line, not a wait forever."""
    world = tmp_path / "world"
    world.mkdir()
    for path in MINI.glob("*.yaml"):
        (world / path.name).write_bytes(path.read_bytes())
    os.mkfifo(world / "zz.yaml")
    for args in (["check", "--quick", "--world", str(world)], ["--plain", "--world", str(world)]):
        done = run_cli(args, b"look\n")
        text = (done.stdout + done.stderr).decode()
        assert "zz.yaml:1:1: this is a named pipe" in text
        assert "Traceback" not in text


def test_bytes_that_are_not_utf8_never_crash_plain_mode(tmp_path: Path) -> None:
    """Invalid UTF-8 on stdin, even under a strict IO encoding, is read as U+FFFD."""
    env = {"LANG": "en_US.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}
    data = b"\xff\xfe look\ntake \xc3 all\n\x80\x81\n"
    done = run_cli(["--plain", "--world", str(MINI), "--saves", str(tmp_path)], data, env)
    assert done.returncode == 0, done.stderr.decode()
    assert b"Traceback" not in done.stderr
    assert "\ufffd" in done.stdout.decode("utf-8")


@pytest.mark.parametrize("make", ["file", "loop"])
def test_a_save_folder_that_is_a_file_or_a_loop_is_named_and_play_goes_on(tmp_path, make) -> None:
    """--saves pointing at a file or a looping link: SAVE and the autosave say so; play goes on."""
    saves = tmp_path / "saves"
    if make == "file":
        saves.write_text("not a folder\n")
    else:
        saves.symlink_to(saves)
    session = Session.new(mini(), 1, saves)
    assert "Autosave failed. The save folder" in said(session, "look")
    assert "is not a folder" in said(session, "save mine")
    assert "take" in said(session, "take all").lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saves"]


def test_endless_input_without_a_newline_is_read_in_bounded_pieces(tmp_path: Path) -> None:
    """200 MB of one line on stdin: the game reads a bounded piece, cuts it, and goes on."""
    from game.plain import READ_LIMIT, read_line

    stream = io.StringIO("x" * (READ_LIMIT * 3 + 5) + "\nlook\n")
    assert len(read_line(stream)) == READ_LIMIT
    assert read_line(stream) == "look\n"
    data = b"y" * 200_000_000 + b"\nsave mine\n"
    done = run_cli(["--plain", "--world", str(MINI), "--saves", str(tmp_path)], data)
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert b"Saved as 'mine'" in done.stdout
    assert len(done.stdout) < 100_000
