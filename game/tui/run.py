"""`hyosan` (no subcommand): run the Textual app."""

from __future__ import annotations

import os
import sys

from game.tui.config import TuiConfig


def make_app(config: TuiConfig, world=None):
    """The app, built the same way for the terminal, the browser and tests."""
    from game.tui.app import HyosanApp
    from game.tui.tolerant import tolerate_bad_input

    tolerate_bad_input()
    return HyosanApp(config, world)


def run(args) -> int:
    """Play in the terminal until the player quits; the exit code of the app."""
    served = "TEXTUAL_DRIVER" in os.environ  # textual-serve talks to the app over pipes
    terminal = all(s is not None and s.isatty() for s in (sys.stdout, sys.stdin))
    if not served and not terminal:
        print(
            "hyosan: the full-screen game needs a terminal; use `hyosan --plain` in pipes.",
            file=sys.stderr,
        )
        return 2
    app = make_app(TuiConfig.from_args(args))
    app.run()
    return app.return_code or 0


def run_replay(args) -> int:
    """`hyosan replay SAVE`: open the replay viewer on a save."""
    import dataclasses

    config = dataclasses.replace(TuiConfig.from_args(args), replay=args.save)
    app = make_app(config)
    app.run()
    return app.return_code or 0
