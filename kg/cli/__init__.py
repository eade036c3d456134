"""The ``kg`` command: a thin click layer over the Python API (one module per command group)."""

import click

from kg.cli.build import build_cmd
from kg.cli.eval import eval_cmd
from kg.cli.query import papers_cmd, query_cmd, related_cmd, shared_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="paperkg")
def main():
    """paperkg: turn daily AI-paper digests into a knowledge graph you can query and browse."""


for command in (build_cmd, query_cmd, papers_cmd, shared_cmd, related_cmd, eval_cmd):
    main.add_command(command)


def register(command) -> None:
    """Add a command defined in another module (used by optional command modules)."""
    main.add_command(command)
from kg.cli.viz import viz_cmd; main.add_command(viz_cmd)
from kg.cli.validate import validate_cmd; main.add_command(validate_cmd)  # noqa: E402,E702
from kg.cli.leaderboard import leaderboard_cmd; main.add_command(leaderboard_cmd)  # noqa: E402
from kg.cli.push import push_cmd; main.add_command(push_cmd)  # noqa: E402,E702
