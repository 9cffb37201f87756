"""Deprecated: use `python -m newscorpus.specs SPEC NOTEBOOK` (kept for scripts that call it)."""

import sys

from newscorpus.specs import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
