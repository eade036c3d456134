"""Stage 4: the in-memory knowledge graph (see :mod:`kg.graph.build`)."""

from kg.graph.build import ENTITY_TYPES, build_graph, entity_node, paper_node

__all__ = ["ENTITY_TYPES", "build_graph", "entity_node", "paper_node"]
