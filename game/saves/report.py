"""A bug report: the latest save, its transcript, the seed and versions, in one text file."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from game import __version__
from game.model import World
from game.saves import recordings
from game.saves.errors import SaveError
from game.saves.format import FORMAT
from game.saves.identity import world_id
from game.saves.reopen import recorded_save
from game.saves.replay import describe, verify
from game.saves.store import check, newest_save, read_file
from game.saves.transcript import transcript_text

RULE = "-" * 72


def versions(world: World) -> list[str]:
    """Hyosan, Python, platform, save format and world identity, one per line."""
    ident = world_id(world)
    return [
        f"Hyosan {__version__} · save format {FORMAT}",
        f"Python {sys.version.split()[0]} · {platform.platform()}",
        f"world: {ident.title} release {ident.release} · {ident.hash}",
    ]


def _newest(saves_dir: Path) -> Path | None:
    """The most recently written named save or game recording."""
    found = [p for p in (newest_save(saves_dir), recordings.latest(saves_dir)) if p is not None]
    return max(found, key=lambda p: p.stat().st_mtime_ns, default=None)


def build_report(world: World, saves_dir: Path) -> str:
    """The report text for the newest save in the folder (or a note when there is none)."""
    lines = ["Hyosan bug report", "=================", "", *versions(world), ""]
    path = _newest(saves_dir)
    if path is None:
        return "\n".join([*lines, f"No saves found in {saves_dir}.", ""])
    lines += [f"save: {path}"]
    raw = ""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == recordings.JOURNAL:
            save = recorded_save(world, path)
        else:
            save = read_file(path)
            check(world, save, path)
    except SaveError as exc:
        return "\n".join([*lines, f"The save could not be used: {exc}", RULE, raw, ""])
    lines += [
        f"label {save.label} · seed {save.seed} · turn {save.turn} · {save.location}"
        f" · saved {save.created} by Hyosan {save.engine}",
        "",
        "Replay check:",
        *describe(verify(world, save), save),
        "",
        RULE,
        "Transcript",
        RULE,
        transcript_text(world, save).rstrip("\n"),
        RULE,
        "Save file",
        RULE,
        raw.rstrip("\n"),
        "",
    ]
    return "\n".join(lines)
