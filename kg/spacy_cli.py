"""Import spaCy without its command line: a quarter of a second off every ``kg build``.

``import spacy`` runs ``from .cli.info import info``, and importing ``spacy.cli`` imports every
spaCy command (training, download, typer, its config schemas): 0.25 of the 0.8 s spaCy takes
to import here, paid again by every ``kg build`` that adds one day (the add's target is 2 s).
paperkg never calls spaCy's CLI, so :func:`install` puts a stand-in for ``spacy.cli`` in place
while spaCy imports itself.  The stand-in turns into the real module on first use: an
attribute of ``spacy.cli`` (``spacy.cli.download``), ``import spacy.cli.train`` or
``spacy.info()`` import the real CLI and work as they always did.

>>> import spacy, spacy.cli
>>> callable(spacy.cli.download)
True
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types

__all__ = ["install"]

_CLI = "spacy.cli"


class _StandIn(types.ModuleType):
    """``spacy.cli`` until something uses it."""

    def __getattr__(self, name: str):
        if name == "__path__" and not hasattr(sys.modules["spacy"], "load"):
            return []  # spaCy's own 'from .cli.info import info': _Finder serves spacy.cli.info
        return getattr(_real_cli(), name)


def _real_cli() -> types.ModuleType:
    if isinstance(sys.modules.get(_CLI), _StandIn):
        del sys.modules[_CLI]
        sys.modules.pop(_CLI + ".info", None)
        real = importlib.import_module(_CLI)
        sys.modules["spacy"].cli = real  # (the attribute the import system sets on a real import)
        return real
    return importlib.import_module(_CLI)


def _info(*args, **kwargs):
    """``spacy.info``: the real one, imported when called."""
    return _real_cli().info(*args, **kwargs)


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the stand-ins only to spaCy's own ``__init__`` (while it runs, ``spacy.load`` is not
    defined yet); any later import of ``spacy.cli`` is the real one."""

    def find_spec(self, name, path=None, target=None):
        spacy = sys.modules.get("spacy")
        if name not in (_CLI, _CLI + ".info") or spacy is None or hasattr(spacy, "load"):
            return None
        return importlib.machinery.ModuleSpec(name, self)  # (no __path__: see _StandIn)

    def create_module(self, spec):
        return _StandIn(spec.name) if spec.name == _CLI else None

    def exec_module(self, module) -> None:
        if module.__name__ == _CLI + ".info":
            module.info = _info


def install() -> None:
    """Serve the stand-in to a spaCy not imported yet (idempotent; no-op once spaCy is in)."""
    if "spacy" not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
