"""The floors of docs/architecture.md: every import runs downwards (or sideways, to a stage earlier in the fixed
order), and no module imports itself back through others. Read from the source with `ast`, so a lazy import
inside a function counts as much as one at the top of a file."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# package -> folder, as pyproject.toml's package-dir maps them
FOLDERS = {"sourcecheck": "sourcecheck", "sourcecheck.claims": "claims", "sourcecheck.slots": "slots",
           "sourcecheck.sources": "sources", "sourcecheck.scoring": "scoring", "sourcecheck.warehouse": "warehouse",
           "sourcecheck.pipeline": "pipeline", "sourcecheck.reports": "reports",
           "sourcecheck.evaluation": "evaluation", "sourcecheck.flows": "flows"}
# Lowest first. A module may import from its own rank or below: core, the shared records, the stages (in this
# order), the pipeline, the outputs (reports, evaluation, then the flows that publish them), the CLI on top.
FLOORS = ["sourcecheck.core", "sourcecheck.model", "sourcecheck.claims", "sourcecheck.slots", "sourcecheck.sources",
          "sourcecheck.scoring", "sourcecheck.warehouse", "sourcecheck.pipeline", "sourcecheck.reports",
          "sourcecheck.evaluation", "sourcecheck.flows", "sourcecheck.cli"]


def modules() -> dict[str, Path]:
    found = {}
    for package, folder in FOLDERS.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            name = ".".join((package, *parts))
            found[name.removesuffix(".__init__")] = path
    return found


def floor_of(module: str) -> int:
    if module == "sourcecheck":   # the root package holds only __version__
        return 0
    for rank, prefix in enumerate(FLOORS):
        if module == prefix or module.startswith(prefix + "."):
            return rank
    raise AssertionError(f"{module} sits on no floor: add it to FLOORS")


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The project's modules that `path` imports (a `from package import module` names the module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module
                     for alias in node.names]
        else:
            continue
        found |= {name for name in names if name in known}
    return found


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, known) - {name} for name, path in known.items()}


def test_every_module_sits_on_a_floor():
    for name in modules():
        floor_of(name)


def test_imports_run_downwards():
    upward = sorted(f"{source} -> {target}" for source, targets in import_graph().items() for target in targets
                    if floor_of(target) > floor_of(source))
    assert upward == []


def test_no_import_cycles():
    graph = import_graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(" -> ".join(stack[stack.index(target):] + [node, target]) if target in stack
                              else f"{node} -> {target}")
            elif target not in state:
                visit(target, stack + [node])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    assert cycles == []


def test_the_old_top_level_names_are_not_imported():
    """One namespace: `import claims` would only work from a checkout, never after install."""
    old = {"claims", "sources", "scoring", "warehouse", "reports", "flows", "runs", "evaluation", "pipeline"}
    for path in [*modules().values(), *ROOT.glob("tests/*.py"), *ROOT.glob("benchmarks/*.py"),
                 *ROOT.glob("training/*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                tops = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                tops = {node.module.split(".")[0]}
            else:
                continue
            assert not tops & old, f"{path.relative_to(ROOT)}:{node.lineno} imports {tops & old}"
