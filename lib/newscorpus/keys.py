"""Cache keys per stage of the analysis pass: each hashes only the code and data it runs on.

A stage's key is a hash of
- its code: the source of the module defining its function and of every `newscorpus` module
  that module imports, directly or further down (found in the source: `import`, `from ...
  import`, lazy imports inside functions, `importlib.import_module("newscorpus...")`), leaving
  out the drawing modules (`PRESENTATION`: plots, `figures`, ...), which never change a table;
- its data: every file or folder of `newscorpus/data/` whose name that code spells out
  (e.g. "outlets.csv", or "ner" for the tagger's model folder);
- its fixed options, and the keys of the stages it reads (the corpus reading key, which holds
  the corpus files' fingerprint, the read options and the reader's own code; the steps it needs).

So a changed figure colour recomputes nothing, and changed quote rules recompute quotes and
the steps that read quotes only. `module_source` is the one place code is read (tests replace it).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib
import json
import os
from pathlib import Path

from newscorpus.paths import DATA_DIR

# Modules that draw or lay out figures only: their code never changes a table.
PRESENTATION = ("plots", "figures", "article_figures", "drawing")
# The pass's own machinery (storage, keys): not a table's rules; its format is `STORE_FORMAT`.
MACHINERY = ("newscorpus.analysis", "newscorpus.keys", "newscorpus.parts")
STORE_FORMAT = "parts-1"  # bump when the way tables are written changes


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def digest(*parts: str) -> str:
    """A short hash of some strings, in order."""
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


_PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache
def _origin(name: str) -> str | None:
    """The source file of `newscorpus` module `name`, or None when there is none (a name
    outside the package, a class or function imported by name, a compiled module).

    Found from the package folder, never by `importlib.util.find_spec`, which imports every
    parent package: a notebook kernel computing the cache keys imported half the library."""
    parts = name.split(".")
    if parts[0] != "newscorpus" or not all(p.isidentifier() for p in parts):
        return None
    base = _PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return str(candidate)
    return None


@functools.cache
def module_source(name: str) -> bytes:
    """The source code of module `name` (b"" when it has none), as first read in this process
    (the code it runs: an edit after that is the next process's). Raises nothing."""
    origin = _origin(name)
    return Path(origin).read_bytes() if origin else b""


def _shown_only(name: str) -> bool:
    return name.rsplit(".", 1)[-1] in PRESENTATION


@functools.lru_cache(maxsize=4096)
def _imports(name: str, source: bytes) -> tuple[frozenset[str], frozenset[str]]:
    """The `newscorpus` modules that `source` (module `name`) imports, and its string constants."""
    found: set[str] = set()
    strings: set[str] = set()  # (a frozenset on return: the result is cached)
    origin = _origin(name) or ""
    package = name if origin.endswith("__init__.py") else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package of this module
                up = package.split(".")
                up = up[: len(up) - (node.level - 1)]
                base = ".".join(up + ([base] if base else []))
            subs = {f"{base}.{a.name}" for a in node.names}
            modules = {m for m in subs if _origin(m)}  # `from package import module`
            found.update(modules)
            if len(modules) < len(subs):  # names defined in `base` itself
                found.add(base)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            strings.add(node.value)
            if node.value.startswith("newscorpus."):
                found.add(node.value)
    modules = {m for m in found if m.split(".")[0] == "newscorpus" and _origin(m)}
    return frozenset(modules), frozenset(strings)


def defining_module(module: str, name: str) -> str:
    """The `newscorpus` module that defines function `name` as found in `module`, followed
    through re-exports (`from newscorpus.timeline.resolve import find_dates` in a package's
    `__init__`) in the source, without importing anything (importing the step modules cost a
    notebook kernel 3 s CPU). A module outside the package's sources (a test's) is imported.
    Raises LookupError when the source neither defines nor imports `name`."""
    if not _origin(module):
        return getattr(importlib.import_module(module), name).__module__
    seen = set()
    while module not in seen:
        seen.add(module)
        tree = ast.parse(module_source(module))
        origin = _origin(module) or ""
        package = module if origin.endswith("__init__.py") else module.rpartition(".")[0]
        nxt = None
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if node.name == name:
                    return module
            elif isinstance(node, ast.ImportFrom) and nxt is None:
                for alias in node.names:
                    if (alias.asname or alias.name) == name and alias.name == name:
                        base = node.module or ""
                        if node.level:
                            up = package.split(".")
                            up = up[: len(up) - (node.level - 1)]
                            base = ".".join(up + ([base] if base else []))
                        nxt = base
        if nxt is None or not _origin(nxt):
            break
        module = nxt
    raise LookupError(f"{name!r} is neither defined nor imported by name in module {module!r}")


def code_closure(name: str) -> tuple[str, ...]:
    """Module `name` and every `newscorpus` module it imports, further down too, drawing
    modules (`PRESENTATION`) left out: the code a stage runs. Sorted names."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen or (current != name and (_shown_only(current) or current in MACHINERY)):
            continue
        seen.add(current)
        modules, _ = _imports(current, module_source(current))
        todo.extend(sorted(modules - seen))
    return tuple(sorted(seen))


@functools.cache
def _file_hash(path: str, size: int, mtime: int) -> str:
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()


def _data_hash(entry: Path) -> str:
    files = sorted(p for p in entry.rglob("*") if p.is_file()) if entry.is_dir() else [entry]
    parts = []
    for p in files:
        st = p.stat()
        parts.append(
            f"{p.relative_to(DATA_DIR).as_posix()}={_file_hash(str(p), st.st_size, st.st_mtime_ns)}"
        )
    return digest(*parts)


def data_files(modules: tuple[str, ...]) -> tuple[str, ...]:
    """The entries of `newscorpus/data/` (files or folders) named in these modules' code."""
    if not DATA_DIR.is_dir():
        return ()
    names = {p.name for p in DATA_DIR.iterdir() if not p.name.startswith((".", "__"))}
    spelled: set[str] = set()
    for m in modules:
        spelled |= _imports(m, module_source(m))[1]
    return tuple(sorted(n for n in names if n in spelled))


def code_key(*modules: str) -> str:
    """The hash of the code these modules run (`code_closure` of each) and the data it names."""
    closure = sorted({m for name in modules for m in code_closure(name)})
    parts = [STORE_FORMAT] + [f"{m}:{hashlib.sha1(module_source(m)).hexdigest()}" for m in closure]
    parts += [f"data/{n}:{_data_hash(DATA_DIR / n)}" for n in data_files(tuple(closure))]
    return digest(*parts)


def fingerprint(path: str | os.PathLike) -> str:
    """Names, sizes and modification times of the corpus input (a folder's files, those of its
    sub-folders included, or one file), and its absolute path."""
    path = Path(path)
    h = hashlib.sha1(str(path.resolve()).encode())
    entries = sorted(path.rglob("*")) if path.is_dir() else [path]
    for p in entries:
        if p.is_file():
            st = p.stat()
            name = p.relative_to(path).as_posix() if path.is_dir() else p.name
            h.update(f"|{name}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def stage_keys(path, read_options: dict, steps: dict, stages: dict) -> dict[str, str]:
    """Every stage's key for corpus `path` read with `read_options`.

    Input: `steps` (analysis.STEPS: name -> Step with module, function, needs, fixed) and the
    corpus-level `stages` ({"read": modules, "canonical": modules, "topics": modules}). Output: {stage or step name: key}; "canonical" covers the quotes and
    sources tables as stored (the steps' rows with one name per source), "topics" the topic
    models fitted on the term counts.
    """
    keys = {"read": digest(fingerprint(path), _json(read_options), code_key(*stages["read"]))}

    def key_of(name: str) -> str:
        if name not in keys:
            step = steps[name]
            keys[name] = digest(
                code_key(*step.code_modules()),
                _json(sorted(step.fixed)),
                keys["read"],
                *(f"{n}={key_of(n)}" for n in step.needs),
            )
        return keys[name]

    for name in steps:
        key_of(name)
    if "quotes" in steps and "sources" in steps:
        keys["canonical"] = digest(code_key(*stages["canonical"]), keys["quotes"], keys["sources"])
    if "term_counts" in steps:
        keys["topics"] = digest(code_key(*stages["topics"]), keys["term_counts"])
    return keys
