"""The world-load cache gives the same world, misses on any edit, and never trusts its file."""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.launch import load_for_play
from game.model import cache as world_cache
from game.model import load_world
from game.model.cache import MAGIC, VERSION, load_world_cached
from game.saves.identity import world_id

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "worlds" / "mini"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A private cache folder."""
    monkeypatch.setenv("HYOSAN_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "world"


def _entry(cache: Path) -> Path:
    """The one cache entry written."""
    entries = list(cache.glob("*.world"))
    assert len(entries) == 1, entries
    return entries[0]


def test_a_cached_world_is_the_loaded_world_with_the_same_identity(cache):
    """Second start reads the cache: equal world, same save identity, extras handed back."""
    fresh = load_world([ROOT / "world"])
    first, extras = load_world_cached([ROOT / "world"], {"answer": lambda w: len(w.rooms)})
    again, kept = load_world_cached([ROOT / "world"], {"answer": lambda w: -1})
    assert _entry(cache).stat().st_size > 0
    assert again == fresh and first == fresh
    assert kept == extras == {"answer": len(fresh.rooms)}
    assert world_id(again).hash == world_id(fresh).hash
    assert load_for_play([ROOT / "world"]).rooms.keys() == fresh.rooms.keys()


def test_a_cached_world_starts_without_yaml_and_keeps_its_tests_expectations(cache):
    """A cache hit imports no PyYAML; a world test's `expect` is built when first read."""
    fresh = load_world([ROOT / "world"])
    load_world_cached([ROOT / "world"])
    code = (
        "import sys; from pathlib import Path; from game.model.cache import load_world_cached\n"
        f"world, _ = load_world_cached([Path({str(ROOT / 'world')!r})])\n"
        "print('yaml' in sys.modules)\n"
        "print([sorted((t.expect.values if t.expect else {}).keys()) for t in world.tests])\n"
        "print('yaml' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split("\n")
    expected = [sorted((t.expect.values if t.expect else {}).keys()) for t in fresh.tests]
    assert any(expected), "the shipped world's tests have expectations"
    assert out[:3] == ["False", repr(expected), "True"]


def test_an_edited_world_misses_the_cache(cache, tmp_path):
    """Changing one file's text gives a new entry and the new content."""
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    load_world_cached([folder])
    game = folder / "game.yaml"
    game.write_text(game.read_text().replace("Mini Hyosan", "Mini Changed"))
    world, _ = load_world_cached([folder])
    assert world.info.title == "Mini Changed"
    assert len(list(cache.glob("*.world"))) == 2


def _sealed(payload: bytes) -> bytes:
    """An entry around a payload, with the digest this code writes (as a forger would)."""
    return MAGIC + hashlib.sha256(payload).digest() + payload


def _rewritten(change):
    """A damage that rewrites the entry's (version, classes, world, extras) and reseals it."""

    def damage(raw: bytes) -> bytes:
        fields = dict(zip(("version", "classes", "world", "extras"), _payload(raw), strict=True))
        return _sealed(marshal.dumps(tuple(change(fields).values())))

    return damage


def _payload(raw: bytes) -> tuple:
    """An entry's content."""
    return marshal.loads(raw[len(MAGIC) + 32 :])


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"not an entry at all {",
        lambda raw: raw[: len(raw) // 2],  # torn: the digest no longer matches
        lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]),  # one bit flipped
        lambda raw: _sealed(b"\xff\x00 garbage that marshal refuses"),
        lambda raw: _sealed(marshal.dumps(compile("import os", "x", "exec"))),
        _rewritten(lambda d: {**d, "classes": [("os", "system", ())]}),
        _rewritten(lambda d: {**d, "classes": [("game.model.cache", "Path", ("x",))]}),
        _rewritten(lambda d: {**d, "world": [0, "__import__('os').system('false')"]}),
        _rewritten(lambda d: {**d, "world": [-99, 1]}),
        _rewritten(lambda d: {**d, "world": ["zz", 1]}),
        _rewritten(lambda d: {**d, "world": "a string, not a world"}),
        _rewritten(lambda d: {**d, "version": 999}),
    ],
    ids=[
        "garbage",
        "torn",
        "bit-flip",
        "sealed-garbage",
        "code-object",
        "foreign-module",
        "non-model-class",
        "text-as-code",
        "bad-tag",
        "text-tag",
        "not-world",
        "version",
    ],
)
def test_a_tampered_entry_is_ignored_and_the_world_loads_afresh(cache, damage):
    """Whatever the file says, only model classes are built and a bad entry means a fresh load."""
    fresh, _ = load_world_cached([MINI])
    entry = _entry(cache)
    entry.write_bytes(damage(entry.read_bytes()))
    world, _ = load_world_cached([MINI])
    assert world == fresh
    assert _payload(entry.read_bytes())[0] == VERSION  # rewritten from the fresh load


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    """HYOSAN_CACHE=off writes nothing."""
    monkeypatch.setenv("HYOSAN_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    world, _ = load_world_cached([MINI])
    assert world == load_world([MINI])
    assert not any(tmp_path.iterdir())


START = """
import contextlib, io, sys
from game.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["--plain"])
heavy = ("attr", "attrs", "yaml", "dataclasses", "inspect", "game.model.loader", "game.authoring")
print(" ".join(sorted(m for m in sys.modules if m.startswith(heavy))))
"""


def test_a_cached_plain_start_imports_no_loader_yaml_or_class_builder(cache, tmp_path):
    """Once the world is cached, `hyosan --plain` to its first prompt loads neither PyYAML nor
    the loader, nor attrs, dataclasses or inspect (the start-up's biggest costs once)."""
    env = {**os.environ, "HYOSAN_CACHE": str(cache.parent), "HYOSAN_SAVES": str(tmp_path / "s")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", START],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        ).stdout.split()
        for _ in range(2)
    ]
    assert "yaml" in runs[0] and "game.model.loader" in runs[0]  # the first start loads the YAML
    assert runs[1] == []


def test_the_folder_keeps_only_the_most_recently_used_entries(cache, tmp_path, monkeypatch):
    """Every edit makes an entry; writing one removes all but the newest KEEP (a read counts
    as a use), and leaves anything else in the folder alone."""
    monkeypatch.setattr(world_cache, "KEEP", 2)
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    game = folder / "game.yaml"
    original = game.read_text()
    cache.mkdir(parents=True)
    (cache / "notes.txt").write_text("not an entry")
    names = []
    for n in range(4):
        game.write_text(original.replace("Mini Hyosan", f"Mini {n}"))
        load_world_cached([folder])
        names.append(max(cache.glob("*.world"), key=lambda p: p.stat().st_mtime_ns).name)
        time.sleep(0.01)
    game.write_text(original.replace("Mini Hyosan", "Mini 2"))
    assert load_world_cached([folder])[0].info.title == "Mini 2"  # a hit: entry 2 used again
    time.sleep(0.01)
    game.write_text(original.replace("Mini Hyosan", "Mini 9"))
    load_world_cached([folder])
    kept = {p.name for p in cache.glob("*.world")}
    assert len(kept) == 2 and names[2] in kept and names[3] not in kept
    assert (cache / "notes.txt").exists()
