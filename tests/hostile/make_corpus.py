"""Write the damaged-save corpus from a real save: `python tests/hostile/make_corpus.py`.

Each file in saves/ is a real save of tests/worlds/mini, damaged or edited in one way and (where
the case needs it) sealed again so the checksum passes. tests/test_saves_corpus.py runs the game
against every file here and against the hostile folders it builds itself.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE.parent)]

from hostile_saves import real_save, resealed, sealed, with_snapshot  # noqa: E402

from game.model import load_world  # noqa: E402


def cases(good: str) -> dict[str, str | bytes]:
    """Damaged versions of one real save's text, by file name."""
    doc = json.loads(good)
    raw = good.encode("utf-8")
    flipped = bytearray(raw)
    flipped[len(raw) // 2] ^= 0x20

    def edited(**fields) -> str:
        return sealed(with_snapshot(doc, **fields))

    return {
        "truncated.json": raw[: len(raw) * 2 // 3],
        "zeros.json": b"\0" * 4096,
        "empty.json": b"",
        "flipped.json": bytes(flipped),
        "not-utf8.json": raw.replace(b'"label"', b'"\xff\xfe"', 1),
        "not-a-save.json": b'{"hello": "world"}\n',
        "deep.json": b"[" * 100_000,
        "crlf.json": raw.replace(b"\n", b"\r\n"),
        "renamed-node.json": edited(dialogue=["han", "renamed_node"], phase="dialogue"),
        "gone-character.json": edited(dialogue=["nobody", "start"], phase="dialogue"),
        "dialogue-text.json": edited(dialogue="han", phase="dialogue"),
        "stale-question.json": edited(pending=["take {}", ["nope"]]),
        "stale-pronouns.json": edited(pronouns={"it": "nope", "them": [["a"]], "him": 5}),
        "stale-encounter.json": edited(encounter=["han", 2], phase="encounter", dialogue=None),
        "flag-text.json": edited(flags={"trust_han": "three"}),
        "flag-null.json": edited(flags={"trust_han": None}),
        "flag-huge.json": edited(flags={"trust_han": 2**90}),
        "flag-infinite.json": resealed(
            edited(flags={"trust_han": 7}).replace('"trust_han": 7', '"trust_han": 1e400')
        ),
        "item-in-itself.json": edited(places={"rusty_key": "rusty_key"}),
        "unknown-room.json": edited(location="moon", dialogue=None, phase="exploring"),
        "newer-format.json": resealed(good.replace('"min-compatible": 1', '"min-compatible": 99')),
        "other-world.json": resealed(
            good.replace('"title": "Mini Hyosan"', '"title": "Elsewhere"')
        ),
    }


def main() -> None:
    """Play, save, damage, write."""
    world = load_world([HERE.parent / "worlds" / "mini"])
    with tempfile.TemporaryDirectory() as tmp:
        path = real_save(world, Path(tmp), "real", ("take all", "east", "talk to han"))
        good = path.read_text(encoding="utf-8")
    target = HERE / "saves"
    target.mkdir(exist_ok=True)
    for name, content in cases(good).items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (target / name).write_bytes(data)
    print(f"wrote {len(cases(good))} cases to {target}")


if __name__ == "__main__":
    main()
