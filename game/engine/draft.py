"""A mutable working copy of the state, used inside one step and frozen at its end."""

from __future__ import annotations

from game.engine.memo import memo_for
from game.engine.output import Paragraph, Request
from game.engine.state import MAX_NUMBER, GameState, state_fields, state_from_fields
from game.model import World


class Draft:
    """The state being changed by one command, plus the output and what changed.

    The state's fields live in the instance dict (copied in one go, frozen in one go); the
    bookkeeping of the command lives in slots, outside it.
    """

    __slots__ = (
        "__dict__",
        "actions",
        "advanced",
        "condition_entered",
        "entered",
        "flags_changed",
        "memo",
        "out",
        "requests",
        "states_entered",
        "took_turn",
        "topic",
        "world",
    )

    def __init__(self, world: World, state: GameState) -> None:
        self.world = world
        self.memo = memo_for(world) if world is not None else {}  # the world's compiled checks
        self.__dict__ = state_fields(state)
        self.out: list[Paragraph] = []
        self.requests: list[Request] = []
        self.entered: list[str] = []
        self.flags_changed: set[str] = set()
        self.states_entered: set[tuple[str, str]] = set()
        self.condition_entered: str | None = None
        self.actions: list[tuple[str, str]] = []
        self.took_turn = False
        self.advanced = False  # whether this command's turn has been counted yet
        self.topic: tuple[str, ...] = ()  # the free words of the command being carried out

    def freeze(self, history: tuple[GameState, ...] = ()) -> GameState:
        """The new state, with the given undo history: the draft's fields become the state's
        own (no copy), so a draft is frozen once, at its end, and holds no state after it."""
        fields, self.__dict__ = self.__dict__, {}
        return state_from_fields(fields, history)

    def say(self, text: str, kind: str = "message") -> None:
        """Add a paragraph (empty text adds nothing)."""
        if text:
            self.out.append(Paragraph(kind, text.strip()))

    def request(self, kind: str, arg: str = "") -> None:
        """Ask the front end to do something."""
        self.requests.append(Request(kind, arg))

    def set_flag(self, name: str, value: int) -> None:
        """Set a flag or counter (kept within ±MAX_NUMBER, so every save can hold it)."""
        value = min(max(value, -MAX_NUMBER), MAX_NUMBER)
        old = self.flags.get(name, 0)
        if old != value:
            self.flags = self.flags.set(name, value) if value else self.flags.drop(name)
            if value and not old:
                self.flags_changed.add(name)

    def move_item(self, item: str, place: str) -> None:
        """Put an item somewhere."""
        self.places = self.places.set(item, place)

    @property
    def clock(self) -> int:
        """The turn number this command ends on (it counts before its turn is added)."""
        return self.turn if self.advanced else self.turn + 1

    def set_char_state(self, char: str, state: str) -> None:
        """Enter a character state now."""
        if self.char_states.get(char) != state:
            self.char_states = self.char_states.set(char, state)
            self.char_since = self.char_since.set(char, self.clock)
            self.states_entered.add((char, state))

    def set_condition(self, condition: str) -> None:
        """Enter a player condition now."""
        if self.condition != condition:
            self.condition = condition
            self.condition_since = self.clock
            self.condition_entered = condition

    def add_to(self, name: str, item: str) -> None:
        """Add an id to one of the frozenset fields."""
        current = getattr(self, name)
        if item not in current:
            setattr(self, name, current | {item})

    def discard_from(self, name: str, item: str) -> None:
        """Remove an id from one of the frozenset fields."""
        current = getattr(self, name)
        if item in current:
            setattr(self, name, current - {item})

    @property
    def ended(self) -> bool:
        """Whether the game has ended this turn (or before)."""
        return self.ending is not None
