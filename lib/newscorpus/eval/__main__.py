"""Dispatch `python -m newscorpus.eval NAME ...` to the module `newscorpus.eval.NAME`."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import newscorpus.eval as package


def main(argv: list[str] | None = None) -> int:
    """Run one evaluation and return its exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m newscorpus.eval", description="Accuracy evaluations."
    )
    sub = parser.add_subparsers(dest="name", required=True, metavar="NAME")
    modules = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"newscorpus.eval.{info.name}")
        doc = (module.__doc__ or "").strip().splitlines()
        sp = sub.add_parser(info.name, help=doc[0] if doc else "", description=module.__doc__)
        module.add_arguments(sp)
        modules[info.name] = module
    args = parser.parse_args(argv)
    return modules[args.name].main(args)


if __name__ == "__main__":
    sys.exit(main())
