"""paperkg: daily AI-paper digests -> a knowledge graph of papers, benchmarks, models, methods and metrics.

The package's folders are the pipeline's stages::

    kg.parse    digest markdown -> Paper records
    kg.extract  spaCy pipeline: mentions, abbreviations, proposals on each paper's Doc
    kg.resolve  mentions -> one entity per real-world thing
    kg.graph    NetworkX MultiDiGraph of papers and entities
    kg.export   RDF (rdflib) and HTML (pyvis) files
    kg.query    SPARQL on Oxigraph over the exports
    kg.cli      the ``kg`` command, a thin layer over these

The two calls most users need are :func:`build` and :func:`write_exports`.
"""

from kg import spacy_cli

__all__ = ["BuildError", "build", "write_exports"]
__version__ = "0.1.0"

spacy_cli.install()  # spaCy, when imported, without its command line (kg/spacy_cli.py)


def __getattr__(name):  # imported on first use: ``kg papers`` must not pay for spaCy and rdflib
    if name in ("BuildError", "build"):
        from kg import api

        return getattr(api, name)
    if name == "write_exports":
        from kg.export import write_exports

        return write_exports
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
