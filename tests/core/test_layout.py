"""The package's layout holds: each stage stands on core/ alone, no import cycle, small modules."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "pipeline"
STAGES = {"cleaning", "entities", "aliases", "dates", "relations"}
# What each room may import of newsie besides itself: the stages stand on core/ only; run/
# assembles them through spaCy's registry, not by import; the layers above read those below.
ALLOWED = {
    "core": set(),
    **{stage: {"core"} for stage in STAGES},
    "run": {"core"},
    "evaluation": {"core", "run"},
    "report": {"core", "run", "evaluation"},
    "cli": {"core", "run", "evaluation", "report"},
}
MAX_MODULE_LINES = 420
MAX_FUNCTION_LINES = 60


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(("newsie", *(parts[:-1] if parts[-1] == "__init__" else parts)))


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path) -> set[str]:
    """Every newsie module ``path`` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "newsie" or target.startswith("newsie."):
                found.add(target)
                # "from . import x" imports the module x when there is one
                found.update(f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in modules())
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("newsie"))
    return {t for t in found if t in modules()}


def room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()) else ""


def test_layout_each_room_imports_only_the_rooms_below_it():
    wrong = []
    for name, path in modules().items():
        own = room(name)
        if own not in ALLOWED:
            continue
        for target in imports_of(name, path):
            other = room(target)
            if other and other != own and other not in ALLOWED[own]:
                wrong.append(f"{name} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_layout_has_no_import_cycle():
    graph = {name: imports_of(name, path) - {name} for name, path in modules().items()}
    # A package's __init__ re-exporting its component is not a cycle with that component.
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    state: dict[str, int] = defaultdict(int)  # 0 new, 1 on the stack, 2 done
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state[nxt] == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt) :] + [nxt]))
            elif state[nxt] == 0:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if state[name] == 0:
            visit(name, [name])
    assert not cycles, "\n".join(cycles)


@pytest.mark.parametrize("name", sorted(modules()))
def test_layout_modules_and_functions_are_small(name):
    path = modules()[name]
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_MODULE_LINES, f"{name}: {text.count(chr(10))} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{name}: " + ", ".join(long)


def test_layout_the_check_sees_a_cross_stage_import(tmp_path):
    """The import reader resolves relative imports: an entities module importing dates is seen."""
    assert "newsie.core.extensions" in imports_of("newsie.entities.component", PACKAGE / "entities" / "component.py")
    probe = tmp_path / "probe.py"
    probe.write_text("from ..dates.patterns import find_spans\nfrom . import names\n", encoding="utf-8")
    assert imports_of("newsie.entities.probe", probe) == {"newsie.dates.patterns", "newsie.entities", "newsie.entities.names"}
