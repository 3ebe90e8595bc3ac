"""The noun audit: every thing a text shows the player must answer when the player names it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import yaml

from game.authoring.findings import Finding
from game.authoring.nounscope import Scopes, home
from game.authoring.nounwords import (
    ADJECTIVES,
    BODY,
    DETERMINERS,
    ED_ING_NOUNS,
    NOT_THINGS,
    STOP,
    UNTOUCHABLE,
    VERBS,
    looks_like_adverb,
    variants,
)
from game.model import World
from game.model.reader import Where

TEXT_KEYS = frozenset(
    "description first text say reply initial present readable dark_description refuse "
    "event warn fixed default_reply default_order intro".split()
)
SKIPPED_SECTIONS = frozenset({"endings", "hints", "tests", "game", "player"})
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
SENTENCE_END = re.compile(r"[.!?;:—–()]")


@attrs.frozen
class Text:
    """One text a player can be shown, where it is written, and who owns it."""

    text: str
    where: Where
    section: str
    owner: str
    label: str
    target: str = ""  # the thing a use rule aims at: its text is shown where that thing is


@attrs.frozen
class Mention:
    """A noun a text names, at its own place in the file."""

    word: str
    where: Where


@attrs.frozen
class NounAudit:
    """The audit's result: what each text mentions and what nothing answers to."""

    findings: tuple[Finding, ...]
    mentioned: int
    unanswered: int

    def summary(self) -> str:
        """`nouns: 812 mentioned, 0 unanswered`."""
        return f"nouns: {self.mentioned} mentioned, {self.unanswered} unanswered"


def audit(world: World) -> NounAudit:
    """Find every noun the player is shown and report those nothing in scope answers to."""
    scopes = Scopes(world)
    texts = world_texts(world)
    verbs = _verbs_of(texts)
    findings: list[Finding] = []
    mentioned = 0
    places = _place_words(world)
    scopes.vocabulary |= places
    for text in texts:
        scope = scopes.of(text.section, text.owner) | scopes.of_thing(text.target)
        nearby = _nearby_place_words(world, scopes.rooms_of(text.section, text.owner))
        for mention in mentions(text, scopes.vocabulary, verbs):
            if mention.word in places and (nearby is None or mention.word in nearby):
                continue
            mentioned += 1
            if _answers(mention.word, scope):
                continue
            if mention.word in places:
                findings.append(_far_place(text, mention))
            else:
                findings.append(_unanswered(world, text, mention))
    findings.extend(wrong_objects(world, texts, scopes, verbs))
    unanswered = sum(f.kind == "noun_unanswered" for f in findings)
    return NounAudit(tuple(findings), mentioned, unanswered)


def _place_words(world: World) -> frozenset[str]:
    """Words of room and region names: places are gone to, not examined."""
    words: set[str] = set()
    for room in world.rooms.values():
        for name in (room.name, room.region):
            for raw in WORD.findall(name):
                words.update(variants(_plain(raw)))
    return frozenset(words)


def _nearby_place_words(world: World, rooms: set[str]) -> frozenset[str] | None:
    """Words of the names of these rooms, the rooms one exit away and their regions: a player
    who names one is told where it is (the parser's `parser.place_here`/`place_there`).
    None when the text can be shown anywhere."""
    if not rooms:
        return None
    names: set[str] = set()
    for room_id in rooms:
        room = world.rooms[room_id]
        names.update((room.name, room.region))
        names.update(world.rooms[ex.to].name for ex in room.exits)
    return frozenset(
        v for name in names for raw in WORD.findall(name) for v in variants(_plain(raw))
    )


def _answers(word: str, scope: frozenset[str]) -> bool:
    """Whether a word, or its singular or plural, is a noun something in scope answers to."""
    return any(form in scope for form in variants(word))


def _far_place(text: Text, mention: Mention) -> Finding:
    """A place named where neither it nor a room next to it is: EXAMINE finds nothing."""
    return Finding(
        "noun_far_place",
        mention.where,
        f"{text.label} names the place '{mention.word}', which is neither here nor one exit "
        "away, so EXAMINE finds nothing",
        f"give the room scenery '{mention.word}' (how it looks from here), or reword the text",
    )


def _unanswered(world: World, text: Text, mention: Mention) -> Finding:
    """The finding for a noun nothing in scope answers to."""
    where = text.owner if text.section == "rooms" else home(world, text.section, text.owner)
    place = f"in '{where}'" if where else "where it is shown"
    fix = (
        f"add scenery '{mention.word}' to room '{where}'"
        if where in world.rooms
        else f"add '{mention.word}' to the words of {text.section[:-1]} '{text.owner}'"
    )
    return Finding(
        "noun_unanswered",
        mention.where,
        f"{text.label} mentions '{mention.word}' but nothing {place} answers to it",
        fix + " (with its own description), or reword the text",
    )


def world_texts(world: World) -> tuple[Text, ...]:
    """Every player-facing text of the world's files, with its place and owner."""
    return tuple(_read_texts(world))


def _read_texts(world: World) -> Iterator[Text]:
    """Read the world's files again for their text scalars."""
    for path in sorted(_files(world)):
        try:
            root = yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        except (OSError, yaml.YAMLError, UnicodeDecodeError):
            continue
        if not isinstance(root, yaml.MappingNode):
            continue
        for key, value in root.value:
            section = key.value
            if section in SKIPPED_SECTIONS or not isinstance(value, yaml.MappingNode):
                continue
            for id_node, body in value.value:
                owner = str(id_node.value)
                yield from _texts_in(body, path, section, owner, [], "")


def _files(world: World) -> set[str]:
    """The files the world was read from."""
    things = [*world.rooms.values(), *world.items.values(), *world.characters.values()]
    things += [*world.events.values()]
    return {t.where.path for t in things if t.where is not None}


def _texts_in(
    node: yaml.Node, path: str, section: str, owner: str, keys: list[str], target: str
) -> Iterator[Text]:
    """Walk one definition's nodes for text scalars under text keys."""
    if isinstance(node, yaml.MappingNode):
        target = _aim(node, keys) or target
        for key_node, value in node.value:
            yield from _texts_in(value, path, section, owner, [*keys, str(key_node.value)], target)
    elif isinstance(node, yaml.SequenceNode):
        for value in node.value:
            yield from _texts_in(value, path, section, owner, keys, target)
    elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        if keys == ["initial"] and section == "characters":
            return  # a character's first state, not a text
        if keys and keys[-1] in TEXT_KEYS and node.value.strip():
            label = _label(section, owner, keys)
            where = Where(path, node.start_mark.line + 1, node.start_mark.column + 1)
            yield Text(node.value, where, section, owner, label, target)
        elif section == "rooms" and len(keys) == 2 and keys[0] == "scenery":
            where = Where(path, node.start_mark.line + 1, node.start_mark.column + 1)
            yield Text(node.value, where, section, owner, _label(section, owner, keys))


def _aim(node: yaml.MappingNode, keys: list[str]) -> str:
    """The thing a response is shown beside: a use rule's `on:`, or a `when: {here: X}`."""
    fields = {str(k.value): v for k, v in node.value}
    aim = fields.get("on") if keys and keys[-1] == "use" else None
    if isinstance(aim, yaml.ScalarNode):
        return str(aim.value)
    when = fields.get("when")
    conditions = when.value if isinstance(when, yaml.SequenceNode) else [when]
    for cond in conditions:
        if isinstance(cond, yaml.MappingNode):
            here = {str(k.value): v for k, v in cond.value}.get("here")
            if isinstance(here, yaml.ScalarNode):
                return str(here.value)
    return ""


def _label(section: str, owner: str, keys: list[str]) -> str:
    """How a finding names the text: `room 'yard' (scenery wall, description)`."""
    kind = {"rooms": "room", "items": "item", "characters": "character", "events": "event"}
    inner = ", ".join(k for k in keys if k not in ("on",))
    return f"{kind.get(section, section)} '{owner}'" + (f" ({inner})" if inner else "")


def _verbs_of(texts: tuple[Text, ...]) -> frozenset[str]:
    """Verb forms: the stock list, plus every word the world's prose puts after 'you'."""
    forms = set(VERBS)
    for text in texts:
        for match in re.finditer(r"\byou (\w+)", text.text.lower()):
            base = match.group(1)
            if base in STOP or base in DETERMINERS:
                continue
            forms.update({base + "s", base + "es"})
            if base.endswith("y"):
                forms.add(base[:-1] + "ies")
    return frozenset(forms)


def mentions(text: Text, vocabulary: set[str], verbs: frozenset[str]) -> Iterator[Mention]:
    """The nouns a text names: heads of determiner phrases, and any word of the world's vocabulary."""
    body = QUOTED.sub(lambda m: " " * len(m.group(0)), text.text)
    seen: set[str] = set()
    for sentence_start, sentence in _sentences(body):
        for offset, word in _nouns_of(sentence, vocabulary, verbs):
            if word in seen:
                continue
            seen.add(word)
            yield Mention(word, _locate(text, sentence_start + offset, word))


def _sentences(body: str) -> Iterator[tuple[int, str]]:
    """Pieces of text between sentence and clause breaks, with their offsets."""
    start = 0
    for match in SENTENCE_END.finditer(body):
        yield start, body[start : match.start()]
        start = match.end()
    yield start, body[start:]


def _nouns_of(
    sentence: str, vocabulary: set[str], verbs: frozenset[str]
) -> Iterator[tuple[int, str]]:
    """Noun heads in one clause, with their offsets."""
    tokens = [(m.start(), m.group(0)) for m in WORD.finditer(sentence)]
    gaps = [
        sentence[tokens[i][0] + len(tokens[i][1]) : tokens[i + 1][0]]
        for i in range(len(tokens) - 1)
    ]
    i = 0
    while i < len(tokens):
        offset, raw = tokens[i]
        word = _plain(raw)
        contraction = raw.lower().endswith(("'s", "’s")) and (word in STOP or word in DETERMINERS)
        possessive = raw.lower().endswith(("'s", "’s")) and i + 1 < len(tokens) and not contraction
        opens_phrase = word in DETERMINERS and not contraction and not _broken_after(gaps, i)
        if opens_phrase or possessive:
            head, j = _phrase_head(tokens, gaps, i + 1, verbs, vocabulary)
            if head is not None:
                yield head
            i = max(j, i + 1)
            continue
        if (
            word in vocabulary
            and word not in ADJECTIVES
            and _is_thing(word, verbs)
            and not any(form in NOT_THINGS for form in variants(word))
            and not _capital_start(i, raw)
            and not _modifies_next(tokens, gaps, i, verbs)
        ):
            yield offset, word
        i += 1


def _broken_after(gaps: list[str], i: int) -> bool:
    """Whether punctuation follows a word ('except one, weeks later': no phrase after 'one')."""
    return i < len(gaps) and bool(gaps[i].strip(" "))


def _modifies_next(tokens, gaps, i: int, verbs: frozenset[str]) -> bool:
    """Whether a word stands before another thing-word with nothing between ('iron gate')."""
    if i + 1 >= len(tokens) or gaps[i].strip(" "):
        return False
    return _is_thing(_plain(tokens[i + 1][1]), verbs)


def _phrase_head(
    tokens, gaps, start: int, verbs: frozenset[str], known: set[str]
) -> tuple[tuple[int, str] | None, int]:
    """The last word of a noun phrase that starts at `start` (adjectives and modifiers before it)."""
    head = None
    j = start
    while j < len(tokens) and j - start < 5:
        offset, raw = tokens[j]
        word = _plain(raw)
        if raw[:1].isupper() and j > start:
            break
        if _describes(word):
            j += 1
            if j - 1 < len(gaps) and gaps[j - 1].strip(" -"):
                break
            continue
        if word in BODY or word in UNTOUCHABLE:
            return None, j + 1  # 'a careful hand', 'a gritty shriek': the head is left out
        if not _is_thing(word, verbs) or raw[:1].isupper():
            break
        if head is not None and _verb_shaped(word) and head[1] in known and word not in known:
            break
        head = (offset, word)
        if raw.lower().endswith(("'s", "’s")) or (j < len(gaps) and gaps[j].strip(" -")):
            j += 1
            break
        j += 1
    if head is not None and (
        any(form in NOT_THINGS for form in variants(head[1])) or head[1] in ADJECTIVES
    ):
        head = None
    return head, j


def _verb_shaped(word: str) -> bool:
    """A word shaped like a present-tense verb after a noun ('the lever sticks out')."""
    return word.endswith("s") and not word.endswith("ss")


def _describes(word: str) -> bool:
    """An adjective, participle or adverb inside a noun phrase ('a sagging, rusted gate')."""
    if word in ADJECTIVES or looks_like_adverb(word) or "-" in word.strip("-"):
        return True
    return word.endswith(("ed", "ing")) and word not in ED_ING_NOUNS and word not in STOP


def _is_thing(word: str, verbs: frozenset[str]) -> bool:
    """Whether a word can be the name of a thing (not a function word, verb or adverb)."""
    return (
        len(word) > 2
        and word not in STOP
        and word not in DETERMINERS
        and word not in verbs
        and word not in BODY
        and word not in UNTOUCHABLE
        and (word in ED_ING_NOUNS or not word.endswith(("ed", "ing")))
        and not looks_like_adverb(word)
        and word.isalpha()
    )


def _capital_start(index: int, raw: str) -> bool:
    """A capitalised word (a name, or a sentence's first word) is left to the phrase rule."""
    return index == 0 and raw[:1].isupper()


def _plain(raw: str) -> str:
    """A token as a bare lower-case word (no possessive)."""
    word = raw.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word.strip("'")


@functools.lru_cache(maxsize=64)
def _lines(path: str, mtime: float) -> tuple[str, ...]:
    """A file's lines (cached while the file is unchanged)."""
    del mtime
    return tuple(Path(path).read_text(encoding="utf-8").splitlines())


def _locate(text: Text, offset: int, word: str) -> Where:
    """The file position of a word in a text: searched for in the source from the text's start."""
    try:
        lines = _lines(text.where.path, Path(text.where.path).stat().st_mtime)
    except (OSError, UnicodeDecodeError):
        return text.where
    pattern = re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)
    for n in range(text.where.line - 1, min(len(lines), text.where.line + 60)):
        line = lines[n]
        start = text.where.col - 1 if n == text.where.line - 1 else 0
        match = pattern.search(line, start)
        if match:
            return Where(text.where.path, n + 1, match.start() + 1)
    del offset
    return text.where


def wrong_objects(
    world: World, texts: tuple[Text, ...], scopes: Scopes, verbs: frozenset[str]
) -> Iterator[Finding]:
    """A word a room's text names as its own thing that answers to a scenery about something else."""
    room_mentions: dict[str, set[str]] = {}
    for text in texts:
        if text.section == "rooms":
            found = {m.word for m in mentions(text, scopes.vocabulary, verbs)}
            room_mentions.setdefault(text.owner, set()).update(found)
    for scenery_id, scenery in world.scenery.items():
        room = scenery_id.split(".", 1)[0]
        own = (scenery.description + " " + scenery.name).lower()
        for word in sorted(scenery.nouns):
            if word not in room_mentions.get(room, set()):
                continue
            if any(re.search(rf"\b{re.escape(form)}", own) for form in variants(word)):
                continue
            yield Finding(
                "noun_wrong_object",
                world.rooms[room].where,
                f"'{word}' answers to scenery '{scenery.name}' in '{room}', whose description "
                f"never mentions a {word}",
                f"give '{word}' its own scenery in '{room}', or mention it in the description of "
                f"'{scenery.name}'",
            )
