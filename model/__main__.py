"""Command line: `python -m model --help`. The command line is a presentation of the model, so it
lives in ui/cli.py (pure Python, the words of the pages); this module only starts it."""

import sys

from ui.cli import main

if __name__ == "__main__":
    sys.exit(main())
