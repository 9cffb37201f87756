"""Accuracy evaluations: `python -m newscorpus.eval NAME ...` (one module per NAME in this package).

Each module defines `add_arguments(parser)` and `main(args) -> int`, plus a one-line docstring.
"""
