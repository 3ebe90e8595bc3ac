"""Finished searches remembered by world identity, as plain JSON in a cache folder.

The identity is a hash of the world's puzzle fingerprint (everything but its prose, see
`fingerprint`) and of the engine and search code: when neither has changed, a complete
search is not run again — an edit to a description, a reply or an ending's text keeps it. A search cut short by a bound is not kept.
The folder is `$HYOSAN_CACHE`, else `$XDG_CACHE_HOME/hyosan`, else `~/.cache/hyosan`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from game.authoring.winnable import SearchResult, Softlock
from game.model import World

VERSION = 2
CODE = ("authoring/winnable.py", "authoring/statekey.py", "authoring/relevance.py")
CODE += ("authoring/deadline.py", "authoring/parallel.py", "authoring/fingerprint.py")
CODE += ("authoring/rules.py", "authoring/reach.py", "authoring/lostplaces.py")


def cache_folder() -> Path:
    """Where finished searches are kept."""
    if os.environ.get("HYOSAN_CACHE"):
        return Path(os.environ["HYOSAN_CACHE"]) / "search"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hyosan" / "search"


def identity(world: World, seed: int, wins: tuple[str, ...] = ()) -> str:
    """A hash of the world's puzzles, the engine and search code, the seed and `--win`."""
    from game.authoring.fingerprint import fingerprint

    digest = hashlib.sha256(f"{VERSION}:{seed}:{','.join(sorted(wins))}".encode())
    digest.update(fingerprint(world).encode())
    package = Path(__file__).resolve().parent.parent
    engine = sorted(str(p.relative_to(package)) for p in (package / "engine").rglob("*.py"))
    for name in (*CODE, *engine):
        path = package / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"?")
    return digest.hexdigest()


def _to_data(result: SearchResult) -> dict:
    """A finished search as JSON data."""
    return {
        "states": result.states,
        "steps": result.steps,
        "seconds": result.seconds,
        "endings": {k: list(v) for k, v in result.endings.items()},
        "softlocks": [[list(s.path), s.states, s.room] for s in result.softlocks],
        "softlocked_states": result.softlocked_states,
        "winning": sorted(result.winning),
        "crashes": [[list(p), e] for p, e in result.crashes],
    }


def _from_data(data: dict) -> SearchResult:
    """A finished search from JSON data."""
    return SearchResult(
        states=int(data["states"]),
        steps=int(data["steps"]),
        seconds=float(data["seconds"]),
        complete=True,
        stopped_by="",
        endings={str(k): tuple(v) for k, v in data["endings"].items()},
        softlocks=tuple(Softlock(tuple(p), int(n), str(r)) for p, n, r in data["softlocks"]),
        softlocked_states=int(data["softlocked_states"]),
        winning=frozenset(data["winning"]),
        crashes=tuple((tuple(p), str(e)) for p, e in data["crashes"]),
    )


def recall(world: World, seed: int, wins: tuple[str, ...] = ()) -> SearchResult | None:
    """The finished search of this very world, if one was kept (a damaged entry is ignored)."""
    path = cache_folder() / f"{identity(world, seed, wins)}.json"
    try:
        return _from_data(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def remember(world: World, seed: int, result: SearchResult, wins: tuple[str, ...] = ()) -> None:
    """Keep a finished search (nothing is kept for one cut short, or when the disk refuses)."""
    if not result.complete or result.crashes:
        return
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{identity(world, seed, wins)}.json"
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(_to_data(result)), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        return
