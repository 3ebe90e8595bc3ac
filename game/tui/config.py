"""What the app is started with (from the command line or a test)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


# A frozen dataclass rather than attrs: importing attrs costs ~35 ms before the first frame.
@dataclass(frozen=True)
class TuiConfig:
    """Start-up choices: which world, where saves live, and what to open first."""

    world_dirs: tuple[Path, ...]
    saves_dir: Path
    seed: int | None = None
    load: str | None = None
    replay: str | None = None
    theme: str | None = None
    cursor_blink: bool = True  # tests and snapshots turn it off for stable frames
    settings: Path | None = None  # the player's settings file (None: remember nothing)
    debug: bool = False  # `--debug`: the author's debugging verbs answer

    @classmethod
    def from_args(cls, args) -> TuiConfig:
        """Build from parsed `hyosan` arguments (.world, .saves, .seed, .load)."""
        from game.paths import default_saves_dir, default_world_dirs
        from game.tui.settings import settings_path

        return cls(
            world_dirs=tuple(getattr(args, "world", None) or default_world_dirs()),
            saves_dir=getattr(args, "saves", None) or default_saves_dir(),
            seed=getattr(args, "seed", None),
            load=getattr(args, "load", None),
            replay=getattr(args, "replay", None),
            settings=settings_path(),
            debug=bool(getattr(args, "debug", False)),
        )
