"""``python -m marsad.cli`` runs the CLI."""

from marsad.cli.main import run

run()
