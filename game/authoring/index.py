"""`hyosan index`: one self-contained HTML page describing a world, like Inform's Index.

Rooms, items, characters (states, transitions, topics), flags (who sets and reads each),
events and endings, each with an anchor and a link to the file:line that defines it. No
script, no fetched resources: the page reads the same printed, offline or in a text browser.
Every text from the world is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from game.authoring.indexfacts import (
    Use,
    condition_text,
    effect_text,
    ending_causes,
    flag_uses,
    layer_marks,
    state_lines,
    transition_lines,
)
from game.authoring.indexhtml import STYLE, html_list, points, relative, row, section, short
from game.model import NOWHERE, PLAYER, Character, Event, Item, Room, World
from game.model.reader import Where

SECTIONS = (
    ("rooms", "Rooms"),
    ("items", "Items"),
    ("characters", "Characters"),
    ("flags", "Flags"),
    ("events", "Events"),
    ("endings", "Endings"),
)


class Page:
    """Builds the page; `base` is the folder the page is written to (for links to sources)."""

    def __init__(self, world: World, base: Path) -> None:
        self.world = world
        self.base = base
        self.layered = layer_marks(world)

    def layer_tag(self, kind: str, ident: str) -> str:
        """`added by expansion/` (and so on) for what a later --world folder changed."""
        return "".join(
            f'<span class="tag layer">{escape(verb)} by {escape(folder)}</span>'
            for verb, folder in self.layered.get(f"{kind} '{ident}'", ())
        )

    def src(self, where: Where | None) -> str:
        """A link to the file:line that defines something."""
        if where is None:
            return '<span class="none">—</span>'
        return self.file_link(where.path, f"{where.path}:{where.line}")

    def file_link(self, path: str, label: str) -> str:
        """A link to a source file, relative to the page's folder."""
        href = relative(Path(path), self.base)
        return f'<a class="src" href="{escape(href)}">{escape(label)}</a>'

    def link(self, kind: str, ident: str, label: str | None = None) -> str:
        """A link to something's row on this page (plain text when it is not defined)."""
        table = {
            "room": self.world.rooms,
            "item": self.world.items,
            "character": self.world.characters,
            "event": self.world.events,
            "ending": self.world.endings,
            "flag": None,
        }.get(kind)
        shown = escape(label if label is not None else ident)
        if kind == "flag" or (table is not None and ident in table):
            return f'<a href="#{kind}-{escape(ident)}">{shown}</a>'
        return shown

    def place(self, ident: str) -> str:
        """Where something is: a room, an item (container), the player, or nowhere."""
        if ident in self.world.rooms:
            return self.link("room", ident, self.world.rooms[ident].name)
        if ident in self.world.items:
            return "in " + self.link("item", ident, self.world.items[ident].name)
        if ident in self.world.characters:
            return "held by " + self.link("character", ident, self.world.characters[ident].name)
        if ident == PLAYER:
            return "carried at the start"
        return '<span class="none">nowhere</span>'

    def owner(self, use: Use) -> str:
        """`room <a>Yard</a>` for a use's owner."""
        kind, _, ident = use.owner.partition(":")
        if kind == "player":
            return "the player's condition"
        names = {
            "room": self.world.rooms,
            "item": self.world.items,
            "character": self.world.characters,
        }.get(kind, {})
        label = getattr(names.get(ident), "name", ident)
        return f"{escape(kind)} {self.link(kind, ident, label)}"

    def html(self) -> str:
        """The whole page."""
        world = self.world
        info = world.info
        title = escape(info.title)
        by = f" by {escape(info.author)}" if info.author else ""
        nav = "".join(f'<a href="#{key}">{label}</a>' for key, label in SECTIONS)
        files = ", ".join(self.file_link(f, f) for f in world.files)
        body = [
            f"<h1>{title} — index</h1>",
            f'<p class="meta">Release {info.release}{by}. {escape(world.counts())}. '
            f"Start: {self.place(world.player.start)}. Files: {files}</p>",
            f"<nav>{nav}</nav>",
            self.rooms(),
            self.items(),
            self.characters(),
            self.flags(),
            self.events(),
            self.endings(),
        ]
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title} — index</title><style>{STYLE}</style></head>\n<body>\n"
            + "\n".join(body)
            + "\n</body></html>\n"
        )

    def rooms(self) -> str:
        """Rooms by region, with exits, what starts there and the verbs they answer."""
        rows = [
            self.roomrow(room)
            for room in sorted(self.world.rooms.values(), key=lambda r: (r.region, r.name))
        ]
        return section("rooms", "Rooms", ("Room", "Exits", "At the start", "Source"), rows)

    def roomrow(self, room: Room) -> str:
        """One room."""
        tags = []
        if room.dark:
            tags.append('<span class="tag dark">dark</span>')
        if room.dark_when:
            tags.append(
                f'<span class="tag dark">dark when {escape(condition_text(room.dark_when))}</span>'
            )
        if room.points:
            tags.append(f'<span class="tag">{points(room.points)}</span>')
        if room.id == self.world.player.start:
            tags.append('<span class="tag">start</span>')
        exits = [self.exit_line(ex) for ex in room.exits]
        here = [
            self.link("item", i.id, i.name)
            for i in self.world.items.values()
            if i.location == room.id
        ] + [
            self.link("character", c.id, c.name)
            for c in self.world.characters.values()
            if c.location == room.id
        ]
        extra = []
        if room.scenery:
            extra.append("scenery: " + escape(", ".join(s.name for s in room.scenery)))
        if room.on:
            extra.append("answers: " + escape(", ".join(sorted(room.on))))
        first = (
            f"<b>{escape(room.name)}</b> <span class=id>{escape(room.id)}</span>"
            f"<br>{escape(room.region)} {''.join(tags)}{self.layer_tag('room', room.id)}"
        )
        return row(
            f"room-{room.id}",
            first,
            html_list(exits),
            html_list(here) + "".join(f"<div>{e}</div>" for e in extra),
            self.src(room.where),
        )

    def exit_line(self, ex) -> str:
        """`north → Yard (door: steel door, locked; when …)`."""
        notes = []
        if ex.door:
            door = self.world.items.get(ex.door)
            state = " locked" if door and door.door and door.door.locked else ""
            notes.append(
                f"door {self.link('item', ex.door, door.name if door else ex.door)}{state}"
            )
        if ex.when:
            notes.append(f"when {escape(condition_text(ex.when))}")
        if ex.hidden_until:
            notes.append(f"hidden until {self.link('flag', ex.hidden_until)}")
        if ex.one_way:
            notes.append("one way")
        target = self.world.rooms.get(ex.to)
        shown = self.link("room", ex.to, target.name if target else ex.to)
        tail = f" ({'; '.join(notes)})" if notes else ""
        return f"{escape(ex.direction)} → {shown}{tail}"

    def items(self) -> str:
        """Items by name, with where they start and what they are."""
        rows = [
            self.itemrow(item)
            for item in sorted(self.world.items.values(), key=lambda i: i.name.lower())
        ]
        return section("items", "Items", ("Item", "Starts", "Kind", "Source"), rows)

    def itemrow(self, item: Item) -> str:
        """One item."""
        start = self.place(item.location)
        if item.id in self.world.player.inventory:
            start = "carried at the start"
        kinds = [
            label
            for label, on in (
                ("fixed" if item.fixed or not item.portable else "portable", True),
                ("door", item.door is not None),
                ("supporter", item.container is not None and item.container.supporter),
                ("container", item.container is not None and not item.container.supporter),
                ("locked", any(s and s.locked for s in (item.container, item.door))),
                ("light", item.light),
                ("wearable", item.wearable),
                ("edible", bool(item.edible)),
                ("drinkable", bool(item.drinkable)),
                ("readable", bool(item.readable)),
                (points(item.points), bool(item.points)),
            )
            if on
        ]
        verbs = sorted(item.on) + [f"use on {u.on}" if u.on else "use" for u in item.use]
        kind = " ".join(f'<span class="tag">{escape(k)}</span>' for k in kinds)
        if verbs:
            kind += f"<div>answers: {escape(', '.join(verbs))}</div>"
        first = (
            f"<b>{escape(item.name)}</b> <span class=id>{escape(item.id)}</span>"
            + self.layer_tag("item", item.id)
        )
        return row(f"item-{item.id}", first, start, kind, self.src(item.where))

    def characters(self) -> str:
        """Characters with their states, transitions, topics and menus."""
        rows = [
            self.characterrow(char)
            for char in sorted(self.world.characters.values(), key=lambda c: c.name.lower())
        ]
        head = ("Character", "States", "Talk", "Source")
        player = self.playerrow()
        return section("characters", "Characters", head, [player, *rows])

    def playerrow(self) -> str:
        """The player, as a character: start, inventory and condition."""
        player = self.world.player
        carried = [self.link("item", i, self.world.items[i].name) for i in player.inventory]
        first = f"<b>The player</b><br>starts in {self.place(player.start)}"
        first += f"<div>carries: {', '.join(carried) or 'nothing'}</div>"
        return row("character-player", first, self.machine(player.condition), "", "")

    def characterrow(self, char: Character) -> str:
        """One character."""
        where = (
            self.place(char.location)
            if char.location != NOWHERE
            else '<span class="none">nowhere</span>'
        )
        first = (
            f"<b>{escape(char.name)}</b> <span class=id>{escape(char.id)}</span><br>starts: {where}"
            + self.layer_tag("character", char.id)
        )
        topics = [
            f"{escape(t.id)} <span class=id>({escape(', '.join(sorted(t.words)))})</span>"
            for t in char.topics
        ]
        talk = f"<div>ask/tell: {', '.join(topics)}</div>" if topics else ""
        if char.talk:
            choices = sum(len(node.choices) for node in char.talk.values())
            talk += f"<div>talk menu: {len(char.talk)} nodes, {choices} choices</div>"
        if char.orders:
            talk += f"<div>orders: {escape(', '.join(sorted(char.orders)))}</div>"
        if char.encounter is not None:
            talk += '<div><span class="tag warn">encounter</span></div>'
        return row(
            f"character-{char.id}",
            first,
            self.machine(char.machine),
            talk or '<span class="none">—</span>',
            self.src(char.where),
        )

    def machine(self, machine) -> str:
        """States (the initial one marked) and transitions of a state machine."""
        states = [
            f"<b>{escape(label)}</b> <code>{escape(ident)}</code>"
            + (f" <i>({escape(', '.join(notes))})</i>" if notes else "")
            for label, ident, notes in state_lines(machine)
        ]
        moves = [escape(line) for line in transition_lines(machine)]
        shown = html_list(states)
        if moves:
            shown += "<div>changes:</div>" + html_list(moves)
        return shown

    def flags(self) -> str:
        """Every flag, with who sets it and who reads it."""
        rows = []
        for uses in flag_uses(self.world):
            rows.append(
                row(
                    f"flag-{uses.name}",
                    f"<code>{escape(uses.name)}</code>",
                    self.uses(uses.set_by, "never set"),
                    self.uses(uses.read_by, "never read"),
                )
            )
        return section("flags", "Flags", ("Flag", "Set by", "Read by"), rows)

    def uses(self, uses: Iterable[Use], missing: str) -> str:
        """A list of uses, or a warning tag when there are none."""
        items = [f"{self.owner(u)} <i>{escape(u.how)}</i> {self.src(u.where)}" for u in uses]
        return html_list(items) if items else f'<span class="tag warn">{missing}</span>'

    def events(self) -> str:
        """Events by id: trigger, condition, effects."""
        rows = [self.eventrow(e) for e in sorted(self.world.events.values(), key=lambda e: e.id)]
        head = ("Event", "When it fires", "What it does", "Source")
        return section("events", "Events", head, rows)

    def eventrow(self, event: Event) -> str:
        """One event."""
        fires = self.trigger(event)
        if event.when:
            fires += f"<div>if {escape(condition_text(event.when))}</div>"
        if not event.once:
            fires += "<div><i>repeats</i></div>"
        does = []
        if event.say:
            does.append(f"says “{escape(short(event.say))}”")
        if event.do:
            does.append(escape(effect_text(event.do)))
        return row(
            f"event-{event.id}",
            f"<code>{escape(event.id)}</code>{self.layer_tag('event', event.id)}",
            fires,
            html_list(does) if does else '<span class="none">—</span>',
            self.src(event.where),
        )

    def trigger(self, event: Event) -> str:
        """What an event waits for, in words, with links (`after:` counts from the moment)."""
        moment = self.moment(event)
        after = event.trigger.after
        if not after:
            return moment
        return f"{after} turn{'' if after == 1 else 's'} after {moment.removeprefix('when ')}"

    def moment(self, event: Event) -> str:
        """The trigger's moment or clock, in words."""
        t = event.trigger
        room = self.world.rooms.get(t.a)
        char = self.world.characters.get(t.a)
        if t.kind == "enter":
            if t.after:
                return "entering " + self.link("room", t.a, room.name if room else t.a)
            return "on entering " + self.link("room", t.a, room.name if room else t.a)
        if t.kind == "flag":
            return "when flag " + self.link("flag", t.a, t.a) + " is set"
        if t.kind == "state":
            who = self.link("character", t.a, char.name if char else t.a)
            return f"when {who} becomes <code>{escape(t.b)}</code>"
        if t.kind == "condition":
            return f"when the player's condition becomes <code>{escape(t.a)}</code>"
        if t.kind == "action":
            return "on " + escape(t.a) + (" " + self.link("item", t.b) if t.b else "")
        words = {
            "always": "whenever its condition holds",
            "turn": f"at turn {t.n}",
            "every": f"every {t.n} turns",
        }
        return escape(words.get(t.kind, t.kind))

    def endings(self) -> str:
        """Endings with their kind and what reaches them."""
        causes = ending_causes(self.world)
        rows = []
        for ending in sorted(self.world.endings.values(), key=lambda e: e.id):
            first = (
                f"<b>{escape(ending.title)}</b> <span class=id>{escape(ending.id)}</span>"
                f'<br><span class="tag">{escape(ending.kind)}</span>'
                + self.layer_tag("ending", ending.id)
            )
            rows.append(
                row(
                    f"ending-{ending.id}",
                    first,
                    self.uses(causes.get(ending.id, ()), "nothing ends here"),
                    self.src(ending.where),
                )
            )
        return section("endings", "Endings", ("Ending", "Reached by", "Source"), rows)


def index_html(world: World, base: Path | None = None) -> str:
    """The index page of a world; links to sources are relative to `base` (default: here)."""
    return Page(world, base or Path.cwd()).html()
