"""Layered worlds: what a later --world folder adds, extends (`extend: true`) or replaces."""

from __future__ import annotations

from collections.abc import Callable

from game.model import lazyyaml as yaml
from game.model.problems import did_you_mean
from game.model.reader import Ctx, Map, Where, boolean, check_id
from game.model.record import field, record

MODES = ("extend", "replace")


@record
class LayerReport:
    """What one world folder did to the ones before it, as `kind 'id'` strings."""

    folder: str
    added: tuple[str, ...] = ()
    extended: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()


@record(frozen=False)
class Entry:
    """One definition as it stands after the layers read so far."""

    ctx: Ctx
    node: yaml.Node
    layer: int
    where: Where


@record(frozen=False)
class Layers:
    """Definitions by (section, id), and a report per layer."""

    folders: list[str]
    entries: dict[tuple[str, str], Entry] = field(factory=dict)
    reports: dict[int, dict[str, list[str]]] = field(factory=dict)

    def note(self, layer: int, what: str, label: str) -> None:
        """Remember that a layer added/extended/replaced something."""
        report = self.reports.setdefault(layer, {"added": [], "extended": [], "replaced": []})
        report[what].append(label)

    def report(self) -> tuple[LayerReport, ...]:
        """One report per folder, in order."""
        out = []
        for layer, folder in enumerate(self.folders):
            r = self.reports.get(layer, {})
            out.append(
                LayerReport(
                    folder,
                    tuple(sorted(r.get("added", ()), key=_kind_order)),
                    tuple(r.get("extended", ())),
                    tuple(r.get("replaced", ())),
                )
            )
        return tuple(out)

    def built(self, section: str, builder: Callable) -> dict:
        """Build every final definition of one section."""
        result = {}
        for (sec, thing_id), entry in self.entries.items():
            if sec != section:
                continue
            thing = builder(entry.ctx, thing_id, entry.node)
            if thing is not None:
                result[thing_id] = thing
        return result


KIND_ORDER = ("room", "item", "character", "event", "ending", "hint", "test")


def _kind_order(label: str) -> int:
    """Sort `kind 'id'` labels by kind, keeping file order within a kind (sort is stable)."""
    kind = label.split(" ", 1)[0]
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def split_mode(ctx: Ctx, node: yaml.Node) -> tuple[str, yaml.Node]:
    """`extend: true` / `replace: true` taken out of a definition: (mode, the rest)."""
    if not isinstance(node, yaml.MappingNode):
        return "", node
    mode = ""
    rest = []
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value in MODES:
            if boolean(ctx, value, key.value):
                if mode:
                    ctx.error(key, "a definition cannot both extend and replace", "choose one")
                mode = key.value
            continue
        rest.append((key, value))
    if not mode:
        return "", node
    return mode, yaml.MappingNode(node.tag, rest, node.start_mark, node.end_mark, node.flow_style)


def add(layers: Layers, ctx: Ctx, section: str, kind: str, m: Map, layer: int) -> None:
    """Every definition of one section of one file, layered over what came before."""
    for thing_id, raw in m.values.items():
        key_node = m.key_nodes[thing_id]
        check_id(ctx, key_node, thing_id, kind)
        mode, node = split_mode(ctx, raw)
        where = ctx.where(key_node)
        label = f"{kind} '{thing_id}'"
        previous = layers.entries.get((section, thing_id))
        if previous is None:
            if mode == "extend":
                pool = [i for s, i in layers.entries if s == section]
                ctx.error(
                    key_node,
                    f"{label} says 'extend: true' but no earlier world folder defines it",
                    did_you_mean(thing_id, pool) or "remove 'extend: true' to add it as a new one",
                )
                continue
            if mode == "replace":
                ctx.warn(key_node, f"{label} says 'replace: true' but replaces nothing")
            layers.entries[(section, thing_id)] = Entry(ctx, node, layer, where)
            if layer:
                layers.note(layer, "added", label)
            continue
        if previous.layer == layer:
            ctx.error(
                key_node,
                f"{kind} '{thing_id}' is defined twice (also at {previous.where})",
                "ids are global across files: rename one, or merge the two",
            )
            continue
        if mode == "replace":
            layers.entries[(section, thing_id)] = Entry(ctx, node, layer, where)
            layers.note(layer, "replaced", label)
        elif mode == "extend":
            previous.node = merge(previous.node, node)
            layers.note(layer, "extended", label)
        else:
            ctx.error(
                key_node,
                f"{label} is already defined at {previous.where}",
                "add 'extend: true' to add to it, 'replace: true' to replace it whole, "
                "or choose a new id",
            )


def merge(base: yaml.Node, more: yaml.Node) -> yaml.Node:
    """`extend:`: mappings merge key by key, lists grow, anything else is replaced."""
    if isinstance(base, yaml.MappingNode) and isinstance(more, yaml.MappingNode):
        pairs = list(base.value)
        index = {k.value: i for i, (k, _) in enumerate(pairs) if isinstance(k, yaml.ScalarNode)}
        for key, value in more.value:
            i = index.get(key.value) if isinstance(key, yaml.ScalarNode) else None
            if i is None:
                pairs.append((key, value))
            else:
                pairs[i] = (pairs[i][0], merge(pairs[i][1], value))
        return yaml.MappingNode(base.tag, pairs, base.start_mark, base.end_mark, base.flow_style)
    if isinstance(base, yaml.SequenceNode) and isinstance(more, yaml.SequenceNode):
        return yaml.SequenceNode(
            base.tag, [*base.value, *more.value], base.start_mark, base.end_mark, base.flow_style
        )
    return more
