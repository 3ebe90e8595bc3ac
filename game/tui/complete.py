"""Completion of the last word of a command line against the words in scope (no textual)."""

from __future__ import annotations

from os.path import commonpath


def candidates(line: str, words: tuple[str, ...] | list[str]) -> list[str]:
    """Words that complete the last (partial) word of `line`, sorted, without duplicates."""
    stem = last_word(line)
    if not stem:
        return []
    return sorted({w for w in words if w.startswith(stem) and w != stem})


def last_word(line: str) -> str:
    """The partial word being typed at the end of `line` (lowercase)."""
    if not line or line[-1].isspace():
        return ""
    return line.split()[-1].lower()


def complete(line: str, words: tuple[str, ...] | list[str]) -> tuple[str, list[str]]:
    """The line after one tab press, and the candidates that remain to choose from."""
    options = candidates(line, words)
    if not options:
        return line, []
    stem = last_word(line)
    head = line[: len(line) - len(stem)]
    if len(options) == 1:
        return head + options[0] + " ", []
    common = commonpath(options)
    return head + (common if len(common) > len(stem) else stem), options


def suggest(line: str, history: list[str], words: tuple[str, ...] | list[str]) -> str | None:
    """The inline suggestion: the newest matching history line, else the first word completion."""
    if not line.strip():
        return None
    low = line.lower()
    for past in reversed(history):
        if past.lower().startswith(low) and len(past) > len(line):
            return line + past[len(line) :]
    options = candidates(line, words)
    if options:
        return line + options[0][len(last_word(line)) :]
    return None
