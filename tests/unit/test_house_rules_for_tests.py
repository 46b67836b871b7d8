"""House rule for the tests themselves: a test module imports the program and ``tests.helpers``,
never another test module (``test_*``), a ``conftest`` or the ``benchmarks`` package. What two
tests share lives in ``tests/helpers/``, so a test can be moved, renamed or deleted without
breaking another, and the benchmarks can change without touching the suite."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _module_of(path: Path) -> str:
    """The dotted name under which ``path`` (a file under ``tests/``) is imported."""
    parts = path.relative_to(TESTS.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(tree: ast.AST, module: str, is_package: bool) -> list[str]:
    """Every module name an import in ``tree`` refers to (relative ones made absolute), and
    every name imported from a package (it may be a module too), wherever the import stands."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.append(base)
            found += [f"{base}.{alias.name}" for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(node.args[0].value)
    return found


def forbidden_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """The imports in ``source`` (the text of ``module``) that break the rule."""
    bad = []
    for name in _imported(ast.parse(source), module, is_package):
        parts = name.split(".")
        if (
            parts[0] == "benchmarks"
            or (parts[0] == "tests" and any(p.startswith("test_") for p in parts))
            or (parts[0] == "tests" and "conftest" in parts)
        ):
            bad.append(name)
    return bad


def test_no_test_module_imports_another_test_module_a_conftest_or_the_benchmarks() -> None:
    files = sorted(TESTS.rglob("*.py"))
    assert len(files) > 100  # the whole suite was walked, helpers and conftests included
    broken = {
        path.relative_to(TESTS.parent).as_posix(): bad
        for path in files
        if (
            bad := forbidden_imports(
                path.read_text(encoding="utf-8"), _module_of(path), path.name == "__init__.py"
            )
        )
    }
    assert broken == {}, "move what is shared into tests/helpers/ and import it from there"


def test_the_rule_sees_each_way_of_importing_a_test_module_or_the_benchmarks() -> None:
    module = "tests.unit.resources_index.sync.test_serve"
    assert forbidden_imports("from tests.unit.resources_index.sync.test_sync import FAST", module)
    assert forbidden_imports("from .test_sync import FAST", module)
    assert forbidden_imports("from . import test_sync", module)
    assert forbidden_imports("from ..catalog import test_catalog", module)
    assert forbidden_imports("import tests.unit.sop_desktop.test_sync_window as w", module)
    assert forbidden_imports("from tests.unit.sop_desktop.conftest import open_window", module)
    assert forbidden_imports("from tests.conftest import build_source", module)
    assert forbidden_imports("def f():\n    from benchmarks.synthetic import Generator", module)
    assert forbidden_imports("import benchmarks", module)
    assert forbidden_imports("importlib.import_module('tests.e2e.test_statewide_path')", module)
    assert forbidden_imports("from .. import conftest", "tests.unit", is_package=True)
    assert not forbidden_imports(
        "from tests.helpers.syncing import FAST\nimport pytest\n"
        "from resources_index.sync.http import HttpSettings\nfrom . import helpers",
        module,
    )
