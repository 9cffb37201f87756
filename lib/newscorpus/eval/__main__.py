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
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__))
    argv = sys.argv[1:] if argv is None else argv
    chosen = argv[0] if argv and argv[0] in names else None
    for name in names:
        if name.startswith("_"):
            continue
        if chosen is not None and name != chosen:
            sub.add_parser(name)  # only the evaluation asked for is imported
            continue
        module = importlib.import_module(f"newscorpus.eval.{name}")
        doc = (module.__doc__ or "").strip().splitlines()
        sp = sub.add_parser(name, help=doc[0] if doc else "", description=module.__doc__)
        module.add_arguments(sp)
        modules[name] = module
    args = parser.parse_args(argv)
    return modules[args.name].main(args)


if __name__ == "__main__":
    sys.exit(main())
