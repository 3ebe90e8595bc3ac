"""Loading a world folder (or several, layered) into a checked, immutable World."""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from game.model import lazyyaml as yaml
from game.model.characters import Character
from game.model.endings import Ending, Hint
from game.model.events import Event
from game.model.fields import NOWHERE, PLAYER, read_verb_responses
from game.model.files import read_regular, world_files
from game.model.items import Item
from game.model.keys import Key, Section
from game.model.layers import Layers, add
from game.model.messages import read_messages
from game.model.problems import Problem, WorldError, did_you_mean
from game.model.reader import NULL_TAG, Ctx, Ref, check_keys, core_tag, mapping
from game.model.record import evolve
from game.model.rooms import Room
from game.model.source import MAX_FILE_BYTES, read_yaml
from game.model.start import GameInfo, Player
from game.model.testspecs import read_tests
from game.model.verbs import ACTIONS
from game.model.world import World, empty_world_parts, index_world

TOP = Section(
    "top",
    "one file of a Hyosan world",
    Key("game", "game", "the game's title, release and opening (exactly one per world)"),
    Key("player", "player", "where the player starts (exactly one per world)"),
    Key("rooms", "room_map", "room id → room"),
    Key("items", "item_map", "item id → item"),
    Key("characters", "character_map", "character id → character"),
    Key("events", "event_map", "event id → event"),
    Key("endings", "ending_map", "ending id → ending"),
    Key("hints", "hint_map", "hint id → hint"),
    Key("tests", "test_map", "test id → scripted test"),
    Key("messages", "messages", "library messages for the whole world"),
    Key("on", "verbs", "world-wide responses: verb → responses, after items' and rooms'"),
)
TOP_KEYS = tuple(TOP.keys)
BUILDERS: dict[str, Callable] = {
    "rooms": Room.from_yaml,
    "items": Item.from_yaml,
    "characters": Character.from_yaml,
    "events": Event.from_yaml,
    "endings": Ending.from_yaml,
    "hints": Hint.from_yaml,
}
SINGULAR = {
    "rooms": "room",
    "items": "item",
    "characters": "character",
    "events": "event",
    "endings": "ending",
    "hints": "hint",
}


def display_path(path: Path) -> str:
    """A short path for messages: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def load_world(paths: Iterable[Path | str], *, warnings: list[Problem] | None = None) -> World:
    """Load and check a world; raise WorldError with every error found."""
    world, problems = read_world(paths)
    errors = [p for p in problems if p.severity == "error"]
    if warnings is not None:
        warnings.extend(p for p in problems if p.severity != "error")
    if errors or world is None:
        raise WorldError(errors)
    return world


def read_world(paths: Iterable[Path | str]) -> tuple[World | None, list[Problem]]:
    """Read a world and return it with every problem, errors and warnings.

    The world comes back even when it has errors (for counts and reports), unless nothing
    playable could be built at all; only `load_world` guarantees a world without errors.
    """
    path_list = [Path(p) for p in paths]
    problems: list[Problem] = []
    for path in path_list:
        if not path.exists():
            problems.append(
                Problem(str(path), 1, 1, "world folder not found", "check the --world path")
            )
    if problems:
        return None, problems
    files = world_files(path_list)
    if not files:
        shown = ", ".join(str(p) for p in path_list)
        problems.append(
            Problem(shown, 1, 1, "no .yaml or .yml files in the world folder", "add world files")
        )
        return None, problems
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(files, path_list, problems)
    finally:
        if gc_was_enabled:
            gc.enable()


def _build(
    files: list[tuple[int, Path]], folders: list[Path], problems: list[Problem]
) -> tuple[World | None, list[Problem]]:
    """Read every file, then cross-check and assemble the world."""
    layers = Layers([display_path(p) for p in folders])
    unloaded: dict[str, str] = {}  # id -> file that did not parse but seems to define it
    singles: dict[str, list] = {"game": [], "player": []}
    tests = []
    messages: dict[str, str] = {}
    world_on: dict = {}
    refs: list[Ref] = []
    for layer, path in files:
        shown = display_path(path)
        root, file_problems = read_yaml(path, shown)
        problems.extend(file_problems)
        if root is None:
            unloaded.update(dict.fromkeys(ids_in_text(path), shown))
            continue
        if isinstance(root, yaml.ScalarNode) and core_tag(root) == NULL_TAG:
            continue  # an empty document, like an empty file, adds nothing
        ctx = Ctx(shown, problems, refs)
        top = mapping(ctx, root, "a world file")
        if top is None:
            continue
        check_keys(ctx, top, TOP_KEYS, "a world file")
        for key in ("game", "player"):
            node = top.get(key)
            if node is not None:
                builder = GameInfo.from_yaml if key == "game" else Player.from_yaml
                singles[key].append((ctx.where(top.key_nodes[key]), builder(ctx, node)))
        if top.get("tests") is not None:
            read = read_tests(ctx, top.get("tests"))
            tests.extend(read)
            for test in read if layer else ():
                layers.note(layer, "added", f"test '{test.id}'")
        messages.update(read_messages(ctx, top.get("messages"), "the world"))
        for verb, responses in read_verb_responses(ctx, top.get("on"), "the world").items():
            world_on[verb] = world_on.get(verb, ()) + responses
        for section in BUILDERS:
            node = top.get(section)
            if node is not None:
                m = mapping(ctx, node, f"'{section}'")
                if m is not None:
                    add(layers, ctx, section, SINGULAR[section], m, layer)
    parts = empty_world_parts()
    for section, builder in BUILDERS.items():
        parts[section] = layers.built(section, builder)
    info = _single(singles["game"], "game", problems, GameInfo())
    player = _single(singles["player"], "player", problems, None)
    if player is None:
        if problems:
            return None, problems
        where = files[0][1]
        problems.append(
            Problem(
                display_path(where),
                1,
                1,
                "the world has no 'player' section",
                "add 'player: {start: <room id>}' to one file",
            )
        )
        return None, problems
    _check_test_chains(tests, problems)
    _place_items(parts, problems)
    _check_refs(refs, parts, player, problems, unloaded)
    world = World(
        info,
        player,
        parts["rooms"],
        parts["items"],
        parts["characters"],
        parts["events"],
        parts["endings"],
        parts["hints"],
        tuple(tests),
        tuple(display_path(p) for _, p in files),
        layers.report(),
        messages,
        world_on,
    )
    return index_world(world), problems


def _check_test_chains(tests: list, problems: list[Problem]) -> None:
    """`from:` names an existing test, and no test starts (through others) from itself."""
    by_id = {t.id: t for t in tests}
    for test in tests:
        seen = [test.id]
        step = test
        while step.start:
            where = test.where
            if step.start not in by_id:
                if step is test:
                    problems.append(
                        Problem(
                            where.path,
                            where.line,
                            where.col,
                            f"test '{test.id}' starts from unknown test '{test.start}'",
                            did_you_mean(test.start, by_id) or "name a test defined in tests:",
                        )
                    )
                break
            if step.start in seen:
                chain = " -> ".join([*seen, step.start])
                problems.append(
                    Problem(
                        where.path,
                        where.line,
                        where.col,
                        f"tests start from each other in a circle: {chain}",
                        "let one of them start from the beginning",
                    )
                )
                break
            seen.append(step.start)
            step = by_id[step.start]


def _single(found: list, key: str, problems: list[Problem], default):
    """The one `game`/`player` section; more than one is an error."""
    if not found:
        return default
    if len(found) > 1:
        first = found[0][0]
        for where, _ in found[1:]:
            problems.append(
                Problem(
                    where.path,
                    where.line,
                    where.col,
                    f"a second '{key}' section (the first is at {first})",
                    f"keep one '{key}' section",
                )
            )
    return found[-1][1]


def _place_items(parts: dict, problems: list[Problem]) -> None:
    """Rooms' `items:` lists set their items' starting place; conflicting places are errors."""
    items = parts["items"]
    for room in parts["rooms"].values():
        for item_id in room.items:
            item = items.get(item_id)
            if item is None:
                continue
            if item.location and item.location != room.id:
                where = room.where
                problems.append(
                    Problem(
                        where.path,
                        where.line,
                        where.col,
                        f"item '{item_id}' is listed in room '{room.id}' but its location is '{item.location}'",
                        "give each item one starting place",
                    )
                )
                continue
            items[item_id] = evolve(item, location=room.id)


def ids_in_text(path: Path) -> set[str]:
    """The ids a file that did not parse seems to define: its keys one level in."""
    try:  # never through a link, never waiting on a pipe (read_yaml already said what it is)
        text = read_regular(path, MAX_FILE_BYTES + 1).decode("utf-8", errors="replace")
    except OSError:
        return set()
    found = re.findall(r"^( +)([a-z][a-z0-9_]*):", text, re.MULTILINE)
    if not found:
        return set()
    level = min(len(indent) for indent, _ in found)
    return {name for indent, name in found if len(indent) == level}


def _fold_unloaded(refs: list[Ref], unloaded: dict[str, str], problems: list[Problem]) -> list[Ref]:
    """Refs into files that did not load become one note per file; the rest are returned."""
    if not unloaded:
        return refs
    kept: list[Ref] = []
    folded: dict[str, list[Ref]] = {}
    for ref in refs:
        path = unloaded.get(ref.value)
        if path is None:
            kept.append(ref)
        else:
            folded.setdefault(path, []).append(ref)
    for path, into in folded.items():
        first = into[0].where
        n = len(into)
        problems.append(
            Problem(
                first.path,
                first.line,
                first.col,
                f"and {n} reference{'s' if n != 1 else ''} into {path}, which did not load",
                "fix that file's syntax error first; these are checked once it loads",
                "note",
            )
        )
    return kept


def _check_refs(
    refs: list[Ref],
    parts: dict,
    player: Player,
    problems: list[Problem],
    unloaded: dict[str, str] | None = None,
) -> None:
    """Every id a file names must exist, as the right kind of thing."""
    rooms, items, characters = parts["rooms"], parts["items"], parts["characters"]
    conditions = player.condition.states
    known: dict[str, Callable[[str], bool]] = {
        "room": rooms.__contains__,
        "item": items.__contains__,
        "character": characters.__contains__,
        "ending": parts["endings"].__contains__,
        "winning": lambda v: v in parts["endings"] or v in Ending.KINDS,
        "thing": lambda v: v in items or v in characters,
        "place": lambda v: v in rooms or v in (PLAYER, NOWHERE) or _holds(items.get(v)),
        "room_or_nowhere": lambda v: v in rooms or v == NOWHERE,
        "door": lambda v: v in items and items[v].door is not None,
        "condition": conditions.__contains__,
        "verb": ACTIONS.__contains__,
    }
    pools: dict[str, Iterable[str]] = {
        "room": rooms,
        "item": items,
        "character": characters,
        "ending": parts["endings"],
        "winning": [*Ending.KINDS, *parts["endings"]],
        "thing": [*items, *characters],
        "place": [*rooms, *(i for i, v in items.items() if _holds(v)), PLAYER, NOWHERE],
        "room_or_nowhere": [*rooms, NOWHERE],
        "door": [i for i, v in items.items() if v.door is not None],
        "condition": conditions,
        "verb": ACTIONS,
    }
    missing = [ref for ref in refs if not _exists(ref, known, characters)]
    for ref in _fold_unloaded(missing, unloaded or {}, problems):
        kind = ref.kind
        if kind.startswith("state:"):
            owner = characters.get(kind[6:])
            if owner is None or ref.value in owner.machine.states:
                continue
            _unknown(problems, ref, "state", owner.machine.states, f" of '{owner.id}'")
            continue
        if known[kind](ref.value):
            continue
        if kind == "door" and ref.value in items:
            _problem(
                problems,
                ref,
                f"item '{ref.value}' is used as a door but has no 'door:' section",
                "add 'door: {open: false}' to the item",
            )
        elif kind == "place" and ref.value in items:
            _problem(
                problems,
                ref,
                f"item '{ref.value}' is not a container or supporter, so nothing can be in it",
                "add 'container:' or 'supporter:' to it, or choose another place",
            )
        else:
            _unknown(problems, ref, _kind_word(kind), pools[kind])


def _exists(ref: Ref, known: dict, characters: dict) -> bool:
    """Whether a reference names something that exists, as the right kind."""
    if ref.kind.startswith("state:"):
        owner = characters.get(ref.kind[6:])
        return owner is None or ref.value in owner.machine.states
    return known[ref.kind](ref.value)


def _holds(item: Item | None) -> bool:
    """Whether an item can hold other items."""
    return item is not None and item.container is not None


def _kind_word(kind: str) -> str:
    """How a message names the kind of thing expected."""
    return {
        "thing": "item or character",
        "room_or_nowhere": "room",
        "verb": "verb",
        "condition": "player condition",
        "winning": "ending kind or ending",
    }.get(kind, kind)


def _unknown(
    problems: list[Problem], ref: Ref, word: str, pool: Iterable[str], owner: str = ""
) -> None:
    """Report an unknown id with the nearest known one."""
    lead = f"{ref.what} " if ref.what else ""
    fix = did_you_mean(ref.value, pool)
    if not fix:
        sample = sorted(pool)[:8]
        fix = (
            ("known: " + ", ".join(sample) + (" …" if len(sample) == 8 else ""))
            if sample
            else f"define the {word} first"
        )
    _problem(problems, ref, f"{lead}unknown {word} '{ref.value}'{owner}", fix)


def _problem(problems: list[Problem], ref: Ref, message: str, fix: str) -> None:
    """Record an error at a reference."""
    problems.append(Problem(ref.where.path, ref.where.line, ref.where.col, message, fix))
