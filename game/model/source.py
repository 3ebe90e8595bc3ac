"""Read one world file safely into a YAML node tree, or say exactly why not."""

from __future__ import annotations

import io
import re
from pathlib import Path

import yaml

from game.model.files import MAX_FILE_BYTES, NotRegularFile, read_regular
from game.model.problems import Problem
from game.model.record import evolve, record
from game.model.syntax import diagnose

MAX_DEPTH = 64
# The cheap bracket bound ignores quoting, so a closing bracket inside a string could hide real
# nesting. Past this many opening brackets the exact event check runs anyway: libyaml's recursive
# composer crashed at 20,000-30,000 levels on an 8 MiB thread stack, so this keeps a margin.
MAX_TRUSTED_BRACKETS = 10_000

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAB_INDENT = re.compile(r"^[ ]*\t[ \t]*[^ \t\r\n]", re.MULTILINE)
_INDENT_STEPS = (12, 20)
_COMPACT_HINTS = (re.compile(r"- +[-?]"), re.compile(r"\? +[-?]"))
_COMPACT = re.compile(r"^[ ]*(?:[-?](?:[ ]+|$)){2,}", re.MULTILINE)
_TO_PARENS = bytes.maketrans(b"[{]}", b"(())")
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")

_FIXES = (
    ("mapping values are not allowed", "put quotes around text that contains ': '"),
    ("while scanning a quoted scalar", "close the quote that opens this text"),
    ("the file ends", "close the quote or bracket that is still open"),
    ("did not find expected key", "line up keys of one mapping at the same indentation"),
    ("did not find expected ',' or", "separate items with ',' and close the bracket"),
    ("expected <block end>", "check the indentation of this line against the lines above"),
    ("could not find expected ':'", "add ': ' after the key, or quote the whole text"),
    ("cannot start any token", "put quotes around text that starts with this character"),
    ("found undefined alias", "anchors and aliases are not allowed; write the value out"),
    ("found unknown escape character", "in double quotes write a backslash as '\\\\'"),
    ("block sequence entries are not allowed", "start the list on its own line under the key"),
)


@record
class _Scan:
    """What an event scan found: the first refusal, and multi-line scalar line ranges."""

    problems: list[Problem]
    multiline: list[tuple[int, int]]
    error_line: int | None


def read_yaml(path: Path, display: str | None = None) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose one YAML file into nodes (no objects built), with problems for people."""
    shown = str(path) if display is None else display
    try:
        return _read(path, shown)
    except (RecursionError, MemoryError) as err:  # belt and braces: never escapes
        return None, [
            _problem(
                shown,
                1,
                1,
                f"file could not be read ({type(err).__name__})",
                "simplify the file: it is too large or too deeply nested",
            )
        ]


def _problem(shown: str, line: int, col: int, message: str, fix: str = "") -> Problem:
    """Build an error problem."""
    return Problem(shown, line, col, message, fix)


def _read(path: Path, shown: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Read bytes, decode, pre-scan, then compose."""
    try:
        data = read_regular(path, MAX_FILE_BYTES + 1)
    except NotRegularFile as err:
        return None, [
            _problem(
                shown,
                1,
                1,
                f"this is a {err.kind}, not a regular file",
                "world files must be plain .yaml files: "
                + (
                    "copy the file here instead of linking it"
                    if err.kind == "symbolic link"
                    else "rename or remove this one"
                ),
            )
        ]
    except OSError as err:
        return None, [
            _problem(
                shown,
                1,
                1,
                f"cannot read the file: {err.strerror or err}",
                "check that it exists and is a readable file",
            )
        ]
    if len(data) > MAX_FILE_BYTES:
        return None, [
            _problem(
                shown,
                1,
                1,
                f"file is larger than {MAX_FILE_BYTES // 1024 // 1024} MiB",
                "split it into several smaller .yaml files",
            )
        ]
    text, problem = _decode(data, shown)
    if problem is not None:
        return None, [problem]
    return _parse(text, shown)


def _decode(data: bytes, shown: str) -> tuple[str, Problem | None]:
    """Decode UTF-8 (a BOM is fine), or point at the first bad byte."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        before = data[start : err.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        bad = data[err.start : err.start + 1].hex()
        return "", _problem(
            shown,
            line,
            col,
            f"file is not valid UTF-8 (byte 0x{bad})",
            "save it as UTF-8 in your editor",
        )


def _parse(text: str, shown: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Pre-scan the text, run the exact event check only when needed, then compose."""
    tabs = "\t" in text and _TAB_INDENT.search(text) is not None
    deep = _depth_bound(text) > MAX_DEPTH
    special = _has_special(text)
    if tabs or deep or special:
        scan = _scan_events(text, shown)
        if tabs:
            tab_problems = _tab_problems(text, shown, scan)
            if tab_problems:
                return None, tab_problems
        if scan.problems:
            return None, scan.problems
    try:
        stream = io.StringIO(text)
        stream.name = shown  # every node's marks name its file, even after an `extend:` merge
        return yaml.compose(stream, Loader=LOADER), []
    except yaml.YAMLError as err:
        return None, [_syntax_problem(err, text, shown)]
    except (RecursionError, ValueError, TypeError) as err:
        return None, [
            _problem(
                shown,
                1,
                1,
                f"file could not be parsed ({type(err).__name__})",
                "simplify the file's structure",
            )
        ]


def _depth_bound(text: str) -> int:
    """A cheap upper bound on nesting depth for ordinary files (indentation + brackets)."""
    for limit in _INDENT_STEPS:  # is every line indented by fewer than `limit` spaces?
        spaces = " " * limit
        if f"\n{spaces}" not in text and not text.startswith(spaces):
            indent = limit
            break
    else:
        indent = max(map(len, re.findall(r"^ +", text, re.MULTILINE))) + 1
    bound = 2 * indent + 2
    if any(hint.search(text) for hint in _COMPACT_HINTS):
        compact = (m.group(0).count("-") + m.group(0).count("?") for m in _COMPACT.finditer(text))
        bound += 2 * max(compact, default=1)
    if "[" in text or "{" in text:
        bound += _bracket_depth(text)
    return bound


def _bracket_depth(text: str) -> int:
    """Nesting of flow brackets (ignoring quoting), or a huge number past the trusted count."""
    parens = text.encode("utf-8", "replace").translate(_TO_PARENS, _NOT_BRACKET)
    if parens.count(b"(") > MAX_TRUSTED_BRACKETS:
        return MAX_TRUSTED_BRACKETS
    rounds = 0
    while b"()" in parens and rounds <= MAX_DEPTH:
        parens = parens.replace(b"()", b"")
        rounds += 1
    return rounds + parens.count(b"(")


def _has_special(text: str) -> bool:
    """Whether an anchor, alias or tag may start somewhere (at a token start)."""
    for char in "&*!":
        at = text.find(char)
        while at != -1:
            if at == 0 or text[at - 1] in " \t\r\n[{,:":
                after = text[at + 1 : at + 2]
                if char == "!" or (after and after not in " \t\r\n"):
                    return True
            at = text.find(char, at + 1)
    return False


def _scan_events(text: str, shown: str) -> _Scan:
    """Walk parser events (iterative, never recursive) for depth, anchors, aliases and tags."""
    problems: list[Problem] = []
    multiline: list[tuple[int, int]] = []
    depth = 0
    documents = 0
    try:
        for event in yaml.parse(text, Loader=LOADER):
            mark = event.start_mark
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    problems.append(
                        _problem(
                            shown,
                            mark.line + 1,
                            mark.column + 1,
                            "a second YAML document ('---') in one file",
                            "put each document in its own .yaml file",
                        )
                    )
                    break
            elif isinstance(event, yaml.AliasEvent):
                problems.append(_alias_problem(shown, mark, f"alias '*{event.anchor}'"))
                break
            elif isinstance(event, yaml.NodeEvent):
                if event.anchor is not None:
                    problems.append(_alias_problem(shown, mark, f"anchor '&{event.anchor}'"))
                    break
                if event.tag is not None:
                    problems.append(
                        _problem(
                            shown,
                            mark.line + 1,
                            mark.column + 1,
                            f"explicit tag '{event.tag}' is not allowed",
                            "remove the tag; write plain values (quote text if needed)",
                        )
                    )
                    break
                if isinstance(event, yaml.ScalarEvent):
                    if event.end_mark.line > mark.line:
                        multiline.append((mark.line + 1, event.end_mark.line))
                else:
                    depth += 1
                    if depth > MAX_DEPTH:
                        problems.append(
                            _problem(
                                shown,
                                mark.line + 1,
                                mark.column + 1,
                                f"nesting is deeper than {MAX_DEPTH} levels",
                                "flatten this structure",
                            )
                        )
                        break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as err:
        problem = _syntax_problem(err, text, shown)
        if "maximum nesting depth" in str(err):  # PyYAML >= 6.0.3 has its own limit
            problem = evolve(
                problem,
                message=f"nesting is deeper than {MAX_DEPTH} levels",
                fix="flatten this structure",
            )
        return _Scan([problem], multiline, problem.line)
    return _Scan(problems, multiline, None)


def _alias_problem(shown: str, mark: yaml.Mark, what: str) -> Problem:
    """Refuse an anchor or alias at its place."""
    return _problem(
        shown,
        mark.line + 1,
        mark.column + 1,
        f"{what}: anchors and aliases are not allowed",
        "write the value out in full where it is needed",
    )


def _tab_problems(text: str, shown: str, scan: _Scan) -> list[Problem]:
    """Tabs in indentation outside multi-line text, as one problem at the first."""
    found: list[tuple[int, int]] = []
    line, seen = 1, 0
    for match in _TAB_INDENT.finditer(text):
        line += text.count("\n", seen, match.start())
        seen = match.start()
        if scan.error_line is not None and line > scan.error_line and not found:
            break  # the syntax error comes first, so it is the one to show
        if any(first <= line <= last for first, last in scan.multiline):
            continue
        found.append((line, match.group(0).index("\t") + 1))
    if not found:
        return []
    line, col = found[0]
    more = f" (and {len(found) - 1} more lines)" if len(found) > 1 else ""
    return [
        _problem(
            shown,
            line,
            col,
            f"YAML indentation must use spaces, not tabs{more}",
            "replace the tabs at the start of the line with spaces",
        )
    ]


def _syntax_problem(err: yaml.YAMLError, text: str, shown: str) -> Problem:
    """Turn any YAMLError into a problem at its line and column, with a fix hint."""
    if isinstance(err, yaml.reader.ReaderError):
        line, col = _offset_to_line_col(text, err.position)
        char = (
            err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "?")
        )
        return _problem(
            shown,
            line,
            col,
            f"character U+{char:04X} is not allowed in YAML ({err.reason})",
            "delete it, or write it as an escape inside double quotes",
        )
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    problem = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)
    opened = getattr(err, "context_mark", None)
    if "end of stream" in problem and opened is not None:
        mark, problem = opened, f"the file ends (line {mark.line + 1}) before this is closed"
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if context == "expected a single document in the stream":
        return _problem(
            shown,
            line,
            col,
            "a second YAML document ('---') in one file",
            "put each document in its own .yaml file",
        )
    diagnosis = diagnose(text, line)
    if diagnosis is not None:
        return _problem(shown, diagnosis.line, diagnosis.col, diagnosis.message, diagnosis.fix)
    message = f"{problem} ({context})" if context else problem
    where = f"{context} {problem}"
    fix = next((hint for key, hint in _FIXES if key in where), "check the YAML syntax on this line")
    return _problem(shown, line, col, f"YAML syntax: {message}", fix)


def _offset_to_line_col(text: str, position: int) -> tuple[int, int]:
    """Line and column (1-based) of a reader error position (bytes for libyaml, chars otherwise)."""
    if LOADER is not yaml.SafeLoader:
        text = text.encode("utf-8")[:position].decode("utf-8", "ignore")
        position = len(text)
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
