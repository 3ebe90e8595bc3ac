"""What the player set (theme, side panel), kept between launches in a small JSON file.

The file lives in the platform's config folder: $XDG_CONFIG_HOME/hyosan/settings.json
(~/.config/hyosan on Linux and macOS, %APPDATA%\\hyosan on Windows). A missing or damaged
file means the defaults; a file that cannot be written is skipped silently (nothing is lost
but a preference).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

MAX_BYTES = 64 * 1024
KNOWN = {"theme": str, "panel_toggled": bool}


def settings_path() -> Path:
    """Where the settings live on this platform."""
    base = os.environ.get("XDG_CONFIG_HOME")
    if not base and sys.platform == "win32":
        base = os.environ.get("APPDATA")
    folder = Path(base) if base else Path.home() / ".config"
    return folder / "hyosan" / "settings.json"


def load_settings(path: Path | None) -> dict[str, Any]:
    """The saved settings; unknown keys and wrong types are dropped, damage means defaults."""
    if path is None:
        return {}
    try:
        if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if k in KNOWN and isinstance(v, KNOWN[k])}


def save_settings(path: Path | None, settings: dict[str, Any]) -> None:
    """Write the settings (atomically: a crash leaves the old file or the new one)."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(path.name + ".tmp")
        temp.write_text(json.dumps(settings, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        return
