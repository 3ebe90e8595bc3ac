"""Turning one command's words into an action with resolved objects, as IF players expect."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from game.engine.draft import Draft
from game.engine.grammar import (
    DIRECTION_WORDS,
    GRAMMAR_WORDS,
    LINES,
    SLOTS,
    VERB_WORDS,
    Line,
)
from game.engine.library import message
from game.engine.names import the
from game.engine.scope import carried, in_scope, is_lit, room_items
from game.model import PLAYER, World
from game.model.messages import DEFAULTS
from game.model.record import record

ARTICLES = frozenset({"the", "a", "an", "your", "some", "this", "that", "these", "those"})
MINE = frozenset({"my", "mine"})
ORDINALS = {
    "first": 0, "1": 0, "1st": 0, "second": 1, "2": 1, "2nd": 1, "third": 2, "3": 2, "3rd": 2,
    "fourth": 3, "4": 3, "4th": 3, "fifth": 4, "5": 4, "5th": 4, "last": -1,
}  # fmt: skip
FILLER = frozenset({"one", "ones", "the", "a", "an"})
PRONOUNS = frozenset({"it", "him", "her", "them"})
SELF_WORDS = frozenset({"me", "myself", "self", "yourself"})
ALL_WORDS = frozenset({"all", "everything", "every", "each"})
EXCEPT_WORDS = frozenset({"but", "except", "excluding"})
WORD_RE = re.compile(r"#[\w.]+|\d+(?:\.\d+)+|[^\W_][\w'\-]*|\?")
MAX_TOKENS = 40
OBJECT_SLOTS = frozenset({"OBJ", "OBJ2", "HELD", "MULTI", "MULTIHELD"})
MULTI_SLOTS = frozenset({"MULTI", "MULTIHELD"})
PREFER_HELD = frozenset(
    {"drop", "insert", "put_on", "give", "show", "wear", "eat", "drink", "throw", "use", "pour"}
)
NOTHING_FOR_ALL = {
    "take": "parser.nothing_to_take",
    "take_from": "parser.nothing_to_take_from",
    "drop": "parser.carrying_nothing",
    "insert": "parser.carrying_nothing",
    "put_on": "parser.carrying_nothing",
}
KEY_ACTIONS = frozenset({"unlock", "lock", "open"})
PEOPLE_ACTIONS = frozenset({"talk", "ask", "tell", "kiss", "wake", "follow", "say"})
PREFER_NOT_HELD = frozenset({"take", "take_from"})


@record
class Command:
    """A parsed command: the action and what it applies to."""

    action: str
    objs: tuple[str, ...] = ()
    obj2: str = ""
    direction: str = ""
    words: tuple[str, ...] = ()
    room: str = ""
    text: str = ""
    multi: bool = False


@record
class Failure:
    """A command that could not be understood, with the message to show."""

    message: str
    unknown: str = ""  # the unknown word, for OOPS
    pending: tuple[str, tuple[str, ...]] | None = None  # disambiguation to ask


class _Fail(Exception):
    """Raised inside resolution; carries the Failure."""

    def __init__(self, failure: Failure) -> None:
        self.failure = failure


@functools.lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[str, ...]:
    """Lower-case words without articles."""
    words = WORD_RE.findall(text.lower().replace("’", "'"))
    return tuple(w for w in words if w not in ARTICLES)[:MAX_TOKENS]


def known_word(d: Draft, word: str) -> bool:
    """Whether the parser knows a word at all."""
    return (
        word in GRAMMAR_WORDS
        or word in d.world.lexicon
        or word in ARTICLES
        or word in MINE
        or word in PRONOUNS
        or word in SELF_WORDS
        or _possessive(d, word)
        or word in ALL_WORDS
        or word in EXCEPT_WORDS
        or word == "and"
        or word.startswith("#")
    )


def _possessive(d: Draft, word: str) -> bool:
    """`han's`, `librarian's`: a character's name with 's, read as a possessive and set aside."""
    if not word.endswith("'s") or word in d.world.lexicon:
        return False
    base = word[:-2]
    return any(base in d.world.vocab[c] for c in d.world.characters)


def seen_words(d: Draft) -> frozenset[str]:
    """The words a suggestion may use: things in scope, places visited, things carried before."""
    words: set[str] = set()
    for thing in scope_ids(d):
        words |= d.world.vocab[thing]
    for thing in d.moved:
        words |= d.world.vocab.get(thing, frozenset())
    world = d.world
    for item_id, place in d.places.items():
        if place in d.visited and world.items[item_id].door is None:
            words |= world.vocab[item_id]
    for char_id, place in d.char_places.items():
        if place in d.visited:
            words |= world.vocab[char_id]
    for room in d.visited:
        words.update(d.world.rooms[room].name.lower().replace(",", " ").split())
    return frozenset(words)


def unknown_failure(d: Draft, word: str) -> Failure:
    """`I don't know the word 'xyzzy'.` with the nearest known word."""
    seen = seen_words(d)
    close = nearest_word(word, GRAMMAR_WORDS | seen, seen | likely_words(d))
    hint = message(d, "parser.did_you_mean", word=close) if close else ""
    text = message(d, "parser.unknown_word", word=word)
    return Failure(" ".join(p for p in (text, hint) if p), unknown=word)


def likely_words(d: Draft) -> frozenset[str]:
    """Words the player is likely to mean now: this room's exits and the last command's words."""
    exits = d.world.exits.get(d.location, {})
    return frozenset(exits) | frozenset(d.last_command.lower().split())


@functools.lru_cache(maxsize=1024)
def nearest_word(
    word: str, vocabulary: frozenset[str], preferred: frozenset[str] = frozenset()
) -> str:
    """The known word the player most likely meant: a word it begins (`sou` -> `south`) before a
    swap of two letters before one changed, added or dropped letter; the world's and the
    moment's words (`preferred`) first within each kind, then the nearest in length."""
    near = [(rank, v) for v in vocabulary if (rank := _likeness(word, v)) is not None]
    if near:
        return min(
            near, key=lambda rv: (rv[0], rv[1] not in preferred, abs(len(rv[1]) - len(word)), rv[1])
        )[1]
    import difflib  # rarely reached: kept out of start-up

    close = difflib.get_close_matches(word, sorted(vocabulary), n=1, cutoff=0.75)
    return close[0] if close else ""


def _likeness(word: str, known: str) -> int | None:
    """How a typed word relates to a known one: 0 begins it, 1 swapped letters, 2 one edit."""
    if len(word) < 3 or len(known) < 3 or word == known:
        return None
    if known.startswith(word):
        return 0
    if not _one_edit(word, known):
        return None
    return 1 if sorted(known) == sorted(word) else 2


def _one_edit(a: str, b: str) -> bool:
    """Whether b is a with one letter swapped with its neighbour, changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def parse(d: Draft, text: str) -> Command | Failure:
    """Parse one command's text."""
    tokens = tokenize(text)
    if not tokens:
        return Failure(message(d, "parser.pardon"))
    first = tokens[0]
    lines = LINES.get(first, ()) + LINES.get("", ())
    failures: list[Failure] = []
    for line, slots in _matches(tokens):
        try:
            return _resolve(d, line, slots, text)
        except _Fail as fail:
            failures.append(fail.failure)
    for word in tokens:
        if not known_word(d, word):
            return unknown_failure(d, word)
    if failures:
        return _best(failures)
    asked = _ask_for_noun(d, tokens, lines)
    if asked is not None:
        return asked
    if first not in VERB_WORDS:
        if first in d.world.lexicon:
            return Failure(message(d, "parser.noun_without_verb", word=first))
        return Failure(message(d, "parser.not_a_verb"))
    return Failure(message(d, "parser.understood_as_far_as", verb=first))


def _ask_for_noun(d: Draft, tokens: tuple[str, ...], lines: tuple[Line, ...]) -> Failure | None:
    """`x` alone: "What do you want to examine?", and the next line answers it."""
    for line in lines:
        fixed = line.tokens[: len(tokens)]
        rest = line.tokens[len(tokens) :]
        if fixed != tokens or not rest or rest[0] not in OBJECT_SLOTS:
            continue
        if any(t in SLOTS for t in rest[1:]):
            continue
        verb = " ".join(tokens) if len(tokens[0]) > 2 else line.action.replace("_", " ")
        template = " ".join(tokens) + " {}" + "".join(" " + t for t in rest[1:])
        return Failure(message(d, "parser.ask_noun", verb=verb), pending=(template, ()))
    return None


def _best(failures: list[Failure]) -> Failure:
    """The most useful of several failures: a question first, then the first one."""
    for failure in failures:
        if failure.pending:
            return failure
    return failures[0]


@functools.lru_cache(maxsize=4096)
def _matches(tokens: tuple[str, ...]) -> tuple[tuple[Line, dict], ...]:
    """Every (grammar line, slot -> words) the tokens fit, in the order they are tried (the
    grammar is fixed, so this depends on the words alone: worked out once per command text)."""
    lines = LINES.get(tokens[0], ()) + LINES.get("", ())
    return tuple((line, slots) for line in lines for slots in _match(line.tokens, 0, tokens, 0, {}))


def _match(
    pattern: tuple[str, ...], i: int, tokens: tuple[str, ...], j: int, acc: dict
) -> Iterator[dict]:
    """Every way the tokens fit the pattern, as slot -> words."""
    if i == len(pattern):
        if j == len(tokens):
            yield acc
        return
    part = pattern[i]
    if part not in SLOTS:
        if j < len(tokens) and tokens[j] == part:
            yield from _match(pattern, i + 1, tokens, j + 1, acc)
        return
    if part == "DIR":
        if j < len(tokens) and tokens[j] in DIRECTION_WORDS:
            yield from _match(pattern, i + 1, tokens, j + 1, {**acc, part: (tokens[j],)})
        return
    ends = [len(tokens)] if i == len(pattern) - 1 else range(j + 1, len(tokens))
    for end in ends:
        if end > j:
            yield from _match(pattern, i + 1, tokens, end, {**acc, part: tuple(tokens[j:end])})


def _resolve(d: Draft, line: Line, slots: dict, text: str) -> Command:
    """Resolve every slot of a matched line; the first object slot is the direct object."""
    if not slots:  # a line of fixed words (INVENTORY, LOOK, WAIT): nothing to resolve
        return Command(line.action, text=text)
    fields: dict = {"action": line.action, "text": text}
    if "DIR" in slots:
        fields["direction"] = DIRECTION_WORDS[slots["DIR"][0]]
    for slot in ("TOPIC", "TEXT"):
        if slot in slots:
            fields["words"] = slots[slot]
    if "ROOM" in slots:
        fields["room"] = _resolve_room(d, slots["ROOM"])
    order = _object_slots(line.tokens)
    single: dict[str, str] = {}
    for slot in order:
        if slot not in MULTI_SLOTS:
            partner = next(iter(single.values()), "")
            single[slot] = resolve_one(d, slots[slot], line.action, text, slot == "HELD", partner)
    many: tuple[str, ...] = ()
    for slot in order:
        if slot in MULTI_SLOTS:
            other = next(iter(single.values()), "") if line.action == "take_from" else ""
            many, fields["multi"] = resolve_many(
                d, slots[slot], line.action, text, slot == "MULTIHELD", other
            )
    resolved = [many if slot in MULTI_SLOTS else (single[slot],) for slot in order]
    if resolved:
        fields["objs"] = resolved[0]
    if len(resolved) > 1:
        fields["obj2"] = resolved[1][0]
    return Command(**fields)


@functools.lru_cache(maxsize=1024)
def _object_slots(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A grammar line's object slots, OBJ2 last (the direct object is resolved first)."""
    return tuple(sorted((t for t in tokens if t in OBJECT_SLOTS), key=lambda t: t == "OBJ2"))


def _resolve_room(d: Draft, words: tuple[str, ...]) -> str:
    """A visited room named by the words."""
    matches = []
    for room_id in sorted(d.visited):
        name_words = set(d.world.rooms[room_id].name.lower().replace(",", " ").split())
        if all(w in name_words or w in ARTICLES for w in words):
            matches.append(room_id)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        for word in words:
            if not known_word(d, word):
                raise _Fail(unknown_failure(d, word))
        raise _Fail(Failure(message(d, "parser.no_such_place")))
    names = [d.world.rooms[r].name for r in matches]
    raise _Fail(Failure(message(d, "parser.which_place", options=_or_list(names))))


def words_of(d: Draft, thing: str) -> frozenset[str]:
    """The words that name an item, character or scenery."""
    return d.world.vocab[thing]


def _noun_phrase(d: Draft, words: tuple[str, ...]) -> tuple[tuple[str, ...], bool, str]:
    """The words that name the thing (OF, MY and possessives set aside), whether MY was said,
    and the first word the parser does not know ('' if none): worked out once per phrase."""
    memo = d.memo
    found = memo.get(("phrase", words))
    if found is None:
        kept = tuple(w for w in words if w != "of") or words
        mine = bool(kept) and kept[0] in MINE
        kept = tuple(w for w in kept if w not in MINE and not _possessive(d, w)) or kept
        unknown = next((w for w in kept if not known_word(d, w)), "")
        found = (kept, mine, unknown)
        if len(memo) < 20_000:  # bounded: one entry per distinct phrase the player types
            memo[("phrase", words)] = found
    return found


def _named_by(d: Draft, words: tuple[str, ...]) -> frozenset[str]:
    """Every item, character and scenery id whose words include all of `words`."""
    memo = d.memo
    found = memo.get(("named", words))
    if found is None:
        world = d.world
        index = memo.get("named by")
        if index is None:
            index = memo["named by"] = _word_index(world)
        sets = [index.get(w, frozenset()) for w in words]
        found = frozenset.intersection(*sets) if sets else frozenset(world.vocab)
        if len(memo) < 20_000:  # bounded: one entry per distinct phrase the player names
            memo[("named", words)] = found
    return found


def _word_index(world: World) -> dict[str, frozenset[str]]:
    """Word -> the ids it names (from the world's vocabulary)."""
    index: dict[str, set[str]] = {}
    for thing, words in world.vocab.items():
        for word in words:
            index.setdefault(word, set()).add(thing)
    return {word: frozenset(things) for word, things in index.items()}


def name_of(d: Draft, thing: str) -> str:
    """The name of an item, character or scenery."""
    world = d.world
    obj = world.items.get(thing) or world.characters.get(thing) or world.scenery.get(thing)
    return obj.name


def scope_ids(d: Draft) -> list[str]:
    """Everything that can be named now, including the room's scenery."""
    ids = in_scope(d.world, d)
    if is_lit(d.world, d):
        ids += [s.id for s in d.world.rooms[d.location].scenery]
    return ids


def resolve_one(
    d: Draft, words: tuple[str, ...], action: str, text: str, held: bool, partner: str = ""
) -> str:
    """One object named by the words, or a failure (unknown word, unseen, ambiguous)."""
    if len(words) == 1 and words[0].startswith("#"):
        thing = words[0][1:]
        if thing in scope_ids(d):
            return thing
        raise _Fail(Failure(message(d, "parser.cant_see_any_more")))
    if len(words) == 1 and words[0] in PRONOUNS:
        return _pronoun(d, words[0])
    if len(words) == 1 and words[0] in SELF_WORDS:
        return PLAYER
    words, mine, unknown = _noun_phrase(d, words)
    held = held or mine
    if unknown:
        raise _Fail(unknown_failure(d, unknown))
    named = _named_by(d, words)
    matches = [t for t in scope_ids(d) if t in named]
    if not matches:
        if not is_lit(d.world, d):
            raise _Fail(Failure(message(d, "parser.too_dark")))
        raise _Fail(Failure(_places_named(d, words) or message(d, "parser.cant_see")))
    matches = _prefer(d, matches, words, action, held)
    if len(matches) > 1 and partner and action in KEY_ACTIONS:
        fits = [m for m in matches if m == _key_of(d, partner)]
        matches = fits or matches
    if len(matches) > 1:
        template = _template(text, words)
        names = [the(d, t) for t in matches]
        question = message(d, "parser.which", options=_or_list(names))
        raise _Fail(Failure(question, pending=(template, tuple(matches))))
    return matches[0]


def _places_named(d: Draft, words: tuple[str, ...]) -> str:
    """`x trailer` in the yard: the room it names, here or one exit away, or ''."""
    rooms = d.world.rooms
    wanted = [w for w in words if w not in ARTICLES]
    if not wanted:
        return ""
    here = rooms[d.location]
    if all(w in _name_words(here.name) for w in wanted):
        return message(d, "parser.place_here", place=here.name)
    near = []
    for ex in here.exits:
        if ex.hidden_until and not d.flags.get(ex.hidden_until):
            continue
        if all(w in _name_words(rooms[ex.to].name) for w in wanted):
            near.append(f"{rooms[ex.to].name} ({ex.direction})")
    if not near:
        return ""
    return message(d, "parser.place_there", list=", ".join(dict.fromkeys(near)))


@functools.lru_cache(maxsize=1024)
def _name_words(name: str) -> frozenset[str]:
    """The lower-case words of a room's name."""
    return frozenset(WORD_RE.findall(name.lower().replace("’", "'")))


def _key_of(d: Draft, thing: str) -> str:
    """The key that fits a lockable thing, if it has one."""
    item = d.world.items.get(thing)
    spec = item and (item.door or item.container)
    return spec.key if spec else ""


def _pronoun(d: Draft, word: str) -> str:
    """What it/him/her/them means now."""
    thing = d.pronouns.get(word)
    if isinstance(thing, tuple):
        visible = [t for t in thing if t in scope_ids(d)]
        if len(visible) != 1:
            raise _Fail(Failure(message(d, "parser.pronoun_several", word=word)))
        thing = visible[0]
    if not thing:
        raise _Fail(Failure(message(d, "parser.pronoun_unset", word=word)))
    if thing not in scope_ids(d):
        raise _Fail(Failure(message(d, "parser.pronoun_gone", thing)))
    return thing


def _prefer(
    d: Draft, matches: list[str], words: tuple[str, ...], action: str, held: bool
) -> list[str]:
    """Narrow an ambiguous match the way players expect."""
    unique = list(dict.fromkeys(matches))
    if len(unique) == 1:
        return unique
    if held or action in PREFER_HELD:
        narrowed = [t for t in unique if t in d.world.items and carried(d.world, d, t)]
    elif action in PREFER_NOT_HELD:
        narrowed = [t for t in unique if t in d.world.items and not carried(d.world, d, t)]
    else:
        narrowed = []
    if narrowed:
        unique = narrowed
    if len(unique) > 1 and action in PEOPLE_ACTIONS:
        people = [t for t in unique if t in d.world.characters]
        unique = people or unique
    if len(unique) > 1:
        forms = {words[-1], words[-1] + "s", words[-1].removesuffix("s")}
        by_noun = [t for t in unique if not forms.isdisjoint(_nouns(d, t))]
        if by_noun:
            unique = by_noun
    if len(unique) > 1:
        exact = [t for t in unique if name_of(d, t).lower() == " ".join(words)]
        if len(exact) == 1:
            unique = exact
    return unique


def _nouns(d: Draft, thing: str) -> frozenset[str]:
    """Just the nouns of a thing."""
    world = d.world
    obj = world.items.get(thing) or world.characters.get(thing) or world.scenery.get(thing)
    return obj.nouns


def _template(text: str, words: tuple[str, ...]) -> str:
    """The command text with the ambiguous phrase replaced by {}."""
    tokens = tokenize(text)
    for start in range(len(tokens) - len(words) + 1):
        if tuple(tokens[start : start + len(words)]) == words:
            rebuilt = [*tokens[:start], "{}", *tokens[start + len(words) :]]
            return " ".join(rebuilt)
    return text


def _or_list(names: list[str]) -> str:
    """`the a, the b or the c`."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def resolve_many(
    d: Draft, words: tuple[str, ...], action: str, text: str, held: bool, container: str
) -> tuple[tuple[str, ...], bool]:
    """Several objects: ALL, ALL BUT/EXCEPT, lists with AND or commas."""
    if words and words[0] in ALL_WORDS:
        rest = words[1:]
        if rest and rest[0] == "of":
            rest = rest[1:]
        excluded: set[str] = set()
        if rest and rest[0] in EXCEPT_WORDS:
            for phrase in _split_and(rest[1:]):
                excluded.add(resolve_one(d, phrase, action, text, held))
        elif rest:
            raise _Fail(Failure(message(d, "parser.after_all")))
        chosen = [t for t in _all_candidates(d, action, held, container) if t not in excluded]
        if not chosen:
            key = NOTHING_FOR_ALL.get(action, "parser.nothing_suitable")
            raise _Fail(Failure(message(d, key)))
        return tuple(chosen), True
    if words == ("them",) and isinstance(d.pronouns.get("them"), tuple):
        visible = tuple(t for t in d.pronouns["them"] if t in scope_ids(d))
        if visible:
            return visible, len(visible) > 1
    phrases = _split_and(words)
    objs = tuple(dict.fromkeys(resolve_one(d, p, action, text, held) for p in phrases))
    return objs, len(phrases) > 1


def _split_and(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Split a noun list on 'and'."""
    phrases: list[tuple[str, ...]] = []
    current: list[str] = []
    for word in words:
        if word == "and":
            if current:
                phrases.append(tuple(current))
            current = []
        else:
            current.append(word)
    if current:
        phrases.append(tuple(current))
    if not phrases:
        raise _Fail(Failure(DEFAULTS["parser.name_something"]))
    return phrases


def _all_candidates(d: Draft, action: str, held: bool, container: str) -> list[str]:
    """What ALL means for an action."""
    from game.engine.scope import contents

    world = d.world
    if container:
        return [i for i in contents(d, container) if world.items[i].portable]
    if held or action in PREFER_HELD:
        return contents(d, "player")
    if not is_lit(world, d):
        return []
    return [i for i in room_items(world, d) if world.items[i].portable]
