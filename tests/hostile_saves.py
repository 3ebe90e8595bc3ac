"""Making damaged and hostile saves from real ones: edit a field, then seal it again as Hyosan would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.model import World
from game.saves.format import _CHECKSUM_MARK, checksum, seal
from game.saves.session import Session

SCRIPT = ("take all", "east", "talk to han", "1", "ask han about counting", "x han", "take it")


def real_save(world: World, saves_dir: Path, slot: str, lines=SCRIPT, seed: int = 7) -> Path:
    """Play some lines and save them: the file of a real save."""
    session = Session.new(world, seed, saves_dir)
    for line in lines:
        session.play(line)
    session.save(slot)
    return saves_dir / f"{slot}.json"


def document(path: Path) -> dict[str, Any]:
    """A save file's JSON document."""
    return json.loads(path.read_text(encoding="utf-8"))


def sealed(doc: dict[str, Any]) -> str:
    """A save document laid out and checksummed as the writer does (any values at all)."""
    return seal({k: v for k, v in doc.items() if k != "checksum"})


def with_snapshot(doc: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A copy of a save document with snapshot fields replaced (the header follows them)."""
    out = json.loads(json.dumps(doc))
    out["snapshot"].update(fields)
    for name in ("turn", "location"):
        if name in fields:
            out[name] = fields[name]
    return out


def resealed(text: str) -> str:
    """Save text edited by hand (any JSON at all), with its checksum made right again."""
    body = text[: text.rindex(_CHECKSUM_MARK)]
    return f'{body}\n  "checksum": "{checksum(body)}"\n}}\n'
