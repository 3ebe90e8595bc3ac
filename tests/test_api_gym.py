"""The Gymnasium wrapper passes gymnasium's own checker in both action modes."""

from __future__ import annotations

import pytest
from conftest import MINI
from gymnasium.utils.env_checker import check_env

from game.api.gym_env import HyosanEnv, ascii_text


@pytest.mark.parametrize("mode", ["text", "index"])
def test_check_env_passes(mode):
    """gymnasium.utils.env_checker.check_env accepts the environment."""
    check_env(HyosanEnv([MINI], action_mode=mode), skip_render_check=True)


def test_valid_actions_play_by_index():
    """In index mode, action i plays the i-th valid action listed in info."""
    env = HyosanEnv([MINI], action_mode="index")
    _, info = env.reset(seed=2)
    first = info["valid_actions"][0]
    assert info["action_mask"][: len(info["valid_actions"])].all()
    obs, _, _, truncated, _ = env.step(0)
    plain = HyosanEnv([MINI])
    plain.reset(seed=2)
    assert plain.step(first)[0] == obs
    assert not truncated


def test_observations_stay_in_the_space():
    """Typographic and foreign characters are made plain so the observation fits its space."""
    env = HyosanEnv([MINI])
    text = ascii_text("“Dr. Seo’s notes” — café…\u00a0ü")
    assert env.observation_space.contains(text)
    assert text.startswith('"Dr. Seo\'s notes" -- cafe...')


def test_every_valid_action_is_in_the_text_action_space():
    """Menu numbers and hyphenated names are commands the action space contains."""
    env = HyosanEnv([MINI])
    _, info = env.reset(seed=4)
    for _ in range(30):
        for action in info["valid_actions"]:
            assert env.action_space.contains(action), action
        if not info["valid_actions"]:
            break
        *_, info = env.step(info["valid_actions"][-1])
    assert env.action_space.contains("1") and env.action_space.contains("ask nam-ra about x")


@pytest.mark.parametrize("index", [-1, 255, 9999])
def test_an_index_past_the_valid_actions_is_refused(index):
    """An index naming no valid action plays no turn and says so in info."""
    env = HyosanEnv([MINI], action_mode="index")
    env.reset(seed=2)
    before = env.game.get_world_state_hash()
    _, reward, _, _, info = env.step(index)
    assert info["invalid_action"] and reward == 0.0
    assert env.game.get_world_state_hash() == before
