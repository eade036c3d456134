"""Shared fixtures: the project root, the shipped seed, and the development corpus.

The corpus (``../shared/corpus``) is development data that is not shipped with the
project; tests that need it are skipped, with the reason, where it is absent.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "seeds"
SEED = SEED_DIR / "000_cab96dff47a63cff.txt"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "2025-09-30.json"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS} (it is not shipped with the project)")
    return CORPUS


@pytest.fixture(scope="session")
def gold_path() -> Path:
    if not GOLD.is_file():
        pytest.skip(f"gold annotations not found at {GOLD}")
    return GOLD


@pytest.fixture(scope="session")
def seed_graph():
    """The knowledge graph of the seed digest (built once per test session)."""
    import kg

    return kg.build([SEED_DIR])


@pytest.fixture(scope="session")
def seed_exports(tmp_path_factory, seed_graph) -> Path:
    """A directory with the seed's exports (graph.ttl, graph.trig, graph.html)."""
    import kg

    out = tmp_path_factory.mktemp("exports")
    kg.write_exports(seed_graph, out, formats=("turtle", "nt", "json-ld"))
    return out
