"""The ``kg`` command: a thin click layer over the Python API (one module per command group).

Command modules are imported only when their command runs (or for ``kg --help``): ``kg papers``
never imports spaCy, rdflib or NetworkX, which is most of a cold query's time otherwise.
"""

from __future__ import annotations

import importlib

import click

#: command name -> (module, attribute); the order is the order of ``kg --help``
COMMANDS = {
    "build": ("kg.cli.build", "build_cmd"),
    "query": ("kg.cli.query", "query_cmd"),
    "papers": ("kg.cli.query", "papers_cmd"),
    "shared": ("kg.cli.query", "shared_cmd"),
    "related": ("kg.cli.query", "related_cmd"),
    "eval": ("kg.cli.eval", "eval_cmd"),
    "viz": ("kg.cli.viz", "viz_cmd"),
    "validate": ("kg.cli.validate", "validate_cmd"),
    "leaderboard": ("kg.cli.leaderboard", "leaderboard_cmd"),
    "push": ("kg.cli.push", "push_cmd"),
}


class LazyGroup(click.Group):
    """A group whose commands are imported from :data:`COMMANDS` on first use."""

    def list_commands(self, ctx):
        return list(COMMANDS) + [c for c in self.commands if c not in COMMANDS]

    def get_command(self, ctx, name):
        if name not in self.commands and name in COMMANDS:
            module, attr = COMMANDS[name]
            self.commands[name] = getattr(importlib.import_module(module), attr)
        return self.commands.get(name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="paperkg")
def main():
    """paperkg: turn daily AI-paper digests into a knowledge graph you can query and browse."""


def register(command) -> None:
    """Add a command defined in another module (used by optional command modules)."""
    main.add_command(command)


def __getattr__(name):  # kg.cli.build_cmd etc. still work, imported on first access
    for module, attr in COMMANDS.values():
        if attr == name:
            return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'kg.cli' has no attribute {name!r}")
