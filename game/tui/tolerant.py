"""Terminal and browser input decoded tolerantly: bytes that are not UTF-8 become U+FFFD instead
of stopping Textual's input thread (its drivers decode strictly)."""

from __future__ import annotations

import codecs
import functools
import importlib

DRIVERS = ("linux_driver", "linux_inline_driver", "web_driver")


def tolerant_decoder(encoding: str) -> functools.partial:
    """An incremental decoder class for `encoding` that replaces undecodable bytes."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def tolerate_bad_input() -> None:
    """Make every Textual driver that reads bytes decode them with errors='replace'."""
    for name in DRIVERS:
        try:
            module = importlib.import_module(f"textual.drivers.{name}")
        except ImportError:  # a driver for another platform
            continue
        if hasattr(module, "getincrementaldecoder"):
            module.getincrementaldecoder = tolerant_decoder
