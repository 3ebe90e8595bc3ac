"""A game as an environment for agents, shaped like Jericho's FrotzEnv (see docs/agents.md)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from game.api.hashing import state_hash
from game.engine import GameState, Paragraph, new_game, status, step
from game.engine.moves import valid_actions
from game.model import World, load_world

WON = ("victory", "bittersweet")
FRONT_END_ONLY = (
    "[Saving, restoring, transcripts and quitting are for a player's front end; "
    "an agent keeps states with get_state() and set_state().]"
)
LOST = ("tragic", "death")


@attrs.frozen
class Observation:
    """What one reset or step showed: the text and its paragraphs with their kinds."""

    text: str
    paragraphs: tuple[Paragraph, ...]


def _text(paragraphs: Sequence[Paragraph]) -> str:
    """Paragraphs as plain text, blank-line separated."""
    return "\n\n".join(p.text for p in paragraphs)


class Env:
    """One game of one world, driven by text commands; reset() starts it again.

    Methods and return shapes follow Jericho's FrotzEnv where the concepts match:
    `reset() -> (observation, info)`, `step(action) -> (observation, reward, done, info)`,
    `info = {"moves": int, "score": int}`.
    """

    def __init__(self, world: World | Iterable[Path | str] | None = None, seed: int = 0) -> None:
        if world is None:
            from game.paths import default_world_dirs

            world = default_world_dirs()
        self.world: World = world if isinstance(world, World) else load_world(world)
        self.seed = seed
        self.state, opening = new_game(self.world, seed)
        self.last = Observation(_text(opening), opening)

    # -- Jericho's core loop -------------------------------------------------------------
    def reset(self, seed: int | None = None) -> tuple[str, dict]:
        """Start a new game (with a new seed if given); return the opening text and info."""
        if seed is not None:
            self.seed = seed
        self.state, opening = new_game(self.world, self.seed)
        self.last = Observation(_text(opening), opening)
        return self.last.text, self._info()

    def step(self, action: str) -> tuple[str, int, bool, dict]:
        """Play one command; return (text, reward = score gained, done, info)."""
        if not isinstance(action, str):
            raise TypeError(f"an action is a command string, not {type(action).__name__}")
        before = self.state.score
        turn = step(self.world, self.state, action)
        self.state = turn.state
        output = turn.output
        if turn.requests:
            output += (Paragraph("meta", FRONT_END_ONLY),)
        self.last = Observation(_text(output), output)
        return self.last.text, self.state.score - before, self.is_done(), self._info()

    def _info(self) -> dict:
        """Jericho's info dictionary."""
        return {"moves": self.state.turn, "score": self.state.score}

    # -- what an agent may ask -----------------------------------------------------------
    def get_valid_actions(self) -> list[str]:
        """Every command that changes the game's state here, in a stable order (exact)."""
        return valid_actions(self.world, self.state)

    def get_world_state_hash(self, clock: bool = True) -> str:
        """A hex digest of the state, stable across processes and platforms.

        With `clock=False` the turn count, timers and the dice are left out, so walking to
        and fro repeats hashes even while something counts down (for visited sets).
        """
        return state_hash(self.world, self.state, clock=clock)

    def get_score(self) -> int:
        """The score so far."""
        return self.state.score

    def get_max_score(self) -> int:
        """The most points the world can give."""
        return self.world.max_score

    def get_moves(self) -> int:
        """Moves taken (commands that passed game time)."""
        return self.state.turn

    def get_inventory(self) -> list[str]:
        """The names of what the player carries (Jericho returns Z-machine objects)."""
        return list(status(self.world, self.state).inventory)

    def get_player_location(self) -> str:
        """The id of the player's room (Jericho returns a Z-machine object)."""
        return self.state.location

    def get_state(self) -> GameState:
        """The whole state: an immutable value, so keeping it is a snapshot."""
        return self.state

    def set_state(self, state: GameState) -> None:
        """Go back to (or jump to) a state returned by get_state."""
        self.state = state

    def get_dictionary(self) -> list[str]:
        """Every word the parser knows in this world: its verbs and the names of things."""
        from game.engine.grammar import VERB_WORDS

        return sorted(set(VERB_WORDS) | set(self.world.lexicon))

    def get_walkthrough(self) -> list[str]:
        """The commands of the world's first test that reaches a winning ending, if any."""
        from game.api.agents import walkthroughs

        routes = walkthroughs(self.world)
        return list(routes[0][1]) if routes else []

    def victory(self) -> bool:
        """True once the game has ended with a victory or bittersweet ending."""
        return self._ending_kind() in WON

    def game_over(self) -> bool:
        """True once the game has ended with a tragic ending or the player's death."""
        return self._ending_kind() in LOST

    def is_done(self) -> bool:
        """True once any ending has been reached."""
        return self.state.phase == "ended"

    def _ending_kind(self) -> str | None:
        """The kind of the ending reached, if any."""
        ending = self.world.endings.get(self.state.ending or "")
        return ending.kind if ending else None

    def copy(self) -> Env:
        """Another environment at the same point (the world is shared, it never changes)."""
        other = Env.__new__(Env)
        other.world, other.seed, other.state, other.last = (
            self.world,
            self.seed,
            self.state,
            self.last,
        )
        return other

    def close(self) -> None:
        """Nothing to free (kept for Jericho compatibility)."""

    # short names
    valid_actions = get_valid_actions
    state_hash = get_world_state_hash
