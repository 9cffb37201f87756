"""The shape of the code base: a short README, no import cycle between the library's modules,
no module over 800 lines and no function over 120, a docstring on every public function.

Read from the source with `ast` (nothing is imported), so a failure names the file and line.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT / "lib" / "newscorpus"
PACKAGE = "newscorpus"

README_LINES = 300
MODULE_LINES = 800
FUNCTION_LINES = 120


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(LIB.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(LIB.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


@cache
def _tree(name: str) -> ast.Module:
    return ast.parse(MODULES[name].read_text(encoding="utf-8"), filename=str(MODULES[name]))


def _absolute(name: str, node: ast.ImportFrom) -> str:
    """The module an ImportFrom reads from, relative imports resolved against `name`."""
    if not node.level:
        return node.module or ""
    package = name if _is_package(name) else name.rpartition(".")[0]
    parts = package.split(".")
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


@cache
def _reexports(package: str) -> dict[str, str]:
    """{name: module it comes from} for the names a package's `__init__` imports (a facade)."""
    found = {}
    for node in _tree(package).body:
        if isinstance(node, ast.ImportFrom):
            base = _absolute(package, node)
            for alias in node.names:
                found[alias.asname or alias.name] = f"{base}.{alias.name}"
    return found


def _owner(dotted: str, seen: frozenset = frozenset()) -> str | None:
    """The library module that defines `dotted` (a module, or `package.name`): names a package
    `__init__` only re-exports are followed to the module defining them. None: not ours."""
    if dotted in MODULES:
        return dotted
    base, _, attr = dotted.rpartition(".")
    if base not in MODULES:
        return _owner(base, seen) if base.startswith(PACKAGE) else None
    if _is_package(base) and attr in _reexports(base) and dotted not in seen:
        return _owner(_reexports(base)[attr], seen | {dotted})
    return base


def _targets(name: str, node: ast.AST) -> set[str]:
    """The library modules one AST node of module `name` imports."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif isinstance(node, ast.ImportFrom):
        base = _absolute(name, node)
        names = [f"{base}.{a.name}" if a.name != "*" else base for a in node.names]
    elif (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith(PACKAGE + ".")
    ):
        # importlib.import_module("newscorpus..."), a Step's module, a lazy-import table
        names = [node.value] if node.value in MODULES else []
    else:
        return set()
    owners = {_owner(n) for n in names if n.split(".")[0] == PACKAGE}
    return {o for o in owners if o and o != name}


# Module-level names whose strings name library modules without importing them.
NOT_IMPORTS = {
    "newscorpus.keys": {"MACHINERY"},  # modules the cache keys leave out
}


def _is_type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(name: str):
    """The nodes of module `name` that run: `if TYPE_CHECKING:` bodies (annotations only) and
    the `NOT_IMPORTS` assignments left out."""
    skip = NOT_IMPORTS.get(name, set())
    todo = list(_tree(name).body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in skip for t in targets):
                continue
        if _is_type_checking(node):
            todo.extend(node.orelse)
            continue
        yield node
        todo.extend(ast.iter_child_nodes(node))


@cache
def import_graph() -> dict[str, frozenset[str]]:
    """{module: the library modules it imports}, at module level and inside functions, with
    module names spelled as strings (importlib.import_module, a Step's module); package
    `__init__` re-exports followed to their source."""
    return {
        name: frozenset(set().union(*(_targets(name, n) for n in _walk(name)))) for name in MODULES
    }


def _cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def _path(graph: dict[str, frozenset[str]], component: list[str]) -> str:
    """One cycle through the component's first module, as `a -> b -> a`."""
    start = component[0]
    members = set(component)
    route = {start: [start]}
    todo = [start]
    while todo:
        v = todo.pop(0)
        for w in sorted(graph[v] & members):
            if w == start:
                return " -> ".join(route[v] + [start])
            if w not in route:
                route[w] = route[v] + [w]
                todo.append(w)
    return " -> ".join(component)


def _unit(name: str) -> str:
    """The top-level subpackage or module a library module belongs to (newscorpus.corpus)."""
    return ".".join(name.split(".")[:2])


def _functions():
    for name in MODULES:
        for node in ast.walk(_tree(name)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield name, node


def _public_functions():
    """(module, qualified name, node) for every public function and public method of a public
    class, at module level."""
    for name in MODULES:
        for node in _tree(name).body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                if not node.name.startswith("_"):
                    yield name, node.name, node
            elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                for item in node.body:
                    if isinstance(
                        item, ast.FunctionDef | ast.AsyncFunctionDef
                    ) and not item.name.startswith("_"):
                        yield name, f"{node.name}.{item.name}", item


# -- the checker itself, on small built graphs ---------------------------------------------------


def test_cycle_finder_finds_a_cycle_and_names_its_path():
    graph = {
        "a": frozenset({"b"}),
        "b": frozenset({"c"}),
        "c": frozenset({"a", "d"}),
        "d": frozenset(),
        "e": frozenset({"e"}),
    }
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _path(graph, ["a", "b", "c"]) == "a -> b -> c -> a"
    assert _cycles({"a": frozenset({"b"}), "b": frozenset()}) == []


def test_import_graph_follows_reexports_lazy_imports_and_module_strings():
    graph = import_graph()
    # `from newscorpus.corpus import Corpus` is an import of the module defining Corpus
    assert "newscorpus.corpus.model" in graph["newscorpus.export"]
    # a Step's module spelled as a string, imported with importlib on first use
    assert "newscorpus.timeline" in graph["newscorpus.analysis"]
    assert "newscorpus.sources.canonical" in graph["newscorpus.analysis"]


# -- the code base -------------------------------------------------------------------------------


def test_readme_is_at_most_300_lines():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_LINES, (
        f"README.md has {len(lines)} lines (at most {README_LINES}): move reference to docs/"
    )


def test_no_import_cycle_between_packages():
    graph = import_graph()
    units: dict[str, set[str]] = {}
    for name, targets in graph.items():
        units.setdefault(_unit(name), set()).update(
            _unit(t) for t in targets if _unit(t) != _unit(name)
        )
    unit_graph = {u: frozenset(t) for u, t in units.items()}
    cycles = _cycles(unit_graph)
    assert not cycles, "import cycles between packages: " + "; ".join(
        _path(unit_graph, c) for c in cycles
    )


def test_no_import_cycle_between_modules():
    graph = import_graph()
    cycles = _cycles(graph)
    assert not cycles, "import cycles between modules: " + "; ".join(
        _path(graph, c) for c in cycles
    )


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_at_most_800_lines(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MODULE_LINES, f"{MODULES[name].relative_to(ROOT)} has {lines} lines"


def test_no_function_over_120_lines():
    long = [
        f"{MODULES[name].relative_to(ROOT)}:{node.lineno} {node.name} "
        f"({node.end_lineno - node.lineno + 1} lines)"
        for name, node in _functions()
        if node.end_lineno - node.lineno + 1 > FUNCTION_LINES
    ]
    assert not long, "functions over 120 lines: " + "; ".join(long)


def test_every_public_function_has_a_docstring():
    missing = [
        f"{MODULES[name].relative_to(ROOT)}:{node.lineno} {qualname}"
        for name, qualname, node in _public_functions()
        if not ast.get_docstring(node)
    ]
    assert not missing, "public functions without a docstring: " + "; ".join(missing)
