"""`hyosan play-agent`: run a baseline agent over a world and print what it did."""

from __future__ import annotations

import argparse
import sys
import time

from game.api.agents import Summary, play_random, play_walkthroughs
from game.api.env import Env
from game.launch import load_or_report


def run_play_agent(args: argparse.Namespace) -> int:
    """Play N episodes with the chosen agent; print score, moves, endings and coverage."""
    world = load_or_report(args)
    if world is None:
        return 1
    env = Env(world)
    seed = args.seed if args.seed is not None else 0
    started = time.perf_counter()
    if args.agent == "random":
        summary = play_random(env, args.episodes, args.max_steps, seed)
    else:
        summary = play_walkthroughs(env, args.episodes)
        if not summary.episodes:
            print("play-agent: this world has no test that reaches an ending", file=sys.stderr)
            return 1
    print_summary(summary, env, args.agent, time.perf_counter() - started)
    return 0


def print_summary(summary: Summary, env: Env, agent: str, seconds: float) -> None:
    """One row per episode, then the totals."""
    print(f"agent: {agent}, {len(summary.episodes)} episodes")
    print(f"{'episode':>7}  {'score':>5}  {'moves':>5}  {'steps':>5}  {'rooms':>5}  ending (kind)")
    for number, e in enumerate(summary.episodes, 1):
        ending = env.world.endings.get(e.ending or "")
        how = f"{e.ending} ({ending.kind})" if ending else "-"
        print(f"{number:>7}  {e.score:>5}  {e.moves:>5}  {e.steps:>5}  {len(e.rooms):>5}  {how}")
    steps = sum(e.steps for e in summary.episodes)
    best = max((e.score for e in summary.episodes), default=0)
    endings = ", ".join(f"{k} ×{v}" for k, v in summary.endings().items()) or "none"
    print(f"best score: {best}; endings reached: {endings}")
    print(f"room coverage: {summary.coverage():.0%} of {summary.room_count} rooms")
    rate = steps / seconds if seconds else 0.0
    print(f"{steps} steps in {seconds:.2f} s ({rate:,.0f} steps/s)")
