"""Stage 2: a spaCy pipeline that finds benchmarks, models, methods, metrics and proposals.

See :mod:`kg.extract.pipeline` for the pipeline and the modules beside it for each component.
"""

from kg.extract.pipeline import extract_docs, make_nlp

__all__ = ["extract_docs", "make_nlp"]
