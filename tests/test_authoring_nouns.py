"""The noun audit: nouns a text shows that nothing in scope answers to, for any world."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.nouns import audit
from game.cli import main
from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
GAME = """\
game: {title: Tent, release: 1, author: T, intro: You arrive.}
player: {start: tent}
endings: {out: {title: Out, text: You leave., kind: victory}}
"""

# The shipped world's count of unanswered nouns may only go down (issue #9 works it to 0).
SHIPPED_UNANSWERED_AT_MOST = 0
SHIPPED_WRONG_OBJECTS_AT_MOST = 0
# Places named where neither they nor a room next door are (EXAMINE finds nothing there).
SHIPPED_FAR_PLACES_AT_MOST = 137


def _world(tmp_path: Path, rooms: str) -> Path:
    """A one-file world with the given rooms section."""
    (tmp_path / "game.yaml").write_text(GAME, encoding="utf-8")
    (tmp_path / "rooms.yaml").write_text(rooms, encoding="utf-8")
    return tmp_path


TENT = """\
rooms:
  tent:
    name: Tent
    description: >-
      A bulb swings over the folding table.
    scenery:
      bulb: {words: [bulb], description: It swings.}
"""


def test_a_noun_nothing_answers_to_is_reported_where_it_is_written(tmp_path: Path) -> None:
    world = load_world([_world(tmp_path, TENT)])
    result = audit(world)
    assert result.unanswered == 1
    (finding,) = result.findings
    assert "'table'" in finding.message and "'tent'" in finding.message
    assert "add scenery 'table' to room 'tent'" in finding.fix
    assert finding.where is not None
    assert (finding.where.line, finding.where.col) == (5, 38)
    assert Path(finding.where.path).name == "rooms.yaml"


def test_scenery_answering_to_the_noun_clears_it(tmp_path: Path) -> None:
    rooms = TENT + "      table: {words: [table], description: Folding legs and a green top.}\n"
    result = audit(load_world([_world(tmp_path, rooms)]))
    assert result.unanswered == 0
    assert result.mentioned == 2
    assert result.summary() == "nouns: 2 mentioned, 0 unanswered"


def test_speech_in_quotes_and_function_words_are_not_nouns(tmp_path: Path) -> None:
    rooms = """\
rooms:
  tent:
    name: Tent
    description: 'A soldier says, "The convoy left at dawn." Then nothing at all.'
    scenery:
      soldier: {words: [soldier], description: Bored and young.}
"""
    assert audit(load_world([_world(tmp_path, rooms)])).unanswered == 0


def test_a_word_resolving_to_another_things_description_is_reported(tmp_path: Path) -> None:
    rooms = """\
rooms:
  tent:
    name: Tent
    description: A swing hangs by a wooden bench.
    scenery:
      swing: {words: [swing, bench], description: It creaks.}
"""
    result = audit(load_world([_world(tmp_path, rooms)]))
    wrong = [f for f in result.findings if f.kind == "noun_wrong_object"]
    assert len(wrong) == 1 and "'bench'" in wrong[0].message
    assert result.unanswered == 0


def test_a_reply_guarded_by_here_is_checked_where_that_thing_is(tmp_path: Path) -> None:
    rooms = """\
rooms:
  tent:
    name: Tent
    description: A bare tent.
  yard:
    name: Yard
    description: A muddy yard.
    scenery:
      bucket: {words: [bucket], description: Dented.}
items:
  coin:
    name: coin
    location: tent
    description: A coin.
    on:
      drop:
        - when: {here: well}
          say: The coin bounces off the bucket.
        - say: The coin rolls under a crate.
  well:
    name: well
    location: yard
    portable: false
    description: It is deep.
"""
    result = audit(load_world([_world(tmp_path, rooms)]))
    flagged = {f.message.split("'")[3] for f in result.findings}
    assert flagged == {"crate"}  # the bucket answers beside the well, the crate nowhere


def test_it_s_and_there_s_are_not_owners(tmp_path: Path) -> None:
    rooms = """\
rooms:
  tent:
    name: Tent
    description: It's built into the floor. There's a hook on the pole's base.
"""
    flagged = {
        f.message.split("'")[3] for f in audit(load_world([_world(tmp_path, rooms)])).findings
    }
    assert flagged == {"floor", "hook", "pole"}  # not 'built'; the pole's base is the pole's


def test_a_word_that_names_no_thing_is_never_flagged_even_if_some_scenery_answers_to_it(
    tmp_path: Path,
) -> None:
    rooms = """\
rooms:
  tent:
    name: Tent
    description: A bare tent. Ask about things.
    scenery:
      crowd: {words: [crowd, people, things], description: A crowd of people.}
  yard:
    name: Yard
    description: The mud is deep, and people are everywhere, with their things.
"""
    flagged = {
        f.message.split("'")[3] for f in audit(load_world([_world(tmp_path, rooms)])).findings
    }
    assert flagged == {"mud"}


def test_check_prints_the_noun_summary(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    main(["check", "--quick", "--world", str(_world(tmp_path, TENT))])
    out = capsys.readouterr().out
    assert "mentions 'table'" not in out
    assert "nouns: 2 mentioned, 1 unanswered (`hyosan check --nouns`" in out
    main(["check", "--quick", "--nouns", "--world", str(_world(tmp_path, TENT))])
    out = capsys.readouterr().out
    assert "rooms.yaml:5:38: warning: room 'tent' (description) mentions 'table'" in out


def test_the_shipped_world_never_gains_unanswered_nouns() -> None:
    result = audit(load_world([ROOT / "world"]))
    assert result.mentioned > 500
    assert result.unanswered <= SHIPPED_UNANSWERED_AT_MOST
    wrong = [f for f in result.findings if f.kind == "noun_wrong_object"]
    assert len(wrong) <= SHIPPED_WRONG_OBJECTS_AT_MOST
    words = {f.message.split("'")[1] for f in wrong if "'playground'" in f.message}
    assert "bench" not in words  # `x bench` once printed the swings


def test_read_falls_back_to_the_description_where_it_carries_writing() -> None:
    from game.engine import new_game, step

    world = load_world([ROOT / "world"])
    state, _ = new_game(world, seed=1)
    board = " ".join(p.text for p in step(world, state, "read board").output)
    assert "UNCONFIRMED" in board
    cot = " ".join(p.text for p in step(world, state, "read cot").output)
    assert cot == "There's nothing written on the cot."
    table = " ".join(p.text for p in step(world, state, "x table").output)
    assert "folding table" in table


def test_give_and_show_responses_are_keyed_on_the_object_named() -> None:
    """A character's GIVE/SHOW answer guarded by `has: X` acts on X whatever was named
    (`give peaches to on-jo` once handed over the ration bar): such answers belong in X's
    `use: - on: <character>` rules, which the engine picks by the object named."""
    world = load_world([ROOT / "world"])
    for character in world.characters.values():
        for verb in ("give", "show"):
            for response in character.on.get(verb, ()):
                assert not any(c.op == "has" for c in response.when), (character.id, verb)


def test_contractions_punctuation_and_a_body_part_open_no_phrase(tmp_path: Path) -> None:
    rooms = """\
rooms:
  tent:
    name: Tent
    description: >-
      It's rusted solid, and that's worse. Every note is empty except one, weeks later.
      A careful hand wrote a gritty shriek of a note on a sunny morning.
    scenery:
      note: {words: [note], description: Ink.}
"""
    assert audit(load_world([_world(tmp_path, rooms)])).unanswered == 0


def test_a_place_is_exempt_only_where_it_or_a_room_next_to_it_is(tmp_path: Path) -> None:
    """`the shed` from the yard next door answers (the parser says where it is); `the tower` a
    room further on does not: it is reported as a place named far off, not as a missing thing."""
    rooms = """\
rooms:
  tent:
    name: Tent
    description: The shed is north. Far off, the tower leans.
    exits: {north: shed}
  shed:
    name: Shed
    description: A shed.
    exits: {south: tent, north: tower}
  tower:
    name: Tower
    description: A tower.
    exits: {south: shed}
"""
    result = audit(load_world([_world(tmp_path, rooms)]))
    far = [f for f in result.findings if f.kind == "noun_far_place"]
    assert [f.message.split("'")[3] for f in far] == ["tower"]
    assert result.unanswered == 0


def test_the_shipped_world_names_no_more_far_places() -> None:
    """The count of far-off places may only go down."""
    result = audit(load_world([ROOT / "world"]))
    far = [f for f in result.findings if f.kind == "noun_far_place"]
    assert len(far) <= SHIPPED_FAR_PLACES_AT_MOST
