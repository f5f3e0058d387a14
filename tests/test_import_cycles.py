"""No module imports itself back through others: every cycle in the module graph, at any depth.

lint-imports' acyclic_siblings contract checks the modules of each package against each other, but
not a package's ``__init__`` against its own children; this check looks at every module alike. It
counts imports inside functions and under TYPE_CHECKING, and skips the imports the contract in
pyproject.toml ignores (one list of known exceptions for both checks).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import grimp

import customer_room_desktop

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "customer_room_desktop"


def _ignored_imports() -> list[tuple[str, str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c.get("id") == "acyclic")
    return [tuple(part.strip() for part in line.split("->")) for line in contract.get("ignore_imports", [])]


def module_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected groups of two or more modules (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, imported = work[-1]
            for other in imported:
                if other not in index:
                    index[other] = low[other] = len(index)
                    stack.append(other)
                    on_stack.add(other)
                    work.append((other, iter(sorted(graph.find_modules_directly_imported_by(other)))))
                    break
                if other in on_stack:
                    low[module] = min(low[module], index[other])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == index[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        cycles.append(sorted(group))
    return cycles


def _describe(graph: grimp.ImportGraph, group: list[str]) -> str:
    lines = []
    for importer in group:
        for imported in sorted(graph.find_modules_directly_imported_by(importer) & set(group)):
            where = ", ".join(f"l.{detail['line_number']}" for detail in graph.get_import_details(
                importer=importer, imported=imported))
            lines.append(f"    {importer} -> {imported} ({where})")
    return "\n".join(lines)


def test_the_source_tree_is_checked():
    assert Path(customer_room_desktop.__file__).resolve().parent == ROOT / PACKAGE


def test_no_module_imports_itself_back_through_others():
    graph = grimp.build_graph(PACKAGE, cache_dir=None)
    for importer, imported in _ignored_imports():
        if graph.direct_import_exists(importer=importer, imported=imported):
            graph.remove_import(importer=importer, imported=imported)
    cycles = module_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n\n".join(_describe(graph, group) for group in cycles)


def test_the_cycle_finder_finds_a_package_importing_its_own_child_back():
    graph = grimp.ImportGraph()
    for module in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(module)
    graph.add_import(importer="pkg", imported="pkg.a")
    graph.add_import(importer="pkg.a", imported="pkg")
    graph.add_import(importer="pkg.b", imported="pkg.c")
    assert module_cycles(graph) == [["pkg", "pkg.a"]]
    graph.add_import(importer="pkg.c", imported="pkg.b")
    assert sorted(module_cycles(graph)) == [["pkg", "pkg.a"], ["pkg.b", "pkg.c"]]
