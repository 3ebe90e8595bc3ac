"""The HTML pieces of `hyosan index`: the style sheet, rows, lists and tables."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;color:#1d1d1f;background:#fbfaf7;margin:0 auto;
max-width:72rem;padding:1.5rem 2rem 4rem}
h1{margin:.2rem 0 0}h2{border-bottom:2px solid #8a2f2f;padding-bottom:.2rem;margin-top:2.4rem}
nav a{margin-right:1rem}.meta{color:#555}
table{border-collapse:collapse;width:100%;margin:.6rem 0}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#efece4;font-weight:600}tr:target{background:#fff2b8}
code,.id{font:13px ui-monospace,Menlo,Consolas,monospace}.id{color:#6b6b6b}
.src{font:12px ui-monospace,Menlo,Consolas,monospace;white-space:nowrap;color:#555}
.tag{display:inline-block;font-size:12px;border-radius:3px;padding:0 .35rem;margin:0 .2rem .1rem 0;
background:#e6e1d6}.tag.dark{background:#2c2c3a;color:#fff}.tag.warn{background:#f6d2c8}
.tag.layer{background:#d8ecff}
ul{margin:0;padding-left:1.1rem}.none{color:#999}
"""


def short(text: str, limit: int = 90) -> str:
    """One line of about `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def relative(path: Path, base: Path) -> str:
    """A link from the page's folder to a source file (a file: URL when no relative one exists)."""
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:
        return path.resolve().as_uri()


def html_list(items: list[str]) -> str:
    """An HTML list, or a dash when empty."""
    if not items:
        return '<span class="none">—</span>'
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def row(anchor: str, *cells: str) -> str:
    """A table row with an anchor others link to."""
    return f'<tr id="{escape(anchor)}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def section(key: str, title: str, head: tuple[str, ...], rows: list[str]) -> str:
    """A section: heading and table."""
    header = "".join(f"<th>{h}</th>" for h in head)
    body = "\n".join(rows) or f'<tr><td colspan="{len(head)}" class="none">none</td></tr>'
    return (
        f'<section id="{key}"><h2>{title} <small class=meta>({len(rows)})</small></h2>'
        f"<table><thead><tr>{header}</tr></thead><tbody>\n{body}\n</tbody></table></section>"
    )


def points(n: int) -> str:
    """`1 point`, `3 points`."""
    return f"{n} point{'' if abs(n) == 1 else 's'}"
