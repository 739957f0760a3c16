"""How runmate's modules may import each other, read from their source (nothing is imported here).

- No import cycle among runmate's modules: counting every import made when a module is loaded,
  those under ``if TYPE_CHECKING:`` included (an import inside a function, made on first use, is
  not one: a mode's screen opens another mode's that way).
- Screens and widgets never import the app, not even for type checking: they see it through the
  ``Host`` protocol (runmate.screens.host), so the app and its screens depend one way only.
"""

from __future__ import annotations

import ast
from pathlib import Path

RUNMATE = Path(__file__).resolve().parents[2] / "runmate"


def module_names() -> dict[str, Path]:
    names = {}
    for path in RUNMATE.rglob("*.py"):
        parts = list(path.relative_to(RUNMATE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def _imported(name: str, path: Path, nodes: list[ast.stmt | ast.expr]) -> set[str]:
    """The modules named by the imports among ``nodes`` (``from a import b`` names a and a.b)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def loaded_with(path: Path) -> list[ast.stmt]:
    """The statements run when the module is loaded: its body, and the bodies of its top-level
    ``if`` (``TYPE_CHECKING`` too) and ``try`` blocks."""
    pending, statements = list(ast.parse(path.read_text(encoding="utf-8")).body), []
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If):
            pending.extend([*node.body, *node.orelse])
        elif isinstance(node, ast.Try):
            pending.extend([*node.body, *node.orelse, *node.finalbody])
            for handler in node.handlers:
                pending.extend(handler.body)
        else:
            statements.append(node)
    return statements


def import_graph() -> dict[str, set[str]]:
    names = module_names()
    return {
        name: {m for m in _imported(name, path, list(loaded_with(path))) if m in names and m != name}
        for name, path in names.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or through others (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_among_runmate_modules():
    graph = import_graph()
    assert "runmate.app" in graph and "runmate.screens.base" in graph["runmate.app"]
    assert cycles(graph) == []


def test_screens_and_widgets_never_import_the_app():
    for name, path in module_names().items():
        if name.startswith(("runmate.screens", "runmate.widgets")):
            everywhere = list(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))
            imported = _imported(name, path, [n for n in everywhere if isinstance(n, (ast.Import, ast.ImportFrom))])
            assert "runmate.app" not in imported, name


def test_the_exchange_formats_use_the_store_s_public_api_only_and_files_stand_alone():
    """exchange/ imports ``runmate.store`` itself, never a module inside it (anywhere in a module,
    imports made inside functions too); ``runmate.files`` (the file helpers the store, the
    exchange formats and the commands share) imports nothing of the store."""
    names = module_names()
    inside = [n for n in names if n.startswith("runmate.store.")]
    for name, path in names.items():
        nodes = list(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))
        imported = _imported(name, path, [n for n in nodes if isinstance(n, ast.Import | ast.ImportFrom)])
        if name.startswith("runmate.exchange"):
            assert not imported & set(inside), f"{name} imports {sorted(imported & set(inside))}"
        if name == "runmate.files":
            assert not any(m.startswith("runmate.") for m in imported), sorted(imported)
