"""The actor network drawn as SVG on the server: actors on a circle (the most
active first), an arrow per (source, target, event type), coloured by type."""

from __future__ import annotations

import math
from typing import Any

PALETTE = ("#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7b83", "#6e7781",
           "#cf222e", "#116329", "#953800", "#0550ae", "#a475f9", "#57606a", "#4d2d00", "#e16f24")


def layout(edges: list[dict[str, Any]], size: int = 560, max_nodes: int = 24) -> dict[str, Any]:
    """Nodes with x, y and edges with endpoints, for the template's <svg>."""
    weight: dict[str, int] = {}
    label: dict[str, str] = {}
    for e in edges:
        for side in ("source", "target"):
            weight[e[side]] = weight.get(e[side], 0) + e["events"]
            label.setdefault(e[side], e[f"{side}_text"] or e[side])
    keep = sorted(weight, key=lambda k: (-weight[k], k))[:max_nodes]
    centre, radius = size / 2, size / 2 - 70
    nodes = {}
    for i, key in enumerate(keep):
        angle = 2 * math.pi * i / max(1, len(keep)) - math.pi / 2
        nodes[key] = {"id": key, "label": label[key], "weight": weight[key],
                      "x": round(centre + radius * math.cos(angle), 1),
                      "y": round(centre + radius * math.sin(angle), 1),
                      "r": round(5 + 3 * math.log1p(weight[key]), 1)}
    types = sorted({e["type"] for e in edges})
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(types)}
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for e in edges:
        if e["source"] in nodes and e["target"] in nodes and e["source"] != e["target"]:
            pairs.setdefault(tuple(sorted((e["source"], e["target"]))), []).append(e)
    drawn = []
    for group in pairs.values():
        for i, e in enumerate(group):
            drawn.append({**e, "path": _curve(nodes[e["source"]], nodes[e["target"]], i - (len(group) - 1) / 2),
                          "colour": colour[e["type"]], "width": round(1 + math.log1p(e["events"]), 1)})
    return {"size": size, "nodes": list(nodes.values()), "edges": drawn,
            "legend": [{"type": t, "colour": colour[t]} for t in types]}


def _curve(a: dict[str, Any], b: dict[str, Any], bend: float) -> str:
    """An SVG path from a to b, bowed sideways by `bend` steps (parallel edges
    apart), ending at b's rim so that the arrow shows."""
    dx, dy = b["x"] - a["x"], b["y"] - a["y"]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    sign = 1 if a["id"] < b["id"] else -1  # the same side for both directions of a pair
    cx = (a["x"] + b["x"]) / 2 - uy * 22 * bend * sign
    cy = (a["y"] + b["y"]) / 2 + ux * 22 * bend * sign
    ex, ey = b["x"] - ux * (b["r"] + 2), b["y"] - uy * (b["r"] + 2)
    return f"M {a['x']} {a['y']} Q {round(cx, 1)} {round(cy, 1)} {round(ex, 1)} {round(ey, 1)}"
