"""`hyosan index`: one self-contained HTML page; every definition has a row linked to its source."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from game.authoring.index import index_html
from game.authoring.indexfacts import ending_causes, flag_uses
from game.cli import main
from game.model import load_world

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "tests" / "worlds" / "authoring" / "tutorial"
EXTRA = """
rooms:
  shed:
    name: Shed <blink>&amp; "loft"</blink>
    description: Planks.
    exits:
      east: {to: pump_yard, hidden_until: shed_found}
  pump_yard:
    extend: true
    exits: {west: shed}
items:
  crowbar:
    name: crowbar
    description: Heavy.
    location: shed
    on:
      push: {say: It moves., do: [{set: shed_found}]}
events:
  bell:
    on: {flag: shed_found}
    when: {at_least: {rings: 2}}
    say: <script>alert(1)</script> rings
    do: [{add: {rings: 1}}]
"""


class Collector(HTMLParser):
    """Ids, links, tags and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.srcs: list[str] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        """Record ids, hrefs, src attributes and the tag."""
        found = dict(attrs)
        self.tags.append(tag)
        if "id" in found:
            self.ids.add(found["id"])
        if "href" in found:
            self.hrefs.append(found["href"])
        if "src" in found:
            self.srcs.append(found["src"])

    def handle_data(self, data):
        """Collect the visible text."""
        self.text.append(data)


def parsed(page: str) -> Collector:
    """A page, parsed."""
    collector = Collector()
    collector.feed(page)
    return collector


def layered(tmp_path: Path):
    """The tutorial world with the extra layer (a hidden exit, flags, hostile text)."""
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "extra.yaml").write_text(EXTRA, encoding="utf-8")
    return load_world([TUTORIAL, folder])


def test_every_definition_of_the_shipped_world_has_an_anchored_row_and_links_resolve():
    """Rooms, items, characters, events, endings and flags each have a row; every #link lands."""
    world = load_world([ROOT / "world"])
    page = parsed(index_html(world, ROOT))
    for kind, table in (
        ("room", world.rooms),
        ("item", world.items),
        ("character", world.characters),
        ("event", world.events),
        ("ending", world.endings),
    ):
        missing = {f"{kind}-{i}" for i in table} - page.ids
        assert not missing, missing
    assert {f"flag-{u.name}" for u in flag_uses(world)} <= page.ids
    internal = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert internal and set(internal) <= page.ids


def test_the_page_needs_no_script_and_fetches_nothing():
    """No script, no external stylesheet, image or font: it reads the same offline."""
    page = index_html(load_world([ROOT / "world"]), ROOT)
    collector = parsed(page)
    assert "script" not in collector.tags and "link" not in collector.tags
    assert collector.srcs == []
    assert not [h for h in collector.hrefs if h.startswith(("http:", "https:", "//"))]


def test_world_text_is_escaped(tmp_path):
    """A name or text with markup shows as text and never becomes a tag."""
    page = index_html(layered(tmp_path), tmp_path)
    collector = parsed(page)
    assert "script" not in collector.tags and "blink" not in collector.tags
    shown = "".join(collector.text)
    assert 'Shed <blink>&amp; "loft"</blink>' in shown
    assert "<script>alert(1)</script> rings" in shown


def test_source_links_lead_to_the_defining_file_and_line(tmp_path):
    """Each row's source link points (relative to the page) at the file that defines it."""
    world = layered(tmp_path)
    out = tmp_path / "site"
    out.mkdir()
    page = index_html(world, out)
    row = page.split('id="room-shed"', 1)[1].split("</tr>", 1)[0]
    href = row.split('class="src" href="', 1)[1].split('"', 1)[0]
    assert (out / href).resolve() == (tmp_path / "extra" / "extra.yaml").resolve()
    assert f"extra.yaml:{world.rooms['shed'].where.line}<" in row


def test_what_an_expansion_adds_and_extends_is_tagged(tmp_path):
    """The shed is tagged as added by the expansion folder, the pump yard as extended."""
    page = index_html(layered(tmp_path), tmp_path)

    def row(anchor: str) -> str:
        return page.split(f'id="{anchor}"', 1)[1].split("</tr>", 1)[0]

    assert "added by" in row("room-shed") and "extra" in row("room-shed")
    assert "extended by" in row("room-pump_yard")
    assert "added by" not in row("room-pump_house") and "extended by" not in row("room-pump_house")
    assert "added by" in row("event-bell")


def test_flags_list_who_sets_and_who_reads_them(tmp_path):
    """shed_found: set by the crowbar, read by the shed's hidden exit and the bell's trigger."""
    uses = {u.name: u for u in flag_uses(layered(tmp_path))}
    found = uses["shed_found"]
    assert [(u.owner, u.how) for u in found.set_by] == [("item:crowbar", "set")]
    assert {(u.owner, u.how) for u in found.read_by} == {
        ("room:shed", "hidden_until (east)"),
        ("event:bell", "trigger"),
    }
    rings = uses["rings"]
    assert [u.owner for u in rings.set_by] == ["event:bell"]
    assert [u.owner for u in rings.read_by] == ["event:bell"]


def test_endings_say_what_reaches_them():
    """The tutorial's ending is reached by pulling the red lever."""
    causes = ending_causes(load_world([TUTORIAL]))
    assert [u.owner for u in causes["water_again"]] == ["item:red_lever"]


def test_cli_writes_the_page_and_refuses_a_broken_world(tmp_path, capsys):
    """`hyosan index -o FILE --world W` writes the page; a world with errors writes nothing."""
    out = tmp_path / "index.html"
    assert main(["index", "-o", str(out), "--world", str(TUTORIAL)]) == 0
    assert 'id="room-pump_house"' in out.read_text(encoding="utf-8")
    assert "wrote" in capsys.readouterr().out
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.yaml").write_text("rooms:\n  x: {name: X}\n", encoding="utf-8")
    out2 = tmp_path / "broken.html"
    assert main(["--world", str(broken), "index", "-o", str(out2)]) == 1
    assert not out2.exists()
    assert "run `hyosan check`" in capsys.readouterr().err
