"""The game against every damaged save in tests/hostile/saves and every hostile save folder built
below: no exception, no other save changed, nothing written outside the save folder, and the
autosave written afterwards loads again."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hostile_saves import real_save

from game.model import World, load_world
from game.plain import PlainUI
from game.saves.errors import SaveError
from game.saves.session import Session
from game.tui import driver

MINI = Path(__file__).parent / "worlds" / "mini"
CORPUS = Path(__file__).parent / "hostile" / "saves"
SCRIPT = (
    "look", "1", "take it", "pronouns", "hint", "flee", "save mine", "restore other",
    "restore alias", "restore loop", "restore pipe", "restore ../outside/precious",
    "restore /etc/hostname", "save alias", "save loop", "save pipe", "transcript on", "look",
    "transcript off", "undo",
)  # fmt: skip
OURS = {"mine", "alias", "loop", "pipe", "transcript"}  # slots SCRIPT saves to: when they are
# regular files they may change; the autosave is the game's own (a link there is moved aside)


@cache
def mini() -> World:
    """The small test world."""
    return load_world([MINI])


def look_at(folder: Path) -> dict[str, tuple]:
    """Every entry in a folder: its kind and its bytes (or where a link points)."""
    seen = {}
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_symlink():
            seen[entry.name] = ("link", os.readlink(entry.path))
        elif entry.is_file(follow_symlinks=False):
            seen[entry.name] = ("file", Path(entry.path).read_bytes())
        else:
            seen[entry.name] = ("other", entry.stat(follow_symlinks=False).st_mode)
    return seen


def play_case(root: Path, load: str | None) -> None:
    """Run the plain front end on the case and check everything the issue promises."""
    saves, outside = root / "saves", root / "outside"
    before, outside_before = look_at(saves), look_at(outside)
    try:
        session = Session.load(mini(), load, saves) if load else Session.new(mini(), 1, saves)
    except SaveError:
        session = Session.new(mini(), 1, saves)  # what the title screen offers next
    out = io.StringIO()
    PlainUI(session, io.StringIO("\n".join(SCRIPT) + "\n"), out).loop()
    after = look_at(saves)
    for name, was in before.items():
        stem = name.split(".")[0]
        ours = stem.startswith("autosave") or (stem in OURS and was[0] == "file")
        if not ours and not name.endswith(".tmp"):
            assert after.get(name) == was, f"{name} changed"
    assert sorted(os.listdir(root)) == ["outside", "saves"]
    assert look_at(outside) == outside_before
    autosave = saves / "autosave.json"
    if autosave.is_file() and not autosave.is_symlink():
        assert Session.load(mini(), "autosave", saves).state == session.state


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A save folder holding a real save `other`, and a folder beside it with a precious file."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "precious.json").write_text("do not touch\n")
    real_save(mini(), tmp_path / "saves", "other")
    for path in (tmp_path / "saves").glob("autosave*"):
        path.unlink()
    return tmp_path


@pytest.mark.parametrize("case", sorted(p.name for p in CORPUS.glob("*.json")))
def test_every_damaged_save_in_the_corpus(root: Path, case: str) -> None:
    """Load the damaged save as a slot (and, for the autosave, as the autosave)."""
    shutil.copyfile(CORPUS / case, root / "saves" / "case.json")
    with contextlib.suppress(driver.SaveProblem):  # the Textual app's load: that, or a game
        driver.load_session(mini(), "case", root / "saves")
    play_case(root, "case")
    shutil.copyfile(CORPUS / case, root / "saves" / "autosave.json")
    play_case(root, "autosave")


def _fifo(path: Path) -> None:
    """A named pipe at path."""
    os.mkfifo(path)


def _stale_temp(saves: Path) -> None:
    """A temp file a killed save left a day ago."""
    tmp = saves / ".other.json.999999999.0badf00d.tmp"
    tmp.write_text("{")
    os.utime(tmp, (time.time() - 2 * 86400,) * 2)


FOLDERS: dict[str, Callable[[Path, Path], None]] = {
    "loop": lambda s, o: (s / "loop.json").symlink_to(s / "loop.json"),
    "alias": lambda s, o: (s / "alias.json").symlink_to("other.json"),
    "autosave-outside": lambda s, o: (s / "autosave.json").symlink_to(o / "precious.json"),
    "autosave-loop": lambda s, o: (s / "autosave.json").symlink_to(s / "autosave.json"),
    "autosave-pipe": lambda s, o: _fifo(s / "autosave.json"),
    "pipe-slot": lambda s, o: _fifo(s / "pipe.json"),
    "folder-slot": lambda s, o: (s / "mine.json").mkdir(),
    "backup-link": lambda s, o: (s / "mine.bak").symlink_to(o / "precious.json"),
    "transcript-link": lambda s, o: (s / "transcript.txt").symlink_to(o / "precious.json"),
    "transcript-pipe": lambda s, o: _fifo(s / "transcript.txt"),
    "stale-temp": lambda s, o: _stale_temp(s),
}


@pytest.mark.parametrize("case", sorted(FOLDERS))
def test_every_hostile_save_folder(root: Path, case: str) -> None:
    """A new game, a loaded save and Continue, each in a hostile folder."""
    FOLDERS[case](root / "saves", root / "outside")
    for load in (None, "other", "autosave"):
        play_case(root, load)
