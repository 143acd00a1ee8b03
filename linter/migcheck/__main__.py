"""`python -m migcheck` runs the command line."""

from migcheck.cli import run

run()
