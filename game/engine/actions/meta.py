"""Commands about the game rather than in it: help, hints, score, map, pronouns, settings."""

from __future__ import annotations

from game import __version__
from game.engine.conditions import holds
from game.engine.draft import Draft
from game.engine.machines import turns_left
from game.engine.names import name
from game.engine.parser import Command

HELP = """You play by typing what you want to do, in plain words.
  Look around: LOOK (L), EXAMINE thing (X), SEARCH, READ, LISTEN, SMELL
  Move: NORTH/SOUTH/EAST/WEST (N S E W NE NW SE SW), UP, DOWN (U D), IN, OUT, GO TO a place you've been
  Things: TAKE, DROP, PUT X IN/ON Y, OPEN, CLOSE, UNLOCK X WITH Y, WEAR, SWITCH ON, EAT, USE X ON Y
  People: TALK TO someone, ASK someone ABOUT something, TELL, GIVE X TO someone, SHOW; NAMRA, FOLLOW ME
  Danger: FLEE, HIDE, FIGHT
  Several at once: TAKE ALL, DROP ALL BUT THE LAMP, N. N. TAKE KEY, OPEN DOOR THEN GO NORTH
  Shortcuts: IT/HIM/HER/THEM, AGAIN (G), OOPS word, UNDO, INVENTORY (I), WAIT (Z), EXITS, MAP
  The game: HINT, SCORE, SAVE, RESTORE, RESTART, VERBOSE, BRIEF, TRANSCRIPT, ABOUT, QUIT"""


def help_(d: Draft, cmd: Command) -> None:
    """HELP."""
    d.say(HELP, "meta")


def hint(d: Draft, cmd: Command) -> None:
    """HINT: the next hint for the first open puzzle that matters here."""
    for puzzle in sorted(d.world.hints.values(), key=lambda h: h.id):
        if puzzle.done and holds(d, puzzle.done):
            continue
        if not holds(d, puzzle.when):
            continue
        shown = d.hints.get(puzzle.id, 0)
        level = min(shown, len(puzzle.hints) - 1)
        d.hints = d.hints.set(puzzle.id, min(shown + 1, len(puzzle.hints)))
        tail = "" if level + 1 >= len(puzzle.hints) else " (Type HINT again for more.)"
        d.say(f"Hint {level + 1} of {len(puzzle.hints)}: {puzzle.hints[level]}{tail}", "hint")
        return
    d.say(
        "You have no puzzle in front of you that a hint would help with. Explore; talk to people.",
        "hint",
    )


def about(d: Draft, cmd: Command) -> None:
    """ABOUT."""
    info = d.world.info
    by = f" by {info.author}" if info.author else ""
    d.say(
        f"{info.title}, release {info.release}{by}. Engine version {__version__}.\n"
        "A parser text adventure in the Hyosan Exclusion Zone. Type HELP for how to play.",
        "meta",
    )


def score(d: Draft, cmd: Command) -> None:
    """SCORE."""
    d.say(
        f"You have scored {d.score} out of a possible {d.world.max_score}, in {d.turn} turns.",
        "meta",
    )


def verbose(d: Draft, cmd: Command) -> None:
    """VERBOSE."""
    d.verbose = True
    d.say("Full room descriptions on every visit.", "meta")


def brief(d: Draft, cmd: Command) -> None:
    """BRIEF."""
    d.verbose = False
    d.say("Room descriptions on first visits only (LOOK shows them again).", "meta")


def version(d: Draft, cmd: Command) -> None:
    """VERSION."""
    info = d.world.info
    d.say(f"{info.title} release {info.release} · hyosan engine {__version__}", "meta")


def pronouns(d: Draft, cmd: Command) -> None:
    """PRONOUNS."""
    if not d.pronouns:
        d.say("No pronouns are set yet.", "meta")
        return
    lines = [f"'{word}' means {name(d, thing)}" for word, thing in sorted(d.pronouns.items())]
    d.say("At the moment, " + "; ".join(lines) + ".", "meta")


def status(d: Draft, cmd: Command) -> None:
    """STATUS: the player's condition in words."""
    info = d.world.player.condition.states.get(d.condition)
    left = turns_left(d.world.player.condition, d.condition, d.condition_since, d.turn)
    label = info.label if info else d.condition
    text = f"Condition: {label}."
    if info and info.description:
        text += " " + info.description
    if left is not None:
        text += f" ({left} turn{'' if left == 1 else 's'} until it changes.)"
    d.say(text, "meta")


def self_(d: Draft, cmd: Command) -> None:
    """EXAMINE ME: how you are."""
    info = d.world.player.condition.states.get(d.condition)
    text = (
        info.description
        if info and info.description
        else "You look about as well as anyone in the Zone."
    )
    d.say(text, "description")


def map_(d: Draft, cmd: Command) -> None:
    """MAP: the visited rooms and their known exits, by region, as text."""
    world = d.world
    regions: dict[str, list[str]] = {}
    for room_id in sorted(d.visited, key=lambda r: world.rooms[r].name):
        regions.setdefault(world.rooms[room_id].region, []).append(room_id)
    lines = []
    for region in sorted(regions):
        lines.append(region)
        for room_id in regions[region]:
            room = world.rooms[room_id]
            ways = []
            for ex in room.exits:
                if ex.hidden_until and not d.flags.get(ex.hidden_until):
                    continue
                target = world.rooms[ex.to].name if ex.to in d.visited else "?"
                ways.append(f"{ex.direction} → {target}")
            here = "  ← you are here" if room_id == d.location else ""
            lines.append(f"  {room.name}{here}")
            if ways:
                lines.append("      " + "; ".join(ways))
    d.say("Map of the places you have been:\n" + "\n".join(lines), "meta")
    d.request("map")
