"""`python -m migcheck` runs the command line."""

import sys

from migcheck.cli import main

sys.exit(main())
