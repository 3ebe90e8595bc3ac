"""Commands about the game rather than in it: help, hints, score, map, pronouns, settings."""

from __future__ import annotations

from game import __version__
from game.engine.draft import Draft
from game.engine.hints import open_puzzles
from game.engine.library import message, say
from game.engine.machines import turns_left
from game.engine.names import the
from game.engine.parser import Command
from game.engine.status import has_condition

HELP_LINES = ("help.intro", "help.look", "help.move", "help.things")


def help_(d: Draft, cmd: Command) -> None:
    """HELP: only what this world has (people, orders, danger, hints, score)."""
    world = d.world
    keys = list(HELP_LINES)
    if world.characters:
        keys.append("help.people")
    example = _order_example(d)
    lines = [message(d, key) for key in keys]
    if example:
        lines.append(message(d, "help.orders", example=example))
    if any(c.encounter is not None for c in world.characters.values()):
        lines.append(message(d, "help.danger"))
    lines += [message(d, "help.several"), message(d, "help.shortcuts")]
    game = ["HINT"] if world.hints else []
    game += ["SCORE"] if world.max_score else []
    game += "SAVE RESTORE RESTART VERBOSE BRIEF TRANSCRIPT ABOUT QUIT".split()
    lines.append(message(d, "help.game", list=", ".join(game)))
    d.say("\n".join(line for line in lines if line), "meta")


def _order_example(d: Draft) -> str:
    """`NAME, VERB` from the first character (by id) that takes an order, or ''."""
    for char_id in sorted(d.world.characters):
        character = d.world.characters[char_id]
        if character.orders:
            verb = sorted(character.orders)[0]
            word = character.name.split()[-1].upper()
            return f"{word}, {verb.upper().replace('_', ' ')}"
    return ""


def hint(d: Draft, cmd: Command) -> None:
    """HINT: the next hint for the open puzzle nearest the player (see engine/hints.py)."""
    for puzzle in open_puzzles(d)[:1]:
        shown = d.hints.get(puzzle.id, 0)
        level = min(shown, len(puzzle.hints) - 1)
        d.hints = d.hints.set(puzzle.id, min(shown + 1, len(puzzle.hints)))
        tail = "" if level + 1 >= len(puzzle.hints) else message(d, "hint.more")
        count, text = len(puzzle.hints), puzzle.hints[level]
        say(d, "hint.line", kind="hint", n=level + 1, count=count, text=text, more=tail)
        _clock_line(d)
        return
    say(d, "hint.none", kind="hint")
    _clock_line(d)


def _clock_line(d: Draft) -> None:
    """After a hint, the time of day, when the world keeps a clock."""
    now = d.world.info.time_at(d.turn)
    if now:
        say(d, "hint.time", kind="hint", time=now)


def time_(d: Draft, cmd: Command) -> None:
    """TIME: the time of day, when the world keeps a clock."""
    now = d.world.info.time_at(d.turn)
    say(d, "time" if now else "time.none", kind="meta", time=now, turns=d.turn)


def about(d: Draft, cmd: Command) -> None:
    """ABOUT."""
    info = d.world.info
    by = f" by {info.author}" if info.author else ""
    first = message(d, "about", title=info.title, release=info.release, by=by, version=__version__)
    d.say("\n".join(p for p in (first, message(d, "about.blurb")) if p), "meta")


def score(d: Draft, cmd: Command) -> None:
    """SCORE."""
    if not d.world.max_score:
        say(d, "score.none", kind="meta", turns=d.turn)
        return
    say(d, "score", kind="meta", score=d.score, max=d.world.max_score, turns=d.turn)


def verbose(d: Draft, cmd: Command) -> None:
    """VERBOSE: the full (first-visit) description on every visit and every LOOK."""
    d.verbose = "full"
    say(d, "verbose", kind="meta")


def brief(d: Draft, cmd: Command) -> None:
    """BRIEF."""
    d.verbose = "brief"
    say(d, "brief", kind="meta")


def normal(d: Draft, cmd: Command) -> None:
    """NORMAL: the full description on a first visit, the short one after."""
    d.verbose = "normal"
    say(d, "normal", kind="meta")


def version(d: Draft, cmd: Command) -> None:
    """VERSION."""
    info = d.world.info
    say(d, "version", kind="meta", title=info.title, release=info.release, version=__version__)


def pronouns(d: Draft, cmd: Command) -> None:
    """PRONOUNS."""
    if not d.pronouns:
        say(d, "pronouns.none", kind="meta")
        return
    lines = [f"'{word}' means {_names(d, thing)}" for word, thing in sorted(d.pronouns.items())]
    say(d, "pronouns.list", kind="meta", list="; ".join(lines))


def _names(d: Draft, thing: str | tuple[str, ...]) -> str:
    """One name, or several joined with 'and'."""
    if isinstance(thing, tuple):
        return " and ".join(the(d, t) for t in thing)
    return the(d, thing)


def status(d: Draft, cmd: Command) -> None:
    """STATUS: the player's condition in words (where the world gives the player one)."""
    machine = d.world.player.condition
    if not has_condition(d.world):
        say(d, "status.none", kind="meta", place=d.world.rooms[d.location].name, turns=d.turn)
        return
    info = machine.states.get(d.condition)
    left = turns_left(machine, d.condition, d.condition_since, d.turn)
    parts = [message(d, "status", label=info.label if info else d.condition)]
    if info and info.description:
        parts.append(info.description)
    if left is not None:
        parts.append(message(d, "status.left", left=left, s="" if left == 1 else "s"))
    d.say(" ".join(p for p in parts if p), "meta")


def self_(d: Draft, cmd: Command) -> None:
    """EXAMINE ME: how you are."""
    info = d.world.player.condition.states.get(d.condition)
    text = info.description if info and info.description else message(d, "examine.self")
    d.say(text, "description")


def map_(d: Draft, cmd: Command) -> None:
    """MAP: the visited rooms and their known exits, by region, as text."""
    world = d.world
    regions: dict[str, list[str]] = {}
    for room_id in sorted(d.visited, key=lambda r: world.rooms[r].name):
        regions.setdefault(world.rooms[room_id].region, []).append(room_id)
    lines = []
    for region in sorted(regions):
        if region:
            lines.append(region)
        for room_id in regions[region]:
            room = world.rooms[room_id]
            ways = []
            for ex in room.exits:
                if ex.hidden_until and not d.flags.get(ex.hidden_until):
                    continue
                target = world.rooms[ex.to].name if ex.to in d.visited else "?"
                ways.append(f"{ex.direction} → {target}")
            here = message(d, "map.here") if room_id == d.location else ""
            lines.append(f"  {room.name}{here}")
            if ways:
                lines.append("      " + "; ".join(ways))
    d.say("\n".join([message(d, "map.header"), *lines]), "meta")
    d.request("map")


def notify(d: Draft, cmd: Command) -> None:
    """NOTIFY: Inform's score notices (always on here)."""
    say(d, "meta.notify", kind="meta")


def verify(d: Draft, cmd: Command) -> None:
    """VERIFY: Inform's file check."""
    say(d, "meta.verify", kind="meta")


def recording(d: Draft, cmd: Command) -> None:
    """RECORDING / REPLAY: pointed at TRANSCRIPT and the replay tools."""
    say(d, "meta.recording", kind="meta")


def bye(d: Draft, cmd: Command) -> None:
    """BYE outside a conversation: nothing to end, and no time passes."""
    say(d, "bye.alone", kind="error")
