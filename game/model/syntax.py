"""Where a YAML syntax error must be fixed: the unclosed quote or bracket, or the line whose
indentation breaks its block — often lines before the place the YAML reader gave up."""

from __future__ import annotations

import re

from game.model.record import record

_KEY = re.compile(r"^( *)(- +)?([^\s#'\"\[{][^:#]*?):(?: +|$)(.*)$")
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*(#.*)?$")


@record
class Diagnosis:
    """Where to edit (1-based) and what to say."""

    line: int
    col: int
    message: str
    fix: str


@record
class _Line:
    """One meaningful line: number, indentation, key (or ''), value text."""

    number: int
    indent: int
    key: str
    value: str
    value_col: int


def _lines(text: str, last: int) -> list[_Line]:
    """The lines up to `last` that are not blank, comments or block-scalar text."""
    result: list[_Line] = []
    scalar_indent: int | None = None
    for number, raw in enumerate(text.splitlines()[:last], start=1):
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip(" "))
        if scalar_indent is not None:
            if not stripped or indent > scalar_indent:
                continue
            scalar_indent = None
        if not stripped or stripped.startswith("#"):
            continue
        m = _KEY.match(raw)
        if m:
            key_indent = indent + len(m.group(2) or "")
            value = m.group(4)
            result.append(_Line(number, key_indent, m.group(3), value, len(raw) - len(value) + 1))
            if _BLOCK_SCALAR.match(value):
                scalar_indent = key_indent
        else:
            body = stripped[2:] if stripped.startswith("- ") else stripped
            result.append(_Line(number, indent, "", body, len(raw) - len(body) + 1))
    return result


def _open_quote(value: str) -> int:
    """Index of a quote that opens `value` and is not closed on the line, else -1."""
    if not value or value[0] not in "'\"":
        return -1
    quote = value[0]
    i = 1
    while i < len(value):
        ch = value[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and value[i + 1 : i + 2] == "'":
                i += 2
                continue
            return -1
        i += 1
    return 0


def _open_bracket(value: str) -> int:
    """Index of a flow bracket opening `value` that the line does not close, else -1."""
    if not value or value[0] not in "[{":
        return -1
    depth, quote, before = 0, "", ""
    for ch in value:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"" and before in "[{,:":  # a quote opens only a whole item: teachers' is text
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif ch == "#" and depth == 0:
            break
        before = before if ch == " " else ch
    return 0 if depth > 0 else -1


def _closes_before(text: str, line: _Line, error_line: int) -> bool:
    """Whether a quote left open on `line` closes on a line before the error (legal YAML)."""
    quote = line.value[0]
    rest = text.splitlines()[line.number : error_line - 1]
    return any(quote in raw for raw in rest)


def _quote(lines: list[_Line], error_line: int, text: str) -> Diagnosis | None:
    """A quoted value opened on an earlier line and never closed on its own line."""
    for line in lines:
        if line.number >= error_line:
            break
        if _open_quote(line.value) == 0 and not _closes_before(text, line, error_line):
            quote = line.value[0]
            kind = "double" if quote == '"' else "single"
            return Diagnosis(
                line.number,
                line.value_col,
                f"YAML syntax: the {kind} quote opened here "
                f"is not closed on this line, so YAML reads on until line {error_line}",
                f"end the text with {quote} on this line (for text over several lines, "
                "write '>-' after the key and indent the text below it instead of quoting)",
            )
    return None


def _bracket(lines: list[_Line], error_line: int, text: str) -> Diagnosis | None:
    """A flow list or mapping opened on an earlier line and never closed."""
    for i, line in enumerate(lines):
        if line.number > error_line:
            break
        if _open_bracket(line.value) != 0:
            continue
        after = lines[i + 1] if i + 1 < len(lines) else None
        if after is not None and after.key and after.indent <= line.indent:
            close = "]" if line.value[0] == "[" else "}"
            return Diagnosis(
                line.number,
                line.value_col,
                f"YAML syntax: the '{line.value[0]}' opened here is not closed before the next "
                f"key ('{after.key}' on line {after.number})",
                f"close it with '{close}' at the end of this line",
            )
    return None


def _indentation(lines: list[_Line], error_line: int, text: str) -> Diagnosis | None:
    """The first line indented between the levels of the blocks it could belong to."""
    levels: list[tuple[int, int]] = []  # (indent, line number) of the open blocks
    previous: _Line | None = None
    for line in lines:
        if line.number > error_line:
            break
        while levels and levels[-1][0] > line.indent:
            levels.pop()
        dedent = previous is not None and line.indent < previous.indent
        if dedent and levels and levels[-1][0] != line.indent:
            earlier = _levels(lines, line)
            inner = next(((n, no) for n, no in earlier if n > line.indent), None)
            outer = next((n, no) for n, no in earlier if n == levels[-1][0])
            return _between(line, outer, inner)
        if not levels or levels[-1][0] < line.indent:
            levels.append((line.indent, line.number))
        if (
            previous is not None
            and line.key
            and previous.key
            and previous.value
            and line.indent > previous.indent
            and not previous.value.startswith(("[", "{", "&", "!"))
        ):
            return Diagnosis(
                line.number,
                line.indent + 1,
                f"YAML syntax: '{line.key}' is indented more than '{previous.key}' on line "
                f"{previous.number}, so YAML reads it as more of that value's text",
                f"fix its indentation: {_spaces(previous.indent)}, like '{previous.key}'",
            )
        previous = line
    return None


def _levels(lines: list[_Line], upto: _Line) -> list[tuple[int, int]]:
    """Indentations used by earlier lines, nearest first."""
    return [(ln.indent, ln.number) for ln in reversed(lines) if ln.number < upto.number]


def _spaces(n: int) -> str:
    """'1 space', '4 spaces'."""
    return f"{n} space{'' if n == 1 else 's'}"


def _between(line: _Line, outer: tuple[int, int], inner: tuple[int, int] | None) -> Diagnosis:
    """A line indented between two levels."""
    choices = f"{_spaces(outer[0])} like line {outer[1]}"
    if inner:
        choices = f"{_spaces(inner[0])} like line {inner[1]}, or {choices}"
    return Diagnosis(
        line.number,
        line.indent + 1,
        f"YAML syntax: this line is indented {_spaces(line.indent)}, "
        "which lines it up with no block above it",
        f"fix its indentation: {choices}",
    )


def diagnose(text: str, error_line: int) -> Diagnosis | None:
    """The place to edit for a syntax error the YAML reader reported at `error_line`."""
    lines = _lines(text, error_line)
    for finder in (_quote, _bracket, _indentation):
        found = finder(lines, error_line, text)
        if found is not None:
            return found
    return None
