"""The keys of conditions, effects and responses, declared once (read in logic.py)."""

from __future__ import annotations

from game.model.keys import BOOL, ID, IDS, INT, TEXT, WORDS, Key, Section

STATE_TEST = Section(
    "state_test",
    "a character's state",
    Key("of", ID, "the character", required=True),
    Key("is", IDS, "the state (or any of these)", required=True),
)
ITEM_IN = Section(
    "item_in",
    "where an item is",
    Key("item", ID, "the item", required=True),
    Key("place", ID, "a room, a container item, `player` or `nowhere`", required=True),
)
CHAR_IN = Section(
    "char_in",
    "where a character is, wherever the player is",
    Key("who", ID, "the character", required=True),
    Key("place", IDS, "a room (or any of these; `nowhere` when removed)", required=True),
)
CONDITION = Section(
    "condition",
    "a condition: every key must hold",
    Key("has", ID, "the player carries the item (also inside carried containers)"),
    Key("here", ID, "the item or character is in the player's room (or carried)"),
    Key("in", IDS, "the player is in the room (or one of the rooms)"),
    Key("in_region", TEXT, "the player's room is in the region"),
    Key("visited", ID, "the player has been in the room"),
    Key("flag", ID, "the flag is set (non-zero)"),
    Key("at_least", "counter", "the counter is at least n: `{trust: 2}`"),
    Key("at_most", "counter", "the counter is at most n: `{trust: 0}`"),
    Key("state", "state_test", "the character is in the state (or one of a list): `{of, is}`"),
    Key("condition", IDS, "the player's condition is this (or one of a list)"),
    Key(
        "item_in", "item_in", "the item is directly in that room, container, `player` or `nowhere`"
    ),
    Key(
        "char_in",
        "char_in",
        "the character is in that room (or one of a list), wherever the player is",
    ),
    Key("is_open", ID, "the door or container is open"),
    Key("is_locked", ID, "the door or container is locked"),
    Key("is_lit", ID, "the light source is lit"),
    Key("is_worn", ID, "the player wears the item"),
    Key("turn_at_least", INT, "the turn counter is at least n", 0, low=0),
    Key(
        "chance",
        INT,
        "true this percent of the time (the game's seeded random generator)",
        0,
        low=0,
        high=100,
    ),
    Key(
        "topic",
        WORDS,
        "the topic asked or told about is this word (or one of a list; numbers by value)",
    ),
    Key("not", "conditions", "the condition does not hold"),
    Key("any", "condition_list", "one of them holds"),
    Key("all", "condition_list", "all of them hold"),
)
CONDITION_OPS = list(CONDITION.keys)

MOVE = Section(
    "move",
    "move an item",
    Key("item", ID, "the item", required=True),
    Key("to", ID, "a room, a container item, `player` or `nowhere`", required=True),
)
MOVE_CHARACTER = Section(
    "move_character",
    "move a character",
    Key("who", ID, "the character", required=True),
    Key("to", ID, "a room or `nowhere`", required=True),
)
STATE_CHANGE = Section(
    "state_change",
    "a declared transition of a character",
    Key("of", ID, "the character", required=True),
    Key("to", ID, "the state", required=True),
)
EFFECT = Section(
    "effect",
    "an effect: each key is one effect",
    Key("say", TEXT, "shows the text"),
    Key("event", TEXT, "shows the text as an event"),
    Key("warn", TEXT, "shows the text as a warning"),
    Key("set", "set", "sets a flag (to 1), or a counter: `{trust: 3}`"),
    Key("unset", ID, "clears a flag"),
    Key("add", "counter", "adds to a counter (negative numbers subtract): `{trust: 1}`"),
    Key("give", ID, "the item goes to the player"),
    Key("remove", ID, "the item goes nowhere"),
    Key("move", "move", "the item goes to a room, container, `player` or `nowhere`"),
    Key("move_player", ID, "the player moves there (and looks)"),
    Key("move_character", "move_character", "the character moves (`nowhere` removes them)"),
    Key("state", "state_change", "the character takes a declared transition to the state"),
    Key("condition", ID, "the player's condition takes a declared transition"),
    Key("open", ID, "opens the door or container"),
    Key("close", ID, "closes it"),
    Key("lock", ID, "locks it"),
    Key("unlock", ID, "unlocks it"),
    Key("encounter", ID, "starts an encounter with the character"),
    Key("end_encounter", BOOL, "ends the current encounter (`true`)"),
    Key("score", INT, "adds to the score", 0),
    Key("end", ID, "ends the game with that ending"),
)
EFFECT_OPS = list(EFFECT.keys)
RESPONSE = Section(
    "response",
    "a guarded response",
    Key("when", "conditions", "used only when this holds"),
    Key("say", TEXT, "what is shown"),
    Key("do", "effects", "effects, in order"),
)
RESPONSE_KEYS = RESPONSE.names
