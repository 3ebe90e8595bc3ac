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


async def play_over_websocket(port: int) -> str:
    """Open the game like the browser page does, start a new game, and return what was drawn."""
    seen = ""
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(f"http://localhost:{port}/ws?width=100&height=30") as ws,
    ):

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
    return ANSI.sub("", seen)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX process handling")
def test_serve_plays_the_game_over_a_websocket(tmp_path):
    """`hyosan serve` answers the browser's websocket with the title, and enter starts a game."""
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
    ]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        wait_for_port(port)
        text = asyncio.run(play_over_websocket(port))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert "THE  EXCLUSION  ZONE" in text
    assert "Concrete steps climb into the dark" in text
