"""How `check` words the results of the winnability search and of random play."""

from __future__ import annotations

from game.authoring.coverage import Coverage
from game.authoring.findings import Finding
from game.authoring.reach import Reach
from game.authoring.softcause import advice
from game.authoring.winnable import SearchResult
from game.model import World

MAX_SOFTLOCKS_SHOWN = 20


def _plural(n: int, word: str) -> str:
    """'1 command', '3 commands'."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


RUN = 3  # a command repeated this many times in a row or more is written once, `wait ×258`


def _path(commands: tuple[str, ...]) -> str:
    """A command path as players type it: `talk to mrs oh. 1. north. wait ×12`."""
    if not commands:
        return "(at the start)"
    parts: list[str] = []
    index = 0
    while index < len(commands):
        end = index
        while end < len(commands) and commands[end] == commands[index]:
            end += 1
        count = end - index
        if count >= RUN:
            parts.append(f"{commands[index]} ×{count}")
        else:
            parts.extend(commands[index:end])
        index = end
    return ". ".join(parts)


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
                    advice(world, lock.path),
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
    usual = {e.id for e in world.endings.values() if e.kind != "death"} or set(world.endings)
    if result.winning != usual:
        chosen = ", ".join(e for e in world.endings if e in result.winning) or "none"
        lines.append(f"  endings counted as winning (`game: winning:` or --win): {chosen}")
    if not result.complete:
        seeds = (
            f" or from one of the {result.seeds - 1:,} states the world's tests pass through"
            if result.seeds > 1
            else ""
        )
        lines.append(
            f"  the search was {stopped_by(result)} before seeing every state: the endings and "
            "softlocks below are real, but more softlocks cannot be ruled out; "
            + (
                "let it run to the end to rule them out"
                if result.stopped_by.startswith("SIG")
                else "raise the bound to finish"
            )
        )
        lines.append(f"  {explored_up_to(result)} (depth: commands from the start{seeds})")
        lines.append(f"  not yet explored: {not_explored(result)}")
        lines += not_covered(world, result)
    if result.deadline:
        lines.append(
            f"  the turn count is left out of the states: at turn {result.deadline} a winning "
            "ending comes for every game still alive, so staying alive counts as winning"
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


def not_covered(world: World, result: SearchResult) -> list[str]:
    """Which part of the game a bounded search did not cover: rooms and regions."""
    lines = []
    if result.unseen_rooms:
        names = ", ".join(result.unseen_rooms[:12])
        more = f" and {len(result.unseen_rooms) - 12} more" if len(result.unseen_rooms) > 12 else ""
        lines.append(
            f"  not covered: {_plural(len(result.unseen_rooms), 'room')} of {len(world.rooms)} "
            f"never reached: {names}{more}"
        )
    regions: dict[str, int] = {}
    for room, count in result.frontier_rooms:
        region = world.rooms[room].region or room
        regions[region] = regions.get(region, 0) + count
    if regions:
        parts = sorted(regions.items(), key=lambda item: (-item[1], item[0]))
        lines.append(
            "  unexplored states by region: "
            + ", ".join(f"{region} {count:,}" for region, count in parts)
        )
    return lines


STOPPED_BY = {
    "max-states": "stopped by --max-states",
    "seconds": "stopped by --seconds",
    "SIGINT": "interrupted (Ctrl-C)",
    "SIGTERM": "stopped by SIGTERM",
    "depth": "stopped at its depth bound",
}


def stopped_by(result: SearchResult) -> str:
    """What cut a search short: `stopped by --seconds`, `interrupted (Ctrl-C)`."""
    return STOPPED_BY.get(result.stopped_by, f"stopped by {result.stopped_by}")


def duration(seconds: float) -> str:
    """A rough duration: `40 s`, `12 min`, `3.5 h`."""
    if seconds < 1:
        return "less than a second"
    if seconds < 90:
        return f"about {seconds:.0f} s"
    if seconds < 5400:
        return f"about {seconds / 60:.0f} min"
    return f"about {seconds / 3600:.1f} h"


def not_explored(result: SearchResult) -> str:
    """`3,548 states at depth 94 and 12,000 at depth 95 (about 6 s more to finish depth 94)`."""
    parts = [
        f"{count:,} {'state' if count == 1 else 'states'} at depth {depth}"
        if index == 0
        else f"{count:,} at depth {depth}"
        for index, (depth, count) in enumerate(result.frontier_by_depth)
    ]
    text = " and ".join(parts) or f"{result.frontier:,} states"
    rate = result.explored / result.seconds if result.seconds > 0 else 0.0
    if result.frontier_by_depth and rate > 0:
        depth, count = result.frontier_by_depth[0]
        text += f" (exploring {rate:,.0f} states/s, {duration(count / rate)} more to finish depth {depth})"
    return text


def explored_up_to(result: SearchResult) -> str:
    """`explored every state up to depth 93` (or that not even the starting states were)."""
    if result.depth < 0:
        return "not all its starting states explored yet"
    return f"explored every state up to depth {result.depth}"


def verdict_line(result: SearchResult) -> str:
    """The last line of `check`: `search: complete, 1,234 states, 3 endings reachable, 0 softlocks`."""
    endings = _plural(len(result.endings), "ending") + " reachable"
    softlocks = _plural(len(result.softlocks), "softlock")
    if result.complete:
        return f"search: complete, {result.states:,} states, {endings}, {softlocks}"
    return (
        f"search: {stopped_by(result)} after {result.states:,} states, {endings}, "
        f"{softlocks} found; {explored_up_to(result)}; "
        f"not yet explored: {not_explored(result)}"
    )


def timing_line(result: SearchResult) -> str:
    """How long the search took (stderr: it differs from run to run)."""
    return (
        f"searched {result.states:,} states in {result.seconds:.1f} s "
        f"({result.rate:,.0f} states/s, {result.explored:,} explored, {result.steps:,} commands)"
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
