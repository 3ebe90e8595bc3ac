"""Completion of the last word of a command line against the words in scope (no textual)."""

from __future__ import annotations

from typing import NamedTuple


class Words(NamedTuple):
    """The words completion offers: verbs (with directions), the names of things in scope, and
    the directions with the verbs they may follow (`go sou` -> `go south`)."""

    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    directions: tuple[str, ...] = ()
    movers: frozenset[str] = frozenset()


class Cycle(NamedTuple):
    """Where repeated tab presses are in a list of completions."""

    head: str  # the line before the word being completed
    options: tuple[str, ...]
    index: int  # the option shown now (-1: none yet, the shared prefix is shown)
    line: str  # the line as the last tab left it (typing anything else ends the cycle)


def pool(line: str, words: Words | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The words that may stand where the last word of `line` is: a verb (or anything) first,
    after a verb only the things in scope (and directions after a verb of movement)."""
    if not isinstance(words, Words):
        return tuple(words)
    before = line.split()[:-1] if line and not line[-1].isspace() else line.split()
    if not before:
        return words.verbs + words.nouns
    if before[0].lower() in words.movers and len(before) == 1:
        return words.directions + words.nouns
    return words.nouns


def matches(line: str, words: Words | tuple[str, ...] | list[str]) -> list[str]:
    """Every word in place that starts with the last word of `line` (itself included), sorted."""
    stem = last_word(line)
    if not stem:
        return []
    return sorted({w for w in pool(line, words) if w.startswith(stem)})


def candidates(line: str, words: Words | tuple[str, ...] | list[str]) -> list[str]:
    """Words that would lengthen the last (partial) word of `line`, sorted, without duplicates."""
    stem = last_word(line)
    return [w for w in matches(line, words) if w != stem]


def last_word(line: str) -> str:
    """The partial word being typed at the end of `line` (lowercase)."""
    if not line or line[-1].isspace():
        return ""
    return line.split()[-1].lower()


def complete(line: str, words: Words | tuple[str, ...] | list[str]) -> tuple[str, list[str]]:
    """The line after one tab press, and the candidates that remain to choose from."""
    new_line, cycle = tab(line, words, None)
    return new_line, list(cycle.options) if cycle else []


def tab(
    line: str, words: Words | tuple[str, ...] | list[str], cycle: Cycle | None
) -> tuple[str, Cycle | None]:
    """One tab press: the first extends the word as far as the choices agree (`sou` -> `south`),
    each further press shows the next choice in turn (`southeast`, `southwest`, `south`, ...)."""
    if cycle is not None and cycle.line == line and cycle.options:
        index = (cycle.index + 1) % len(cycle.options)
        new_line = cycle.head + cycle.options[index]
        return new_line, cycle._replace(index=index, line=new_line)
    options = matches(line, words)
    stem = last_word(line)
    if not options or options == [stem]:
        return line, None
    head = line[: len(line) - len(stem)]
    if len(options) == 1:
        return head + options[0] + " ", None
    common = shared_prefix(options)
    if len(common) > len(stem):
        new_line = head + common
        index = options.index(common) if common in options else -1
    else:
        index = options.index(stem) + 1 if stem in options else 0
        index %= len(options)
        new_line = head + options[index]
    return new_line, Cycle(head, tuple(options), index, new_line)


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
