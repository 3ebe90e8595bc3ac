"""Worker processes for the winnability search: they step states; the search merges in order.

Each worker is forked with the world, tries every candidate command of the states it is
given, and returns for each child a 16-byte digest of its search key (a canonical encoding,
so equal keys give equal digests in every process) and the child itself the first time
this worker meets that key. The search merges the answers in the order it handed the states
out, exactly as a single process would, so counts and paths do not depend on the number of
workers or on how the machine schedules them.
"""

from __future__ import annotations

import hashlib
import marshal
import multiprocessing
import signal
from collections.abc import Callable

from game.engine import GameState, step
from game.engine.moves import candidates
from game.model import World

Child = tuple[str, bytes, "GameState | None", str]  # command, key digest, new child, crash
_WORKER: dict = {}


_PARTS: dict[int, tuple[object, bytes]] = {}  # id(part) -> (part, its bytes): parts are shared


def _part(part: object) -> bytes:
    """The canonical bytes of one part of a key (maps and sets sorted), cached by identity."""
    if not isinstance(part, (dict, frozenset)):
        return marshal.dumps(part, 2)
    found = _PARTS.get(id(part))
    if found is not None and found[0] is part:
        return found[1]
    items = sorted(part.items()) if isinstance(part, dict) else sorted(part)
    # version 2: no back-references, so equal parts give equal bytes whatever they share
    data = hashlib.blake2b(marshal.dumps(tuple(items), 2), digest_size=16).digest()
    if len(_PARTS) > 200_000:
        _PARTS.clear()
    _PARTS[id(part)] = (part, data)
    return data


def digest(key: tuple) -> bytes:
    """A 16-byte digest of a search key, the same for equal keys in any process."""
    return hashlib.blake2b(b"|".join(map(_part, key)), digest_size=16).digest()


def _init(
    world: World, key: Callable, fixed: frozenset[str], ready: Callable[[GameState], GameState]
) -> None:
    """Set a worker up (the arguments are inherited through fork, not pickled).

    Ctrl-C is the search's to answer (it stops and reports): workers ignore it; SIGTERM
    (how the pool ends them) ends them, whatever handler the search's process had set.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER.update(world=world, key=key, fixed=fixed, ready=ready, sent=set())


def expand(states: list[GameState]) -> list[list[Child]]:
    """Every candidate command of each state, with the child it leads to."""
    world, key, fixed = _WORKER["world"], _WORKER["key"], _WORKER["fixed"]
    ready, sent = _WORKER["ready"], _WORKER["sent"]
    out: list[list[Child]] = []
    for state in states:
        children: list[Child] = []
        for command in candidates(world, state, fixed):
            try:
                child = step(world, state, command).state
            except Exception as error:  # an engine bug: the search reports it with the path
                children.append((command, b"", None, f"{type(error).__name__}: {error}"))
                continue
            found = key(child)  # the search's key: a digest when workers are used
            if found in sent:
                children.append((command, found, None, ""))
            else:
                sent.add(found)
                children.append((command, found, ready(child), ""))
        out.append(children)
    return out


def pool(workers: int, world: World, key: Callable, fixed, ready):
    """A pool of forked workers set up for one search (None where fork is not available)."""
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return None
    return context.Pool(workers, initializer=_init, initargs=(world, key, fixed, ready))
