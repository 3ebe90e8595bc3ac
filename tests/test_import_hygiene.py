"""The engine, model and plain front end never import textual or rich."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import importlib, sys
for name in {modules!r}:
    importlib.import_module(name)
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))
print(' '.join(bad))
"""


def imported_ui_modules(modules: list[str]) -> str:
    """Import modules in a fresh interpreter and return any textual/rich modules loaded."""
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(modules=modules)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_core_imports_no_ui_library():
    """`import game.engine, game.model, game.plain` loads neither textual nor rich."""
    assert imported_ui_modules(["game.engine", "game.model", "game.plain"]) == ""


@pytest.mark.parametrize(
    "package", ["game.saves", "game.authoring", "game.api", "game.api.gym_env"]
)
def test_tool_packages_import_no_ui_library(package):
    """The tool packages (saves, authoring, the agent API) load neither textual nor rich."""
    assert imported_ui_modules([package]) == ""


def test_the_check_can_fail():
    """The check notices when a UI library is imported (so the tests above mean something)."""
    assert "rich" in imported_ui_modules(["rich"]).split()
