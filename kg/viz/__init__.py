"""Stage 5b: the interactive HTML explorer (see :mod:`kg.viz.html`)."""

from kg.viz.html import graph_payload, render_html

__all__ = ["graph_payload", "render_html"]
