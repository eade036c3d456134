"""kg.spacy_cli: spaCy imported through the package leaves its command line unimported, and the
command line still works when something uses it."""

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()


def test_extraction_does_not_import_spacys_commands():
    out = _run("import sys; from kg.extract.pipeline import default_nlp\n"
               "doc = default_nlp()('BERT on GLUE')\n"
               "print(len(doc), 'spacy.cli.train' in sys.modules, 'typer' in sys.modules)")
    assert out == "3 False False"


@pytest.mark.parametrize("use", [
    "spacy.cli.download.__module__",  # an attribute of the stand-in
    "__import__('spacy.cli.train').cli.train.__name__",  # a submodule
    "sorted(spacy.info())[-1]",  # spacy.info, bound while spaCy imported itself
])
def test_spacys_command_line_still_works(use):
    out = _run(f"import kg.extract, spacy, sys\nprint({use}); print(type(sys.modules['spacy.cli']).__name__)")
    assert out.splitlines()[-1] == "module"  # the real spacy.cli, once used
    assert out.splitlines()[0] in ("spacy.cli.download", "spacy.cli.train", "spacy_version")
