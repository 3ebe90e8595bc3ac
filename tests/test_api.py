"""The agent API: Jericho-shaped methods, exact valid actions, stable hashes, baseline agents."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import MINI, world_at

from game.api import Env
from game.api.agents import play_random, play_walkthroughs, walkthroughs
from game.cli import main

SAMPLE = ("look", "inventory", "x me", "xyzzy", "listen", "score", "help", "take", "north")


@pytest.fixture
def env(mini_world) -> Env:
    """A fresh game of the mini world."""
    return Env(mini_world, seed=3)


def test_reset_and_step_have_jerichos_shapes(env):
    """reset gives (text, info); step gives (text, reward, done, info) with moves and score."""
    text, info = env.reset()
    assert isinstance(text, str) and text
    assert set(info) == {"moves", "score"} and info["moves"] == 0
    text, reward, done, info = env.step(env.get_valid_actions()[0])
    assert isinstance(text, str) and text
    assert isinstance(reward, int) and isinstance(done, bool)
    assert info["moves"] == env.get_moves() and info["score"] == env.get_score()


def test_queries_answer_from_the_state(env):
    """Location, inventory, score and max score come from the game, not from the text."""
    assert env.get_player_location() == env.world.player.start
    assert env.get_inventory() == [env.world.items[i].name for i in env.world.player.inventory]
    assert env.get_max_score() == env.world.max_score
    assert env.get_moves() == 0 and not env.victory() and not env.game_over()
    assert "look" in env.get_dictionary()


def test_set_state_goes_back(env):
    """A state kept with get_state plays the same again after set_state."""
    env.reset()
    kept = env.get_state()
    actions = env.get_valid_actions()
    first = env.step(actions[-1])
    env.set_state(kept)
    assert env.get_valid_actions() == actions
    assert env.step(actions[-1]) == first


def _walk(env: Env, steps: int) -> list[tuple[str, list[str]]]:
    """Play the middle valid action each step; the hash and the actions at each state."""
    seen = []
    for _ in range(steps):
        actions = env.get_valid_actions()
        seen.append((env.get_world_state_hash(), actions))
        if not actions or env.is_done():
            break
        env.step(actions[len(actions) // 2])
    return seen


def test_every_valid_action_changes_the_hash_and_others_add_nothing(env):
    """Listed actions change the state; an unlisted command changes nothing or repeats one."""
    for _ in range(25):
        actions = env.get_valid_actions()
        if not actions:
            break
        here, kept = env.get_world_state_hash(), env.get_state()
        results = set()
        for action in actions:
            env.step(action)
            after = env.get_world_state_hash()
            assert after != here, f"{action!r} is listed but changed nothing"
            results.add(after)
            env.set_state(kept)
        for command in SAMPLE:
            if command not in actions:
                env.step(command)
                after = env.get_world_state_hash()
                assert after == here or after in results, f"{command!r} reached a new state"
                env.set_state(kept)
        env.step(actions[len(actions) // 3])


def test_same_seed_and_actions_give_the_same_run_in_another_process(mini_world):
    """Hashes and actions along a walk are the same in a second Python process."""
    here = _walk(Env(mini_world, seed=5), 30)
    script = (
        "import json\nfrom game.api import Env\n"
        f"env = Env([{str(MINI)!r}], seed=5)\nseen = []\n"
        "for _ in range(30):\n"
        "    actions = env.get_valid_actions()\n"
        "    seen.append((env.get_world_state_hash(), actions))\n"
        "    if not actions or env.is_done():\n        break\n"
        "    env.step(actions[len(actions) // 2])\n"
        "print(json.dumps(seen))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    there = [tuple(x) for x in json.loads(done.stdout)]
    assert [(h, list(a)) for h, a in here] == [(h, list(a)) for h, a in there]


def test_state_hash_ignores_parser_memory(env):
    """A command that only changes parser memory (AGAIN's line, pronouns) keeps the hash."""
    before = env.get_world_state_hash()
    env.step("xyzzy")
    env.step("x me")
    assert env.get_world_state_hash() == before


def test_the_random_agent_is_seeded(mini_world):
    """Two random runs with one seed make the same moves; a game's end stops an episode."""
    one = play_random(Env(mini_world), episodes=2, max_steps=40, seed=9)
    two = play_random(Env(mini_world), episodes=2, max_steps=40, seed=9)
    assert [(e.score, e.steps, e.ending) for e in one.episodes] == [
        (e.score, e.steps, e.ending) for e in two.episodes
    ]
    assert all(e.steps <= 40 for e in one.episodes)


def test_walkthrough_agent_reaches_the_tests_endings():
    """The shipped world's tests that end the game reach their endings through the API."""
    world = world_at(MINI.parent.parent.parent / "world")
    routes = walkthroughs(world)
    assert routes
    summary = play_walkthroughs(Env(world), episodes=len(routes))
    assert {e.ending for e in summary.episodes} == {ending for _, _, ending in routes}


def test_play_agent_command_prints_its_table(capsys):
    """`hyosan play-agent` runs episodes and prints score, endings and coverage."""
    assert (
        main(
            [
                "play-agent",
                "--agent",
                "random",
                "--episodes",
                "2",
                "--max-steps",
                "15",
                "--world",
                str(MINI),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "agent: random, 2 episodes" in out
    assert "room coverage:" in out and "endings reached:" in out and "ending (kind)" in out


def test_play_agent_refuses_a_broken_world(tmp_path, capsys):
    """A world with errors is reported, not a traceback."""
    (tmp_path / "bad.yaml").write_text("rooms:\n  a:\n    exits: {north: nowhere}\n")
    assert main(["play-agent", "--agent", "random", "--world", str(tmp_path)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_front_end_commands_say_they_are_not_for_agents(env):
    """SAVE in an Env says how an agent keeps states instead of answering nothing."""
    text, *_ = env.step("save")
    assert "get_state()" in text


def test_a_non_string_action_is_a_clear_error(env):
    """step(None) names the problem."""
    with pytest.raises(TypeError, match="command string"):
        env.step(None)


def test_the_hash_without_the_clock_repeats_when_walking_to_and_fro():
    """clock=False leaves timers out: once one-time events have fired, round trips repeat."""
    world = world_at(MINI.parent.parent.parent / "world")
    env = Env(world, seed=1)
    exits = [a for a in env.get_valid_actions() if a in ("n", "s", "e", "w", "north", "east")]
    assert exits
    back = {"n": "s", "s": "n", "e": "w", "w": "e", "north": "south", "east": "west"}
    hashes = []
    for _ in range(3):
        env.step(exits[0])
        env.step(back[exits[0]])
        hashes.append((env.get_world_state_hash(clock=False), env.get_world_state_hash()))
    assert hashes[1][0] == hashes[2][0]
    assert hashes[1][1] != hashes[2][1]  # with the clock, the turns spent still show


def test_play_agent_refuses_a_count_below_one(capsys):
    """--episodes 0 is an error, not an empty table."""
    with pytest.raises(SystemExit):
        main(["play-agent", "--episodes", "0", "--world", str(MINI)])
    assert "at least 1" in capsys.readouterr().err
