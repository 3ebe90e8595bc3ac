"""Which flags matter to puzzles: the search keeps those and forgets the rest."""

from __future__ import annotations

from game.authoring.relevance import relevant_flags
from game.authoring.winnable import search
from game.model import load_world

WORLD = """
game: {title: T}
player: {start: hall}
endings:
  won: {title: Won, kind: victory}
rooms:
  hall:
    name: Hall
    description: A door north.
    variants:
      - {when: {flag: admired_door}, text: You have admired the door.}
    exits:
      north: {to: yard, when: {flag: door_open}, refuse: Shut.}
    on:
      listen:
        - {when: {flag: heard}, say: Nothing new.}
        - {say: A hum., do: [{set: heard}]}
      push: {say: The door swings., do: [{set: door_open}, {set: admired_door}]}
  yard:
    name: Yard
    description: Out.
    exits: {south: hall}
characters:
  guard:
    name: guard
    location: hall
    talk:
      start:
        text: The guard looks up.
        choices:
          - {label: Chat., when: {not: {flag: chatted}}, reply: Hm., do: [{set: chatted}], goto: end}
          - {label: Ask the way., when: {not: {flag: asked}}, reply: Ask the boss., goto: boss}
      boss:
        text: The boss, then.
        choices:
          - {label: Please., reply: Fine., do: [{set: door_open}], goto: end}
events:
  out: {on: {enter: yard}, do: [{end: won}]}
"""


def test_only_flags_that_decide_something_matter(tmp_path):
    """Exit flags and menu routes matter; flags read only by text or chat do not."""
    (tmp_path / "w.yaml").write_text(WORLD)
    flags = relevant_flags(load_world([tmp_path]))
    assert "door_open" in flags
    assert "asked" in flags  # its menu option leads to another node
    assert "admired_door" not in flags  # only a description variant reads it
    assert "heard" not in flags  # it only picks which text LISTEN shows
    assert "chatted" not in flags  # its option only chats


def test_search_ignores_cosmetic_flags(tmp_path):
    """Listening or chatting does not multiply the states the search explores."""
    (tmp_path / "w.yaml").write_text(WORLD)
    result = search(load_world([tmp_path]))
    assert result.complete and result.winnable
    assert result.endings["won"] == ("push guard", "north")  # the room answers PUSH anything
    assert result.states < 20
