"""`hyosan serve`: the same app in a browser on localhost, through textual-serve."""

from __future__ import annotations

import shlex
import sys


def command_line(args) -> str:
    """The command textual-serve starts for each browser session."""
    parts = [sys.executable, "-m", "game"]
    for folder in getattr(args, "world", None) or []:
        parts += ["--world", str(folder)]
    if getattr(args, "saves", None):
        parts += ["--saves", str(args.saves)]
    if getattr(args, "seed", None) is not None:
        parts += ["--seed", str(args.seed)]
    if getattr(args, "debug", None):
        parts.append("--debug")
    return shlex.join(parts)


def run(args) -> int:
    """Serve until interrupted."""
    from textual_serve.server import Server

    server = Server(command_line(args), host=args.host, port=args.port, title="Hyosan")
    server.serve()
    return 0
