"""`hyosan serve`: the same app played over textual-serve's websocket, as a browser would."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

aiohttp = pytest.importorskip("aiohttp")

WORLD_DIR = Path(__file__).parent / "snapshots" / "world"
ANSI = re.compile(
    r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)
DEADLINE = 60.0


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("localhost", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int) -> None:
    """Block until the server accepts connections."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        with socket.socket() as sock:
            if sock.connect_ex(("localhost", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listened on port {port}")


async def refused(http, port: int, origin: str | None) -> int:
    """The HTTP status a websocket handshake with this Origin gets (0 when it is accepted)."""
    headers = {"Origin": origin} if origin else {}
    try:
        async with http.ws_connect(f"http://localhost:{port}/ws", headers=headers):
            return 0
    except aiohttp.WSServerHandshakeError as error:
        return error.status


async def play_over_websocket(port: int) -> tuple[str, dict[str, int]]:
    """Open the game like the browser page does, start a new game, and return what was drawn,
    with the statuses that a foreign page, a page without an Origin, and a second tab got."""
    seen = ""
    own = {"Origin": f"http://localhost:{port}"}
    statuses = {}
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(f"http://localhost:{port}/ws?width=100&height=30", headers=own) as ws,
    ):
        statuses["foreign"] = await refused(http, port, "http://evil.example.com")
        statuses["none"] = await refused(http, port, None)
        statuses["second tab"] = await refused(http, port, own["Origin"])

        async def read_until(needle: str) -> None:
            nonlocal seen
            end = time.monotonic() + DEADLINE
            while needle not in ANSI.sub("", seen):
                message = await asyncio.wait_for(
                    ws.receive(), timeout=max(0.1, end - time.monotonic())
                )
                if message.type == aiohttp.WSMsgType.BINARY:
                    seen += message.data.decode("utf-8", "replace")
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    raise AssertionError(f"the connection closed before {needle!r} was drawn")

        await read_until("New game")
        await ws.send_json(["stdin", "\r"])
        await read_until("East Stairwell")
    return ANSI.sub("", seen), statuses


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX process handling")
def test_serve_plays_the_game_over_a_websocket(tmp_path):
    """`hyosan serve` plays over its own page's websocket; foreign pages and tabs past the cap
    are refused."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")} | {
        "HYOSAN_SAVES": str(tmp_path)
    }
    command = [
        sys.executable,
        "-m",
        "game",
        "--world",
        str(WORLD_DIR),
        "serve",
        "--port",
        str(port),
        "--max-sessions",
        "1",
    ]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        wait_for_port(port)
        text, statuses = asyncio.run(play_over_websocket(port))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert "THE  EXCLUSION  ZONE" in text
    assert "Concrete steps climb into the dark" in text
    assert statuses == {"foreign": 403, "none": 403, "second tab": 503}


def test_serve_refuses_an_empty_host_and_wants_public_for_a_network_one():
    """--host "" is refused; 0.0.0.0 needs --public and then warns; loopback names pass quietly."""
    from game.tui.serve import HostProblem, check_host

    with pytest.raises(HostProblem, match="empty"):
        check_host("", public=True)
    with pytest.raises(HostProblem, match="--public"):
        check_host("0.0.0.0", public=False)
    assert "WARNING" in check_host("0.0.0.0", public=True)
    for host in ("localhost", "127.0.0.1", "::1", "127.0.0.2"):
        assert check_host(host, public=False) == ""


def test_serve_passes_world_saves_and_seed_to_each_game():
    """Each browser tab's game gets the same --world, --saves and --seed as `hyosan serve`."""
    from game.cli import parse
    from game.tui.serve import command_line

    args = parse(["serve", "--world", str(WORLD_DIR), "--saves", "/tmp/s", "--seed", "5"])
    line = command_line(args)
    assert f"--world {WORLD_DIR}" in line and "--saves /tmp/s" in line and "--seed 5" in line
    args = parse(["--seed", "9", "serve"])
    assert "--seed 9" in command_line(args)
