"""A Gymnasium environment over `Env` (needs the optional `gymnasium` extra)."""

from __future__ import annotations

import string
import unicodedata
from typing import Any, ClassVar

import gymnasium
from gymnasium import spaces

from game.api.env import Env

CHARSET = frozenset(string.printable) - frozenset("\x0b\x0c\r")
COMMAND_CHARSET = "".join(sorted(frozenset(string.printable) - frozenset("\t\n\x0b\x0c\r")))
NOT_VALID = "[That index names no valid action here; nothing happened.]"
MAX_TEXT = 1 << 15
MAX_ACTIONS = 256
MAX_COMMAND = 120
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "—": "--", "–": "-", "…": "..."})


def ascii_text(text: str) -> str:
    """The text in the observation space's characters: typographic marks made plain, rest '?'."""
    text = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    kept = "".join(c if c in CHARSET else ("" if unicodedata.combining(c) else "?") for c in text)
    return kept[:MAX_TEXT]


class HyosanEnv(gymnasium.Env):
    """Text observations; actions are command strings, or indexes into the valid actions.

    `action_mode="text"` (default): any command string, and `info["valid_actions"]` lists the
    exact valid ones. `action_mode="index"`: `Discrete(256)`, action i plays the i-th valid
    action (`info["action_mask"]` marks which indexes are valid now; an index past the list
    is refused: no turn passes, the reward is 0 and `info["invalid_action"]` is true).
    """

    metadata: ClassVar[dict] = {"render_modes": ["ansi"]}

    def __init__(self, world=None, action_mode: str = "text", render_mode: str | None = None):
        self.game = Env(world)
        self.action_mode = action_mode
        self.render_mode = render_mode
        self.observation_space = spaces.Text(max_length=MAX_TEXT, charset="".join(sorted(CHARSET)))
        if action_mode == "index":
            self.action_space = spaces.Discrete(MAX_ACTIONS)
        else:
            self.action_space = spaces.Text(max_length=MAX_COMMAND, charset=COMMAND_CHARSET)
        self._actions: list[str] = []

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        """Start a game; the seed fixes the world's dice."""
        super().reset(seed=seed)
        game_seed = seed if seed is not None else int(self.np_random.integers(0, 2**31))
        text, _ = self.game.reset(game_seed)
        return ascii_text(text), self._info(text)

    def step(self, action: Any):
        """Play one command (or the index of a valid action)."""
        if self.action_mode == "index":
            index = int(action)
            if not 0 <= index < len(self._actions):
                info = self._info(NOT_VALID)
                info["invalid_action"] = True
                return ascii_text(NOT_VALID), 0.0, self.game.is_done(), False, info
            command = self._actions[index]
        else:
            command = str(action)
        text, reward, done, _ = self.game.step(command)
        return ascii_text(text), float(reward), done, False, self._info(text)

    def _info(self, text: str) -> dict:
        """Score, moves, the exact text and the valid actions of the new state."""
        self._actions = self.game.get_valid_actions()[:MAX_ACTIONS]
        info = {
            "invalid_action": False,
            "moves": self.game.get_moves(),
            "score": self.game.get_score(),
            "text": text,
            "valid_actions": list(self._actions),
            "state_hash": self.game.get_world_state_hash(),
        }
        if self.action_mode == "index":
            import numpy as np

            mask = np.zeros(MAX_ACTIONS, dtype=np.int8)
            mask[: len(self._actions)] = 1
            info["action_mask"] = mask
        return info

    def render(self) -> str | None:
        """The last text, for render_mode 'ansi'."""
        return self.game.last.text if self.render_mode == "ansi" else None
