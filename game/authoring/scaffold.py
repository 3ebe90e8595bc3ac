"""`hyosan new`: a commented skeleton of new content, appended to the right world file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs
import yaml

SECTIONS = {"room": "rooms", "item": "items", "character": "characters", "event": "events"}
ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "world.schema.json"

SKELETONS = {
    "room": """\
{id}:
  name: {name}
  region: {region}
  description: >-
    What the player sees every time they stand here. Second person, present
    tense: you see, you hear, you smell.
  # first: Replaces the description on the very first visit.
  exits: {{}}
  # exits:                 # connect it, or `hyosan check` warns it is unreachable
  #   north: some_room     # shorthand: the room id
  #   east:
  #     to: other_room
  #     door: a_door_item   # an item with a door: section
  #     when: {{has: key}}    # condition to pass
  #     refuse: It will not budge.
  #     one_way: true       # no way back, on purpose
  # scenery:
  #   wall: {{words: [wall], description: Damp concrete.}}
  # on:
  #   listen: {{say: A dripping pipe counts the seconds.}}
""",
    "item": """\
{id}:
  name: {name}
  # words: [other, nouns]      # the last word of the name is added
  description: What EXAMINE shows.
  location: {location}         # a room id, a container item, player, or nowhere
  # initial: A line in the room listing until the item is first taken.
  # portable: false            # fixed in place
  # readable: Text printed on it.
  # door: {{open: false, locked: true, key: some_key}}
  # container: {{open: false, openable: true, capacity: 3}}
  # use:
  #   - on: other_thing
  #     say: What happens.
  #     do: [{{set: some_flag}}]
""",
    "character": """\
{id}:
  name: {name}
  pronoun: them                # him, her, them or it
  description: How they look by default.
  location: {location}         # a room id or nowhere
  initial: wary
  states:
    wary:
      present: {name} watches you and says nothing.
    friendly:
      present: {name} nods as you come in.
      description: The suspicion has gone from their face.
  transitions:
    - {{from: wary, to: friendly}}   # happens through a `state` effect
  topics:                      # ASK {name_lower} ABOUT ...
    name:
      words: [name, yourself]
      reply: '"Names are for people who expect to live," they say.'
  default_reply: They shrug.
  # talk:                      # TALK TO: a menu conversation
  #   start:
  #     text: They wait for you to speak.
  #     choices:
  #       - label: Offer to help.
  #         reply: '"Prove it."'
  #         do: [{{state: {{of: {id}, to: friendly}}}}]
  #         goto: end
""",
    "event": """\
{id}:
  on: {trigger}      # or {{turn: 10}} {{every: 5}} {{flag: x}} {{action: push, object: button}}
  #                  # {{flag: x, after: 4}}: four turns after the flag is set
  # when: {{has: radio}}         # extra condition
  say: What happens, in the present tense.
  # do: [{{set: some_flag}}]
  # once: false                # default true
""",
}


@attrs.frozen
class Placement:
    """Where a skeleton goes: the file, the 0-based line index to insert at, the indent."""

    path: Path
    line: int
    indent: int
    new_file: bool
    new_section: bool


class ScaffoldError(Exception):
    """A `new` request that cannot be carried out, with a message for the author."""


def slug(text: str) -> str:
    """A file-name-safe lowercase form of a region name."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "world"


def _compose(path: Path) -> yaml.MappingNode | None:
    """A file's top mapping node, or None when it is not a readable mapping."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return node if isinstance(node, yaml.MappingNode) else None


def _section(top: yaml.MappingNode, name: str) -> yaml.Node | None:
    """The value node of a top-level key."""
    for key, value in top.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return value
    return None


def _ids(top: yaml.MappingNode, section: str) -> dict[str, yaml.Node]:
    """The ids defined in one section of a file, with their value nodes."""
    node = _section(top, section)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _region_of(room: yaml.Node) -> str:
    """The region written in a room's node ('' when none)."""
    if isinstance(room, yaml.MappingNode):
        region = _section(room, "region")
        if isinstance(region, yaml.ScalarNode):
            return region.value
    return ""


def _files(folder: Path) -> list[tuple[Path, yaml.MappingNode]]:
    """The readable world files of a folder, in name order."""
    found = []
    for path in sorted(folder.rglob("*.yaml")):
        top = _compose(path)
        if top is not None:
            found.append((path, top))
    return found


def choose_file(kind: str, region: str, folder: Path, files: list) -> Path:
    """The file a new thing belongs in: its region's file, the file of its kind, or a new one."""
    section = SECTIONS[kind]
    if region:
        for path, top in files:
            if any(_region_of(room) == region for room in _ids(top, "rooms").values()):
                return path
        return folder / f"{slug(region)}.yaml"
    for path, top in files:
        if _ids(top, section):
            return path
    return folder / f"{section}.yaml"


def placement(path: Path, section: str) -> Placement:
    """Where in a file a new entry of a section goes."""
    if not path.exists():
        return Placement(path, 0, 2, True, True)
    top = _compose(path)
    node = _section(top, section) if top is not None else None
    if isinstance(node, yaml.MappingNode) and node.value and node.flow_style is not True:
        indent = node.value[0][0].start_mark.column
        lines = path.read_text(encoding="utf-8").splitlines()
        end = min(node.end_mark.line, len(lines))
        # back over blank lines and column-0 comments: they belong to what follows
        while end > 0 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        return Placement(path, end, indent, False, False)
    if node is not None:
        raise ScaffoldError(
            f"{path}: the '{section}' section is not a block mapping; "
            f"add the new entry by hand or rewrite '{section}:' as indented lines"
        )
    return Placement(path, 0, 2, False, True)


def skeleton(kind: str, thing_id: str, region: str, location: str) -> str:
    """The commented skeleton text of one entry, at indent 0."""
    name = thing_id.replace("_", " ")
    name = name.title() if kind in ("room", "character") else name
    trigger = f"{{enter: {location}}}" if location != "nowhere" else "{turn: 1}"
    return SKELETONS[kind].format(
        id=thing_id,
        name=name,
        name_lower=name.lower(),
        region=region or "Hyosan",
        location=location,
        trigger=trigger,
    )


def schema_comment(path: Path) -> str:
    """The yaml-language-server line that points an editor at the schema.

    Relative inside this checkout (so it works on every clone), a file URI elsewhere.
    """
    folder = path.parent.resolve()
    checkout = SCHEMA_FILE.parents[1]
    if folder == checkout or checkout in folder.parents:
        target = Path(os.path.relpath(SCHEMA_FILE, folder)).as_posix()
    else:
        target = SCHEMA_FILE.as_uri()
    return f"# yaml-language-server: $schema={target}\n"


def known_ids(folders: list[Path]) -> set[str]:
    """Every id defined in the given folders' files, across sections."""
    ids: set[str] = set()
    for folder in folders:
        for _, top in _files(folder):
            for section in ("rooms", "items", "characters", "events", "endings", "hints"):
                ids.update(_ids(top, section))
    return ids


def has_player(folders: list[Path]) -> bool:
    """Whether any file of the folders has a top-level `player` section."""
    return any(_section(top, "player") is not None for d in folders for _, top in _files(d))


def _some_room(files: list, region: str) -> str:
    """A room of the region (or any room) to place a new item or character in."""
    fallback = ""
    for _, top in files:
        for room_id, room in _ids(top, "rooms").items():
            if not region or _region_of(room) == region:
                return room_id
            fallback = fallback or room_id
    return fallback or "nowhere"


def add_new(kind: str, thing_id: str, region: str, folders: list[Path]) -> tuple[Path, int]:
    """Write a skeleton into the last folder; return the file and the entry's line number."""
    if not ID_RE.match(thing_id):
        raise ScaffoldError(
            f"'{thing_id}' is not a valid id: use lowercase letters, digits and underscores"
        )
    if thing_id in known_ids(folders):
        raise ScaffoldError(f"'{thing_id}' is already defined in the world; choose another id")
    folder = folders[-1]
    folder.mkdir(parents=True, exist_ok=True)
    all_files = [f for d in folders for f in _files(d)]
    own_files = _files(folder)
    path = choose_file(kind, region, folder, own_files)
    place = placement(path, SECTIONS[kind])
    location = _some_room(all_files, region)
    body = skeleton(kind, thing_id, region, location)
    block = "".join(
        " " * place.indent + line if line.strip() else line for line in body.splitlines(True)
    )
    return path, _insert(place, SECTIONS[kind], block)


def _insert(place: Placement, section: str, block: str) -> int:
    """Put the block into the file; return the 1-based line of the new entry."""
    if place.new_file:
        text = schema_comment(place.path) + f"{section}:\n" + block
        place.path.write_text(text, encoding="utf-8")
        return 3
    lines = place.path.read_text(encoding="utf-8").splitlines(True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if place.new_section:
        lines += ["\n", f"{section}:\n"]
        at = len(lines)
        lines.append(block)
    else:
        at = place.line
        lines[at:at] = ["\n", block]
        at += 1
    place.path.write_text("".join(lines), encoding="utf-8")
    return at + 1
