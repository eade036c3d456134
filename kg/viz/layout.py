"""A precomputed, deterministic layout for the explorer (no physics in the browser).

vis-network's physics needs minutes to settle on ~1,500 nodes, so positions are computed
here once, with numpy:

* a *satellite* is a non-paper node whose only neighbour is one paper (a keyword or entity
  that a single paper mentions); satellites are left out of the force layout and put on a
  small ring around their paper afterwards;
* every connected component of the remaining *core* gets a Fruchterman-Reingold layout
  (dense numpy, fixed seed), scaled so neighbours sit about ``spacing`` pixels apart;
* components are packed in rows, largest first, into a roughly 16:10 rectangle.

The same input always gives the same positions, so screenshots are reproducible.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["layout", "satellites"]


def satellites(h: nx.Graph, is_paper) -> dict:
    """``{satellite: its paper}`` for the non-paper nodes whose one neighbour is a paper.

    >>> h = nx.Graph([("p", "k"), ("p", "b"), ("q", "b")])
    >>> satellites(h, lambda n: n in {"p", "q"})
    {'k': 'p'}
    """
    out = {}
    for n in sorted(h.nodes):
        if is_paper(n) or h.degree(n) != 1:
            continue
        (nb,) = h.neighbors(n)
        if is_paper(nb):
            out[n] = nb
    return out


def _fruchterman_reingold(
    n: int, edges: list[tuple[int, int]], mass=None, iterations: int = 150, seed: int = 7, gravity: float = 0.0
) -> np.ndarray:
    """Positions (n x 2, roughly in the unit square) by the classic FR algorithm.

    ``mass`` (one per node, default 1) scales repulsion, so heavy nodes get more room.
    """
    if n == 1:
        return np.zeros((1, 2))
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    adj = np.zeros((n, n))
    for a, b in edges:
        adj[a, b] = adj[b, a] = 1.0
    k = 1.0 / math.sqrt(n)
    m = np.ones(n) if mass is None else np.asarray(mass, dtype=float)
    repel = k * k * np.outer(m, m)
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(-1))
        np.clip(dist, 0.01, None, out=dist)
        force = repel / dist**2 - adj * dist / k
        disp = np.einsum("ijk,ij->ik", delta, force)
        if gravity:  # a pull towards the centre keeps chains and loose ends close
            centred = pos - pos.mean(0)
            disp -= gravity * centred * np.sqrt((centred**2).sum(-1))[:, None] / k * m[:, None]
        length = np.sqrt((disp**2).sum(-1))
        np.clip(length, 0.01, None, out=length)
        pos += disp * (t / length)[:, None]
        t -= dt
    return pos


def _ring_radius(count: int, gap: float) -> float:
    return max(gap * 1.6, count * gap / (2 * math.pi))


def layout(h: nx.Graph, is_paper, spacing: float = 140.0, gap: float = 22.0, margin: float = 50.0) -> dict:
    """``{node: (x, y)}`` in pixels for the undirected graph ``h``.

    >>> h = nx.Graph([("p", "k1"), ("p", "k2"), ("p", "b"), ("q", "b")])
    >>> pos = layout(h, lambda n: n in {"p", "q"})
    >>> sorted(pos) == sorted(h.nodes) and pos == layout(h, lambda n: n in {"p", "q"})
    True
    """
    sats = satellites(h, is_paper)
    ring: dict = {}
    for s, p in sats.items():
        ring.setdefault(p, []).append(s)
    core = h.subgraph(n for n in h.nodes if n not in sats)
    blocks = []  # (positions dict relative to the block's top-left, width, height)
    for comp in sorted(nx.connected_components(core), key=lambda c: (-len(c), min(c))):
        nodes = sorted(comp)
        index = {n: i for i, n in enumerate(nodes)}
        mass = [1 + len(ring.get(n, ())) / 6 for n in nodes]  # a paper with a ring needs more room
        raw = _fruchterman_reingold(len(nodes), [(index[a], index[b]) for a, b in core.subgraph(nodes).edges], mass, gravity=1.0)
        raw = raw - raw.mean(0)
        # rescale so that the median link is `spacing` pixels long
        lengths = [float(np.hypot(*(raw[index[a]] - raw[index[b]]))) for a, b in core.subgraph(nodes).edges]
        unit = spacing / max(float(np.median(lengths)), 1e-9) if lengths else 1.0
        pos = {n: raw[index[n]] * unit for n in nodes}
        for p in nodes:
            sat = sorted(ring.get(p, []))
            if not sat:
                continue
            r = _ring_radius(len(sat), gap)
            # open the ring away from the component's centre, so it does not cover the core
            base = math.atan2(pos[p][1], pos[p][0]) if len(nodes) > 1 else -math.pi / 2
            for i, s in enumerate(sat):
                a = base + 2 * math.pi * i / len(sat)
                pos[s] = pos[p] + r * np.array([math.cos(a), math.sin(a)])
        xy = np.array(list(pos.values()))
        lo, hi = xy.min(0) - margin, xy.max(0) + margin
        blocks.append(({n: tuple(v - lo) for n, v in pos.items()}, *(hi - lo)))
    # shelf packing, rows of a 16:10 rectangle
    area = sum(w * hgt for _, w, hgt in blocks)
    width = max([math.sqrt(area * 1.6)] + [w for _, w, _ in blocks])
    out, x, y, row_h = {}, 0.0, 0.0, 0.0
    for pos, w, hgt in blocks:
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(x + px - width / 2, 1), round(y + py, 1))
        x += w
        row_h = max(row_h, hgt)
    return out
