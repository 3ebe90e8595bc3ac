"""Word wrapping to a width in terminal cells, as line start offsets (no textual import)."""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*")


def wrap_offsets(text: str, width: int) -> list[int]:
    """Start offsets of the lines `text` wraps to at `width` cells; newlines always break."""
    width = max(1, width)
    if "\n" not in text and len(text) <= width and text.isascii():
        return [0]
    starts: list[int] = []
    base = 0
    for line in text.split("\n"):
        if line.isascii():
            _wrap_ascii(line, width, base, starts)
        else:
            _wrap_cells(line, width, base, starts)
        base += len(line) + 1
    return starts


def _wrap_ascii(line: str, width: int, base: int, starts: list[int]) -> None:
    """Greedy wrap of one hard line of ASCII text (one cell per character)."""
    starts.append(base)
    pos, size = 0, len(line)
    while size - pos > width:
        cut = line.rfind(" ", pos + 1, pos + width + 1)
        if cut <= pos:
            nxt = pos + width
        else:
            nxt = cut + 1
            while nxt < size and line[nxt] == " ":
                nxt += 1
            if nxt >= size:
                return
        starts.append(base + nxt)
        pos = nxt


def _wrap_cells(line: str, width: int, base: int, starts: list[int]) -> None:
    """Greedy wrap of one hard line whose characters may be wide (CJK, emoji)."""
    starts.append(base)
    used = cell_len(line[: len(line) - len(line.lstrip(" "))])
    for match in _WORD.finditer(line):
        word = match.group().rstrip()
        word_cells = cell_len(word)
        if used and used + word_cells > width:
            starts.append(base + match.start())
            used = 0
        spaces = len(match.group()) - len(word)
        if word_cells > width:
            used = _break_long_word(word, width, base + match.start(), starts, used) + spaces
        else:
            used += word_cells + spaces


def _break_long_word(word: str, width: int, start: int, starts: list[int], used: int) -> int:
    """Hard-break a word wider than the line; returns the cells used on the last line."""
    for index, char in enumerate(word):
        cells = cell_len(char)
        if used and used + cells > width:
            starts.append(start + index)
            used = 0
        used += cells
    return used


def line_text(text: str, starts: list[int] | tuple[int, ...], index: int) -> str:
    """The visible text of wrapped line `index` (trailing spaces and newline removed)."""
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return text[starts[index] : end].rstrip()
