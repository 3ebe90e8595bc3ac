"""How `check` words the results of the winnability search and of random play."""

from __future__ import annotations

from game.authoring.coverage import Coverage
from game.authoring.findings import Finding
from game.authoring.reach import Reach
from game.authoring.winnable import SearchResult
from game.model import World

MAX_SOFTLOCKS_SHOWN = 20


def _plural(n: int, word: str) -> str:
    """'1 command', '3 commands'."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _path(commands: tuple[str, ...]) -> str:
    """A command path as players type it: `talk to mrs oh. 1. north`."""
    return ". ".join(commands) if commands else "(at the start)"


def search_findings(world: World, result: SearchResult, reach: Reach) -> list[Finding]:
    """Errors for softlocks and an unwinnable game; warnings for endings the search never saw."""
    found: list[Finding] = []
    start = world.rooms[world.player.start].where
    if result.complete and not result.winnable and world.endings:
        found.append(
            Finding(
                "unwinnable",
                start,
                "the game cannot be won: no winning ending ("
                + ", ".join(sorted(result.winning))
                + ") is reachable from the start",
                "the search below lists the endings it did reach; `hyosan map` shows the "
                "routes, and the doors and conditions on them",
                "error",
            )
        )
    else:
        for lock in result.softlocks[:MAX_SOFTLOCKS_SHOWN]:
            found.append(
                Finding(
                    "softlock",
                    world.rooms[lock.room].where,
                    f"softlock: after `{_path(lock.path)}` no winning ending can be reached "
                    f"any more (the last command is typed in '{lock.room}')",
                    "keep a way back: make the item reusable, the exit two-way, or end the game there",
                    "error",
                )
            )
    for path, error in result.crashes[:MAX_SOFTLOCKS_SHOWN]:
        found.append(
            Finding(
                "engine_crash",
                start,
                f"the engine failed on `{_path(path)}` with {error}",
                "this is a bug in the engine, not in the world: please report it with this path",
                "error",
            )
        )
    if result.complete:
        for ending in world.endings.values():
            if ending.id not in result.endings and ending.id in reach.facts.endings:
                found.append(
                    Finding(
                        "ending_unreached",
                        ending.where,
                        f"ending '{ending.id}' is never reached by any sequence of commands",
                        "the conditions on the way to it can never all hold at once",
                    )
                )
    return found


def search_lines(world: World, result: SearchResult) -> list[str]:
    """The search summary: scope, endings with shortest paths, softlocks, honesty about bounds."""
    head = (
        f"winnability: {_plural(result.states, 'state')}, {_plural(result.steps, 'command')} tried"
    )
    lines = [head + (" — complete" if result.complete else "")]
    if not result.complete:
        bound = "--max-states" if result.stopped_by == "max-states" else "--seconds"
        lines.append(
            f"  the search stopped at its bound ({bound}) before seeing every state: the "
            "endings and softlocks below are real, but more softlocks cannot be ruled out; "
            "raise the bound to finish"
        )
    for ending in world.endings.values():
        path = result.endings.get(ending.id)
        if path is not None:
            lines.append(
                f"  ending '{ending.id}' ({ending.kind}) in {_plural(len(path), 'command')}: {_path(path)}"
            )
        elif result.complete:
            lines.append(f"  ending '{ending.id}' ({ending.kind}): never reached")
        else:
            lines.append(f"  ending '{ending.id}' ({ending.kind}): not reached yet")
    count = len(result.softlocks)
    if count:
        lines.append(
            f"  {_plural(count, 'softlock')} ({_plural(result.softlocked_states, 'stuck state')})"
        )
    elif result.complete:
        lines.append("  no softlocks")
    else:
        lines.append("  no softlocks found in the explored part")
    if count > MAX_SOFTLOCKS_SHOWN:
        lines.append(f"  (showing the {MAX_SOFTLOCKS_SHOWN} shortest)")
    return lines


def verdict_line(result: SearchResult) -> str:
    """The last line of `check`: `search: complete, 1,234 states, 3 endings reachable, 0 softlocks`."""
    endings = _plural(len(result.endings), "ending") + " reachable"
    softlocks = _plural(len(result.softlocks), "softlock")
    if result.complete:
        return f"search: complete, {result.states:,} states, {endings}, {softlocks}"
    bound = "--max-states" if result.stopped_by == "max-states" else "--seconds"
    return (
        f"search: stopped by {bound} after {result.states:,} states, {endings}, "
        f"{softlocks} found; not covered: {result.frontier:,} states waiting at depth "
        f"{result.frontier_depth} and beyond"
    )


def timing_line(result: SearchResult) -> str:
    """How long the search took (stderr: it differs from run to run)."""
    return (
        f"searched {result.states:,} states in {result.seconds:.1f} s "
        f"({result.rate:,.0f} states/s, {result.steps:,} commands)"
    )


def coverage_lines(cov: Coverage, shown: int = 40) -> list[str]:
    """The texts the search never printed, with file:line, and the percentage reached."""
    total = len(cov.reached) + len(cov.unreached)
    scope = "" if cov.complete else " (the search was cut short: more may be reachable)"
    lines = [
        f"coverage: {len(cov.reached):,} of {total:,} texts reached ({cov.percent:.1f}%){scope}"
    ]
    for text in cov.unreached[:shown]:
        snippet = text.text.replace("\n", " ")
        snippet = snippet if len(snippet) <= 60 else snippet[:57] + "..."
        lines.append(f"  {text.where or '?'}: never shown ({text.owner}): {snippet}")
    if len(cov.unreached) > shown:
        lines.append(f"  … and {len(cov.unreached) - shown:,} more")
    return lines
