"""The architecture holds: each layer imports only the layers below it.

    version <- records <- errors <- outline <- plan <- render <- app <- cli

python-pptx and lxml are imported only under ``render/``, click only under ``cli/``.
The walk covers imports inside functions too, so a lazy import cannot hide a breach.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "deckgen"
LAYERS = ["version", "records", "errors", "outline", "plan", "render", "app", "cli"]
"""From the bottom up; a module may import its own layer and those before it."""
THIRD_PARTY_OWNERS = {"pptx": "render", "lxml": "render", "click": "cli", "docx": "app", "mdformat": "app"}
FACADES = {"__init__", "__main__"}
"""The package's own entry points, which re-export from every layer."""


def _layer_of(module: Path) -> str:
    parts = module.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if not (len(p.relative_to(PACKAGE).parts) == 1 and p.stem in FACADES))


def _imported_names(module: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_every_module_sits_in_a_layer() -> None:
    loose = [str(p.relative_to(PACKAGE)) for p in _modules() if _layer_of(p) not in LAYERS]
    assert not loose, f"modules outside the layer folders: {loose}"


@pytest.mark.parametrize("module", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_its_layer_and_those_below(module: Path) -> None:
    own = LAYERS.index(_layer_of(module))
    for name in _imported_names(module):
        parts = name.split(".")
        if parts[0] == "deckgen" and len(parts) > 1 and parts[1] in LAYERS:
            assert LAYERS.index(parts[1]) <= own, f"{module.relative_to(PACKAGE)} ({LAYERS[own]}) imports {name}, a layer above it"
        owner = THIRD_PARTY_OWNERS.get(parts[0])
        if owner is not None:
            assert _layer_of(module) == owner, f"{module.relative_to(PACKAGE)} imports {name}, which only {owner}/ may import"


def test_the_package_root_imports_no_heavy_library() -> None:
    """``import deckgen`` must stay cheap: its facade names its layers lazily."""
    top_level = [n for n in ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8")).body
                 if isinstance(n, (ast.Import, ast.ImportFrom))]
    modules = {n.module for n in top_level if isinstance(n, ast.ImportFrom)}
    assert modules <= {"__future__", "typing", "deckgen.errors", "deckgen.version"}


def _dotted(module: Path) -> str:
    """``deckgen/render/template/cache.py`` -> ``deckgen.render.template.cache`` (a package's ``__init__`` is the package)."""
    parts = module.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _outside_type_checking(tree: ast.AST) -> list[ast.AST]:
    """Every node of ``tree`` except those under ``if TYPE_CHECKING:`` (never run)."""
    found: list[ast.AST] = []

    def walk(node: ast.AST) -> None:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for child in node.orelse:
                walk(child)
            return
        found.append(node)
        for child in ast.iter_child_nodes(node):
            walk(child)

    walk(tree)
    return found


_ALL_MODULES = {_dotted(path) for path in PACKAGE.rglob("*.py")}


def _edges(module: Path) -> set[str]:
    """The deckgen modules ``module`` imports when it runs (lazy imports too)."""
    found: set[str] = set()
    for node in _outside_type_checking(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name in _ALL_MODULES and name != _dotted(module)}


def test_no_module_imports_the_top_package() -> None:
    upward = [f"{p.relative_to(PACKAGE)}: {name}" for p in _modules() for name in _imported_names(p)
              if name == "deckgen"]
    assert not upward, f"modules importing the top package (import from its module instead): {upward}"


def test_no_two_modules_import_each_other_even_through_others() -> None:
    graph = {_dotted(path): _edges(path) for path in _modules()}
    cycles: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert not cycles, f"modules that import each other: {cycles}"


PPTX_FOLDERS = ("render/template",)
"""Where python-pptx may be imported: reading and preparing templates."""
PPTX_EXCEPTIONS = {"render/deck/charts.py"}
"""The chart module, which has python-pptx write a chart's XML (only decks with a chart load it)."""


@pytest.mark.parametrize("module", [p for p in _modules() if p.relative_to(PACKAGE).parts[0] == "render"],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_template_preparation_imports_python_pptx(module: Path) -> None:
    relative = module.relative_to(PACKAGE).as_posix()
    if relative.startswith(PPTX_FOLDERS) or relative in PPTX_EXCEPTIONS:
        return
    found = [name for name in _imported_names(module) if name.split(".")[0] == "pptx"]
    assert not found, f"{relative} imports {found}: the deck writer and the ooxml package never load python-pptx"


def test_render_shows_its_concerns_as_folders() -> None:
    loose = sorted(p.name for p in (PACKAGE / "render").glob("*.py") if p.name != "__init__.py")
    assert not loose, f"modules loose in render/ (put each in template/, deck/ or ooxml/): {loose}"
