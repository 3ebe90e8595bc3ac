"""`hyosan serve`: the same app in a browser, through textual-serve, safe to run on a laptop.

Only pages served by this server may open its websocket (the Origin must be our own), at most
`--max-sessions` games run at once, and a non-loopback address needs `--public`. Each browser
tab runs its own game process; every tab shares the one save folder (`--saves`).
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from typing import Any

MAX_SESSIONS = 4
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


class HostProblem(Exception):
    """The --host given cannot be served safely as asked."""


def command_line(args: Any) -> str:
    """The command textual-serve starts for each browser session (a game of its own)."""
    parts = [sys.executable, "-m", "game"]
    for folder in getattr(args, "world", None) or []:
        parts += ["--world", str(folder)]
    if getattr(args, "saves", None):
        parts += ["--saves", str(args.saves)]
    if getattr(args, "seed", None) is not None:
        parts += ["--seed", str(args.seed)]
    return shlex.join(parts)


def is_loopback(host: str) -> bool:
    """Whether a host name or address only reaches this machine."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str, public: bool) -> str:
    """A warning to print ('' for none); raises HostProblem for a host that must be refused."""
    if not host.strip():
        raise HostProblem(
            "--host is empty, which would listen on every network interface. "
            "Use --host localhost (the default)."
        )
    if is_loopback(host):
        return ""
    if not public:
        raise HostProblem(
            f"--host {host} lets other machines on the network play, load and overwrite saves. "
            "If you mean it, add --public."
        )
    return (
        f"WARNING: serving on {host}: anyone who can reach this address can play and "
        "overwrite the saves in the save folder. Stop with ctrl+c."
    )


def own_origins(host: str, port: int) -> frozenset[str]:
    """The Origin headers of pages this server itself serves."""
    names = {host}
    if is_loopback(host):
        names |= {"localhost", "127.0.0.1", "[::1]"}
    suffix = "" if port == 80 else f":{port}"
    return frozenset(f"http://{name}{suffix}" for name in names)


def make_server(args: Any) -> Any:
    """The textual-serve server with our checks on its websocket."""
    from aiohttp import web
    from textual_serve.server import Server

    class GameServer(Server):
        """textual-serve, refusing foreign pages and more than `limit` games at once."""

        def __init__(self, *a: Any, limit: int, **kw: Any) -> None:
            super().__init__(*a, **kw)
            self.limit = limit
            self.sessions = 0
            self.origins = own_origins(self.host, self.port)

        async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
            """Start a game only for our own page, and only while there is room."""
            origin = request.headers.get("Origin", "")
            if origin not in self.origins:
                return web.Response(status=403, text="This game only talks to its own page.\n")
            if self.sessions >= self.limit:
                return web.Response(
                    status=503, text=f"{self.limit} games are already running here.\n"
                )
            self.sessions += 1
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions -= 1

    limit = max(1, getattr(args, "max_sessions", None) or MAX_SESSIONS)
    return GameServer(
        command_line(args), host=args.host, port=args.port, title="Hyosan", limit=limit
    )


def run(args: Any) -> int:
    """Serve until interrupted."""
    try:
        warning = check_host(args.host, getattr(args, "public", False))
    except HostProblem as problem:
        print(f"hyosan serve: {problem}", file=sys.stderr)
        return 2
    if warning:
        print("\n" + "!" * 72 + f"\n{warning}\n" + "!" * 72 + "\n", file=sys.stderr)
    make_server(args).serve()
    return 0
