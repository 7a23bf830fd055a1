"""The one-way flow, enforced: every import in the package, read with ``ast``, follows the layers.

Layers, lowest first (docs/architecture.md): base (``_version``, ``errors``, ``taxonomy``,
``rules``, ``parallel``) < documents < extract < gap (``gap``, ``ranking``, ``careerfit``) < batch (``batch``,
``journal``, ``distributed`` and their old aliases) < report < cli (``cli``, ``__main__``) <
the package face (``skillgap/__init__.py``, which nothing inside imports). A module may import
its own layer and those below, except that report never imports batch (it renders the values
of the gap layer, `Ranking` included, not the engine that made them). Imports under ``if TYPE_CHECKING:`` are never run, so they may
name anything (annotations only). The one sanctioned way up is a lazy import of ``report``
inside a method named ``_repr_html_`` or ``to_html`` (results rendering themselves, as
pdfplumber's ``Page.to_image``). Imports inside functions count otherwise, and no two modules
may import each other in a loop, at import time or later.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "skillgap"

LAYERS = ("base", "documents", "extract", "gap", "batch", "report", "cli", "face")
_TOP_MODULES = {
    "_version": "base", "errors": "base", "taxonomy": "base", "_taxonomy_yaml": "base", "rules": "base", "parallel": "base",
    "gap": "gap", "ranking": "gap", "careerfit": "gap", "lexical": "gap", "words": "gap", "titles": "gap", "match": "gap",
    "batch": "batch", "journal": "batch", "resume": "batch", "distributed": "batch", "dask": "batch",
    "cli": "cli", "__main__": "cli",
}  # fmt: skip
#: Layer pairs cut although the order allows them: renderers take values (`Ranking`, `GapReport`)
#: from the gap layer and never reach into the batch engine that produced them.
CUT = frozenset({("report", "batch")})
#: Methods through which a result may render itself with ``skillgap.report`` (imported lazily).
HOOKS = frozenset({"_repr_html_", "to_html"})


@dataclass(frozen=True)
class Import:
    """One import statement of one module: what it names, where, and how it is guarded."""

    module: str
    target: str
    line: int
    function: str | None  # the innermost enclosing function, None at module level
    type_checking: bool


def layer(module: str) -> str:
    """The layer of a module named ``skillgap.x.y``."""
    parts = module.split(".")
    if parts == ["skillgap"]:
        return "face"
    if parts[1] in ("documents", "extract", "report"):
        return parts[1]
    return _TOP_MODULES[parts[1]]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def resolve(module: str, is_package: bool, node: ast.ImportFrom, alias: str) -> str:
    """The skillgap module an ``from ... import alias`` loads (a submodule when one exists)."""
    base = module.split(".") if is_package else module.split(".")[:-1]
    if node.level:
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, *(node.module.split(".") if node.module else [])])
    else:
        target = node.module or ""
    candidate = f"{target}.{alias}"
    path = PACKAGE.parent / Path(*candidate.split("."))
    return candidate if path.with_suffix(".py").is_file() or (path / "__init__.py").is_file() else target


def imports_of(source: str, module: str, is_package: bool) -> Iterator[Import]:
    """Every import of skillgap modules in one module's source, with its guard and enclosing function."""

    def walk(node: ast.AST, function: str | None, guarded: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.body:
                    yield from walk_one(stmt, function, True)
                for stmt in child.orelse:
                    yield from walk_one(stmt, function, guarded)
                continue
            yield from walk_one(child, function, guarded)

    def walk_one(node: ast.AST, function: str | None, guarded: bool) -> Iterator[Import]:
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "skillgap" or a.name.startswith("skillgap."):
                    yield Import(module, a.name, node.lineno, function, guarded)
        elif isinstance(node, ast.ImportFrom):
            if node.level or (node.module or "").split(".")[0] == "skillgap":
                for a in node.names:
                    yield Import(module, resolve(module, is_package, node, a.name), node.lineno, function, guarded)
        else:
            inner = node.name if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            yield from walk(node, inner, guarded)

    yield from walk(ast.parse(source), None, False)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def violation(imp: Import) -> str | None:
    """Why an import breaks the layers, or None when it is allowed."""
    if imp.type_checking:
        return None
    here, there = LAYERS.index(layer(imp.module)), LAYERS.index(layer(imp.target))
    if there <= here and layer(imp.target) != "face" and (layer(imp.module), layer(imp.target)) not in CUT:
        return None
    if imp.function in HOOKS and layer(imp.target) == "report":
        return None
    return f"{imp.module}:{imp.line} imports {imp.target} ({layer(imp.module)} -> {layer(imp.target)})"


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def package_imports() -> list[Import]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += imports_of(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")
    return found


def test_every_module_has_a_layer() -> None:
    for path in PACKAGE.rglob("*.py"):
        assert layer(module_name(path)) in LAYERS


def test_no_import_goes_against_the_layers() -> None:
    found = package_imports()
    assert len(found) > 100  # the walk saw the package's imports
    assert [v for v in map(violation, found) if v] == []


def test_no_import_cycle() -> None:
    edges: dict[str, set[str]] = {}
    for imp in package_imports():
        if not imp.type_checking and not (imp.function in HOOKS and layer(imp.target) == "report") and imp.target != imp.module:
            edges.setdefault(imp.module, set()).add(imp.target)
    assert cycles(edges) == []


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("from .. import __version__\n", "skillgap.report.html", ["skillgap.report.html:1 imports skillgap (report -> face)"]),
        ("def f():\n    from ..batch import rank\n", "skillgap.report.outputs", ["skillgap.report.outputs:2 imports skillgap.batch (report -> batch)"]),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..batch import rank\n", "skillgap.report.outputs", []),
        ("class R:\n    def to_html(self):\n        from .report.html import page\n", "skillgap.gap", []),
        ("class R:\n    def to_frame(self):\n        from .report.html import page\n", "skillgap.gap", ["skillgap.gap:3 imports skillgap.report.html (gap -> report)"]),
        ("from ..gap import compare\n", "skillgap.extract.pipeline", ["skillgap.extract.pipeline:1 imports skillgap.gap (extract -> gap)"]),
    ],
)
def test_the_checker_flags_planted_violations(source: str, module: str, expected: list[str]) -> None:
    got = [v for v in (violation(i) for i in imports_of(source, module, is_package=False)) if v]
    assert got == expected


def test_the_cycle_finder_finds_a_loop_and_nothing_else() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
