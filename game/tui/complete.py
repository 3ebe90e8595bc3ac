"""Completion of the last word of a command line against the words in scope (no textual)."""

from __future__ import annotations

from typing import NamedTuple


class Words(NamedTuple):
    """The words completion offers: verbs (and directions) and the names of things in scope."""

    verbs: tuple[str, ...]
    nouns: tuple[str, ...]


def candidates(line: str, words: Words | tuple[str, ...] | list[str]) -> list[str]:
    """Words that complete the last (partial) word of `line`, sorted, without duplicates.

    After the first word a noun belongs, so nouns are offered first (verbs when none fits).
    """
    stem = last_word(line)
    if not stem:
        return []
    if isinstance(words, Words):
        pools = [words.nouns, words.verbs] if len(line.split()) > 1 else [words.verbs + words.nouns]
    else:
        pools = [tuple(words)]
    for pool in pools:
        found = sorted({w for w in pool if w.startswith(stem) and w != stem})
        if found:
            return found
    return []


def last_word(line: str) -> str:
    """The partial word being typed at the end of `line` (lowercase)."""
    if not line or line[-1].isspace():
        return ""
    return line.split()[-1].lower()


def complete(line: str, words: Words | tuple[str, ...] | list[str]) -> tuple[str, list[str]]:
    """The line after one tab press, and the candidates that remain to choose from."""
    options = candidates(line, words)
    if not options:
        return line, []
    stem = last_word(line)
    head = line[: len(line) - len(stem)]
    if len(options) == 1:
        return head + options[0] + " ", []
    common = shared_prefix(options)
    return head + (common if len(common) > len(stem) else stem), options


def suggest(
    line: str, history: list[str], words: Words | tuple[str, ...] | list[str]
) -> str | None:
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


def shared_prefix(words: list[str]) -> str:
    """The longest start every word shares (letters, not path parts: 'sou' -> 'south')."""
    first, last = min(words), max(words)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]
