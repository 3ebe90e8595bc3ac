"""One line of input in, one Turn out: pure and deterministic."""

from __future__ import annotations

import re

from game.engine.actions import META_HANDLERS, WORLD_ACTIONS
from game.engine.actions.common import implicit_take, note_pronoun
from game.engine.actions.debug import DEBUG_VERBS, debug_verb
from game.engine.actions.movement import route, travel
from game.engine.actions.people import choose, end_dialogue, open_choices, order
from game.engine.actions.yourself import names_self, toward_self
from game.engine.describe import look
from game.engine.draft import Draft
from game.engine.effects import respond
from game.engine.encounters import answer
from game.engine.grammar import ACTION_VERBS, AUTHOR_VERB, LINES, META_ACTIONS, SLOTS, VERB_WORDS
from game.engine.library import message, say
from game.engine.output import Paragraph, Turn
from game.engine.parser import Command, Failure, _Fail, parse, resolve_one, tokenize
from game.engine.rules import after_action
from game.engine.state import MOMENT_FIELDS, GameState, initial_state, without_history
from game.model import World
from game.model.verbs import ACTIONS

MAX_LINE = 2000
SPLIT_RE = re.compile(r"(?:[;!]|\.(?!\d)|(?<!\d)\.)+|\?(?=.)|\bthen\b")
ABBREVIATION_RE = re.compile(
    r"\b(dr|mr|mrs|ms|st|prof|capt|sgt|lt|col|gen|rev|mt)\.", re.IGNORECASE
)
SPLIT_CHARS = frozenset(".;!?,")
RAW_ARGUMENT_VERBS = frozenset({"save", "restore", "load"})
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
ENDED_OK = frozenset(
    {
        "undo",
        "restart",
        "restore",
        "save",
        "quit",
        "help",
        "about",
        "score",
        "version",
        "transcript_on",
        "transcript_off",
        "map",
        "status",
    }
)
TAKE_FIRST = frozenset({"give", "show", "throw", "use", "pour", "plug"})
TAKE_SECOND = frozenset({"unlock", "lock", "attack", "cut", "pry"})
KEPT_ON_RESTART = frozenset(
    {"seed", "verbose", "debug", "debugged", "trace"}
)  # everything else starts again
SCENERY_REFUSALS = {
    "take": "take.scenery",
    "take_from": "take.scenery",
    "remove": "take.scenery",
    "talk": "talk.cant",
    "ask": "talk.cant",
    "tell": "talk.cant",
}
SCENERY_OK = frozenset({"examine", "search", "look", "read", "listen", "smell", "touch", "taste"})


def new_game(
    world: World, seed: int = 0, debug: bool = False
) -> tuple[GameState, tuple[Paragraph, ...]]:
    """A fresh game and its opening text; `debug` turns the author's debugging verbs on."""
    d = Draft(world, initial_state(world, seed))
    d.debug = d.debugged = debug
    _opening(d)
    return d.freeze(), tuple(d.out)


def _opening(d: Draft) -> None:
    """The intro text and the first look."""
    info = d.world.info
    d.say(info.title.upper(), "title")
    d.say(info.intro, "description")
    if "HELP" not in info.intro:
        say(d, "intro.help", kind="meta")
    from game.engine.describe import arrive

    arrive(d, d.world.player.start)
    d.entered.clear()


def step(world: World, state: GameState, text: str) -> Turn:
    """Run one line of input against a state."""
    line = clean(text)
    d = Draft(world, state)
    if line.startswith("*"):
        return Turn(state, (Paragraph("meta", message(d, "parser.comment")),))
    words = tokenize(line)
    if words == ("undo",):
        return undo(d, state)
    if state.phase == "ended" and not _allowed_after_end(d, line):
        say(d, "parser.game_over", kind="meta")
        return Turn(state, tuple(d.out))
    pieces = split_line(d, line)
    if not pieces:
        say(d, "parser.pardon", kind="error")
    for piece in pieces:
        if not run_one(d, piece) or d.ended or (d.requests and _line_over(d)):
            break
    if d.took_turn:
        limit = world.info.undo_limit
        new_state = d.freeze((without_history(state), *state.history[: limit - 1]))
    else:
        new_state = d.freeze(state.history)
    return Turn(new_state, tuple(d.out), tuple(d.requests))


def _about_the_game(words: tuple[str, ...]) -> bool:
    """Whether a command's verb is only ever a meta command (HINT, HELP, SCORE, SAVE...)."""
    lines = LINES.get(words[0], ()) if words else ()
    return bool(lines) and all(line.action in META_ACTIONS for line in lines)


def _line_over(d: Draft) -> bool:
    """QUIT, RESTORE and SAVE hand the game to the front end: the rest of the line waits."""
    return any(r.kind in ("quit", "restore", "save") for r in d.requests)


def clean(text: str) -> str:
    """Strip control characters (and '#', kept for the engine's own references), cap the length."""
    return CONTROL_RE.sub(" ", text[:MAX_LINE]).replace("#", " ").strip()


def undo(d: Draft, state: GameState) -> Turn:
    """Take back the whole last line."""
    if not state.history:
        return Turn(state, (Paragraph("error", message(d, "parser.nothing_to_undo")),))
    previous = Draft(None, state.history[0]).freeze(state.history[1:])
    return Turn(previous, (Paragraph("meta", message(d, "parser.undone")),))


def _allowed_after_end(d: Draft, line: str) -> bool:
    """Whether a command makes sense once the game has ended."""
    words = tokenize(line)
    if not words:
        return False
    return any(line.action in ENDED_OK for line in LINES.get(words[0], ()))


def split_line(d: Draft, line: str) -> list[str | tuple[str, str]]:
    """Split a line into commands: `.`, `then`, and commas before a verb; orders as tuples."""
    if line.strip() == "?":
        return ["?"]
    first = tokenize(line)[:1]
    if first and first[0] in RAW_ARGUMENT_VERBS:
        return [line]
    if not SPLIT_CHARS.intersection(line) and " then " not in line.lower():
        return [line] if line.strip() else []
    result: list[str | tuple[str, str]] = []
    line = ABBREVIATION_RE.sub(r"\1", line)
    for piece in SPLIT_RE.split(line):
        parts = [p for p in piece.split(",") if tokenize(p)]
        if not parts:
            continue
        person = _addressee(d, parts[0]) if len(parts) > 1 else ""
        if person:
            result.append((person, ",".join(parts[1:])))
            continue
        absent = _absent_person(d, parts[0]) if len(parts) > 1 else ""
        if absent:
            result.append((absent, ""))
            continue
        current = parts[0]
        for part in parts[1:]:
            words = tokenize(part)
            if words and words[0] in VERB_WORDS and words[0] not in ("and",):
                result.append(current)
                current = part
            else:
                current = f"{current} and {part}"
        result.append(current)
    return [p for p in result if isinstance(p, tuple) or p.strip()]


def _addressee(d: Draft, text: str) -> str:
    """The character a `name, do this` order speaks to, if the text names one here."""
    words = tokenize(text)
    if not words or words[0] in VERB_WORDS:
        return ""
    try:
        thing = resolve_one(d, tuple(words), "talk", text, held=False)
    except _Fail:
        return ""
    return thing if thing in d.world.characters else ""


def _absent_person(d: Draft, text: str) -> str:
    """A character named at the start of an order who is not here."""
    words = tokenize(text)
    if not words or words[0] in VERB_WORDS:
        return ""
    for char_id, vocab in ((c, d.world.vocab[c]) for c in d.world.characters):
        if all(w in vocab for w in words) and d.char_places.get(char_id) != d.location:
            return char_id
    return ""


def run_one(d: Draft, piece: str | tuple[str, str]) -> bool:
    """Run one command of a line; False stops the rest of the line."""
    d.advanced = False
    if isinstance(piece, tuple):
        return _order(d, *piece)
    text = piece.strip()
    words = tokenize(text)
    if d.pending is not None:
        text, words = _answer_pending(d, text, words)
    if d.phase == "dialogue" and d.dialogue is not None:
        previous_room = d.location
        if choose(d, text):
            d.took_turn = True
            after_action(d, previous_room)
            return True
        if not _about_the_game(words):  # HINT, HELP, SAVE... keep the conversation open
            if not _leaves_menu(d, text, words):
                return False
            end_dialogue(d)
            say(d, "talk.leave", kind="echo")
    if not words:
        say(d, "parser.pardon", kind="error")
        return False
    if d.debug and words[0] in DEBUG_VERBS:
        return debug_verb(d, text)
    if words[0] in ("again", "g") and len(words) == 1:
        if not d.last_command:
            say(d, "parser.cant_repeat", kind="error")
            return False
        text = d.last_command
        if text.startswith("#") and "," in text:
            person, order_text = text[1:].split(",", 1)
            return _order(d, person, order_text)
    elif words[0] in ("oops", "o"):
        fixed = _oops(d, words)
        if fixed is None:
            return False
        text = fixed
    result = parse(d, text)
    if isinstance(result, Failure):
        d.say(result.message, "error")
        d.oops = (text, result.unknown) if result.unknown else None
        d.pending = result.pending
        return False
    d.oops = None
    return _dispatch(d, result)


LINE_VERBS = frozenset({"again", "g", "oops", "o", "undo"})


def _leaves_menu(d: Draft, text: str, words: tuple[str, ...]) -> bool:
    """Whether a line typed while a menu is open leaves it: a command the parser understands
    does (as in Inform and ink games); anything else is answered and the menu stays open."""
    if not words or words[0] in LINE_VERBS or (d.debug and words[0] in DEBUG_VERBS):
        return True
    failure = parse(d, text)
    if not isinstance(failure, Failure):
        return True
    d.say(failure.message, "error")
    count = len(open_choices(d, *d.dialogue))
    say(d, "talk.not_a_choice", d.dialogue[0], kind="error", count=count)
    return False


def _answer_pending(d: Draft, text: str, words: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Treat the line as the answer to "Which do you mean…?" or "What do you want to …?"."""
    template, candidates = d.pending
    d.pending = None
    if not words or (words[0] in VERB_WORDS and words[0] not in d.world.lexicon):
        return text, words
    if not candidates:
        filled = template.replace("{}", " ".join(words))
        return filled, tokenize(filled)
    picked = pick_candidate(d, candidates, words)
    if picked:
        filled = template.replace("{}", "#" + picked)
        return filled, tokenize(filled)
    return text, words


def pick_candidate(d: Draft, candidates: tuple[str, ...], words: tuple[str, ...]) -> str:
    """The one candidate an answer names: by ordinal, words, the exact noun, or what you hold."""
    from game.engine.parser import FILLER, MINE, ORDINALS, words_of
    from game.engine.scope import carried

    mine = any(w in MINE for w in words)
    rest = tuple(w for w in words if w not in FILLER and w not in MINE)
    ordinal = [ORDINALS[w] for w in rest if w in ORDINALS]
    if ordinal and len(rest) == 1:
        index = ordinal[0]
        return candidates[index] if -len(candidates) <= index < len(candidates) else ""
    rest = tuple(w for w in rest if w not in ORDINALS) or rest
    found = [c for c in candidates if rest and all(w in words_of(d, c) for w in rest)]
    if mine and len(found) != 1:
        held = [c for c in (found or candidates) if c in d.world.items and carried(d.world, d, c)]
        found = held or found
    if len(found) > 1:
        exact = [c for c in found if _name_words(d, c)[-1:] == list(rest[-1:])]
        found = exact or found
    if ordinal and len(found) > 1:
        index = ordinal[0]
        found = [found[index]] if -len(found) <= index < len(found) else found
    return found[0] if len(found) == 1 else ""


def _name_words(d: Draft, thing: str) -> list[str]:
    """The words of a thing's name, lower case."""
    from game.engine.names import name

    return name(d, thing).lower().split()


def _oops(d: Draft, words: tuple[str, ...]) -> str | None:
    """OOPS word: the last failed command with its unknown word replaced."""
    if d.oops is None or len(words) < 2:
        say(d, "parser.nothing_to_correct" if d.oops is None else "parser.oops_what", kind="error")
        return None
    text, unknown = d.oops
    replacement = " ".join(words[1:])
    return re.sub(rf"\b{re.escape(unknown)}\b", replacement, text.lower(), count=1)


def _order(d: Draft, person: str, text: str) -> bool:
    """`namra, follow me`."""
    if d.char_places.get(person) != d.location:
        say(d, "parser.not_here", person, kind="error")
        return False
    words = tokenize(text)
    action = ""
    for line in LINES.get(words[0], ()) if words else ():
        if all(t in SLOTS or t in words for t in line.tokens):
            action = AUTHOR_VERB.get(line.action, line.action)
            break
    previous_room = d.location
    d.last_command = f"#{person}, {text}"
    parsed = parse(d, text) if words else None
    order(d, person, action, parsed if isinstance(parsed, Command) else None)
    d.took_turn = True
    after_action(d, previous_room)
    return True


def _dispatch(d: Draft, cmd: Command) -> bool:
    """Carry out a parsed command, meta or in-world."""
    action = cmd.action
    if action in META_ACTIONS:
        return _meta(d, cmd)
    if d.phase == "ended":
        return False
    previous_room = d.location
    d.took_turn = True
    if d.phase == "encounter":
        answered = answer(d, action)
        after_action(d, previous_room, countdown=not answered)
        return True
    d.last_command = cmd.text
    if action == "goto":
        return _goto(d, cmd)
    perform(d, cmd)
    after_action(d, previous_room)
    return True


def perform(d: Draft, cmd: Command) -> None:
    """The action itself: condition limits, instead-responses, then the standard behaviour."""
    world = d.world
    verbs = author_verbs(cmd)
    d.topic = cmd.words
    info = world.player.condition.states.get(d.condition)
    if info is not None and not info.forbid.isdisjoint(verbs):
        d.say(info.refuse or message(d, "condition.forbid"))
        return
    if names_self(cmd):
        meant = toward_self(d, cmd)
        if meant is None:
            return
        cmd, verbs = meant, author_verbs(meant)
    if cmd.obj2:
        note_pronoun(d, cmd.obj2)
    if len(cmd.objs) == 1:
        note_pronoun(d, cmd.objs[0])
    elif len(cmd.objs) > 1:
        d.pronouns = d.pronouns.set("them", tuple(cmd.objs))
    if _instead(d, cmd, verbs):
        return
    if len(verbs) > 1:
        d.actions.append((verbs[0], cmd.objs[0] if cmd.objs else ""))
    if cmd.objs and cmd.objs[0] in world.scenery and cmd.action not in SCENERY_OK:
        key = SCENERY_REFUSALS.get(cmd.action, "scenery.refuse")
        say(d, key, cmd.objs[0])
        return
    if cmd.action in TAKE_FIRST and cmd.objs and not implicit_take(d, cmd.objs[0]):
        return
    if cmd.action in TAKE_SECOND and cmd.obj2 and not implicit_take(d, cmd.obj2):
        return
    if _put_as_use(d, cmd):
        return
    WORLD_ACTIONS[cmd.action](d, cmd)


def author_verbs(cmd: Command) -> tuple[str, ...]:
    """The verbs a world may answer for this command: the word typed (INJECT, INSERT, BREAK),
    when it is one of the vocabulary's verbs, then the action's own name (cure, put, attack).
    A typed word that is itself another action's verb is only part of a phrase here (TURN ON X
    is switch_on, not turn; LOOK IN X is search; TURN X TO 41 is tune), so it does not answer."""
    verb = AUTHOR_VERB.get(cmd.action, cmd.action)
    typed = tokenize(cmd.text)[:1]
    if typed and typed[0] != verb and typed[0] in ACTIONS and typed[0] not in ACTION_VERBS:
        return (typed[0], verb)
    return (verb,)


def _instead(d: Draft, cmd: Command, verbs: tuple[str, ...]) -> bool:
    """Instead-responses of the things named, then of the room, for each verb in turn."""
    world = d.world
    answered = d.memo.get("verbs answered")
    if answered is None:
        answered = d.memo["verbs answered"] = _verbs_answered(world)
    if answered.isdisjoint(verbs):  # no `on:` anywhere in the world has these verbs
        return False
    named = (*cmd.objs[:1], cmd.obj2)
    targets = [world.items.get(t) or world.characters.get(t) or world.scenery.get(t) for t in named]
    room = world.rooms[d.location]
    for verb in verbs:
        for thing, target in zip(named, targets, strict=True):
            if thing and thing == cmd.obj2 and _aimed_at(world, cmd):
                continue  # the item's own rules for this person answer first (in the action)
            if target is not None and respond(d, target.on.get(verb, ()), "message"):
                d.actions.append((verb, thing))
                return True
        if respond(d, room.on.get(verb, ()), "message"):
            d.actions.append((verb, cmd.objs[0] if cmd.objs else ""))
            return True
    for verb in verbs:
        if respond(d, world.on.get(verb, ()), "message"):
            d.actions.append((verb, cmd.objs[0] if cmd.objs else ""))
            return True
    return False


def _verbs_answered(world: World) -> frozenset[str]:
    """Every verb some item, character, scenery, room or the world answers with `on:`."""
    owners = (*world.items.values(), *world.characters.values(), *world.scenery.values())
    verbs = {verb for owner in (*owners, *world.rooms.values()) for verb in owner.on}
    return frozenset(verbs | set(world.on))


AIMED_ACTIONS = frozenset({"give", "show", "put_on", "insert", "plug"})


def _aimed_at(world: World, cmd: Command) -> bool:
    """Whether GIVE/SHOW/PUT names an item whose use rules aim at the second thing named."""
    if cmd.action not in AIMED_ACTIONS:
        return False
    item = world.items.get(cmd.objs[0]) if cmd.objs else None
    return item is not None and any(rule.on == cmd.obj2 for rule in item.use)


def _put_as_use(d: Draft, cmd: Command) -> bool:
    """PUT X ON/IN Y or PLUG X INTO Y where X has use rules for Y: the author's USE X ON Y."""
    if cmd.action not in ("put_on", "insert", "plug") or not _aimed_at(d.world, cmd):
        return False
    rules = [r.response for r in d.world.items[cmd.objs[0]].use if r.on == cmd.obj2]
    if respond(d, rules, "message"):
        d.actions.append(("use", cmd.objs[0]))
        return True
    return False


def _goto(d: Draft, cmd: Command) -> bool:
    """GO TO a visited room, one step per turn, stopping when anything happens on the way."""
    path = route(d, cmd.room)
    if path is None:
        say(d, "go.no_route")
        d.took_turn = False
        return False
    if not path:
        say(d, "go.already_there")
        d.took_turn = False
        return True
    for index, direction in enumerate(path):
        d.advanced = False
        previous_room = d.location
        mark = len(d.out)
        ex = d.world.exits[d.location][direction]
        if _deadly(d, ex.to):
            say(d, "go.stop_short", kind="warning", place=d.world.rooms[ex.to].name)
            d.took_turn = d.took_turn and index > 0
            return index > 0
        if not travel(d, ex):
            after_action(d, previous_room)
            return False
        after_action(d, previous_room)
        interrupted = any(p.kind in ("event", "warning", "dialogue") for p in d.out[mark:])
        if d.ended or d.phase != "exploring" or interrupted:
            return False
    return True


def _deadly(d: Draft, room: str) -> bool:
    """Whether entering a room now would fire an event that ends the game in a death."""
    from game.engine.conditions import holds

    world = d.world
    for event in world.events.values():
        trigger = event.trigger
        if trigger.kind != "enter" or trigger.a != room or trigger.after or event.id in d.fired:
            continue  # (a delayed event does not fire on the way in)
        deaths = [e for e in event.do if e.op == "end" and world.endings[e.args[0]].kind == "death"]
        if deaths and holds(d, event.when):
            return True
    return False


def _meta(d: Draft, cmd: Command) -> bool:
    """Commands about the game: they take no time."""
    action = cmd.action
    if action in META_HANDLERS:
        META_HANDLERS[action](d, cmd)
    elif action == "again":
        say(d, "parser.cant_repeat", kind="error")
    elif action in ("save", "restore"):
        parts = cmd.text.strip().split(None, 1)
        d.request(action, parts[1].strip() if len(parts) > 1 else "")
    elif action == "quit":
        d.request("quit")
    elif action in ("transcript_on", "transcript_off"):
        d.request("transcript", action.rsplit("_", 1)[1])
    elif action == "restart":
        _restart(d)
    elif action == "oops":
        say(d, "parser.nothing_to_correct", kind="error")
    elif action == "undo":
        say(d, "parser.undo_alone", kind="error")
    return True


def _restart(d: Draft) -> None:
    """Start again from the beginning (UNDO can take it back)."""
    fresh = Draft(d.world, initial_state(d.world, d.seed))
    _opening(fresh)
    for name in MOMENT_FIELDS:
        if name not in KEPT_ON_RESTART:
            setattr(d, name, getattr(fresh, name))
    d.out.extend(fresh.out)
    d.took_turn = True


__all__ = ["look", "new_game", "step"]
