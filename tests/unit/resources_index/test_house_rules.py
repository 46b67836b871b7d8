"""House rules: the core never loads Qt (it runs headless and from scripts); one module speaks
HTTP and one package uses the search engine, so swapping either touches one place."""

import ast
import subprocess
import sys
import warnings
from pathlib import Path

CHECK = """
import pkgutil, importlib, sys
import resources_index
for module in pkgutil.walk_packages(resources_index.__path__, "resources_index."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"})
print(",".join(qt))
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
    assert (
        "resources_index.cli"
        in subprocess.run(
            [
                sys.executable,
                "-c",
                CHECK.replace('print(",".join(qt))', "print(list(sys.modules))"),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


ROOT = Path(__file__).resolve().parents[3]


def _importers(library: str) -> set[str]:
    """Every module of the program (core and window) that imports ``library``."""
    found = set()
    for package in ("resources_index", "sop_desktop"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom) and not node.level
                    else []
                )
                if any(n == library or n.startswith(library + ".") for n in names):
                    found.add(path.relative_to(ROOT).as_posix())
    return found


def test_only_the_http_module_imports_requests() -> None:
    assert _importers("requests") == {"resources_index/sync/http.py"}


def test_only_the_search_package_imports_whoosh() -> None:
    importers = _importers("whoosh")
    assert importers
    assert all(p.startswith("resources_index/search/") for p in importers), importers


#: Whoosh's modules that hold its storage format (codec, files, packing, matchers).
WHOOSH_FORMAT_MODULES = ("whoosh.codec", "whoosh.filedb", "whoosh.system", "whoosh.util.numeric")
WHOOSH_FORMAT_MODULES += ("whoosh.matching",)
WHOOSH_INTERNALS = "resources_index/search/whoosh_internals.py"
#: Its writer of posting blocks, apart to keep modules small: only ``whoosh_internals``
#: imports it, after checking the release, so the door stays one.
WHOOSH_BLOCKS = "resources_index/search/whoosh_blocks.py"


def _whoosh_private_names() -> set[str]:
    """Every private name Whoosh's classes define: their methods and fields (``self._x``)."""
    import whoosh

    names = set()
    for path in Path(whoosh.__file__).parent.rglob("*.py"):
        with warnings.catch_warnings():  # Whoosh's own invalid escapes
            warnings.simplefilter("ignore")
            tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in ast.walk(tree):
            if not isinstance(cls, ast.ClassDef):
                continue
            for node in ast.walk(cls):
                if isinstance(node, ast.FunctionDef):
                    names.add(node.name)
                elif _sets_own_field(node):
                    names.add(node.attr)
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def _sets_own_field(node: ast.AST) -> bool:
    """``self._x = ...``: a field the class sets on itself."""
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    )


def _extends_whoosh(cls: object) -> bool:
    mro = getattr(cls, "__mro__", ())
    return any(k.__module__.split(".")[0] == "whoosh" for k in mro)


def _whoosh_private_uses(source: str, module: object, private: set[str]) -> list[str]:
    """Where ``source`` (the text of ``module``) imports a Whoosh format module or a private
    name, reads or writes an attribute named as one of Whoosh's private ``private`` (unless its
    own classes that do not extend Whoosh define that name), or overrides one in a class that
    extends Whoosh."""
    tree = ast.parse(source)
    own: set[str] = set()
    extending: list[ast.ClassDef] = []
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        if _extends_whoosh(getattr(module, cls.name, None)):
            extending.append(cls)
            continue
        for node in ast.walk(cls):
            if isinstance(node, ast.FunctionDef):
                own.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                own.add(node.attr)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
            modules = [f"{node.module}.{a.name}" for a in node.names]
            found += [f"imports {a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.Attribute) and node.attr in private and node.attr not in own:
            found.append(f"line {node.lineno}: .{node.attr}")
            continue
        else:
            continue
        found += [
            f"imports {name}"
            for name in modules
            if any(name == m or name.startswith(m + ".") for m in WHOOSH_FORMAT_MODULES)
        ]
    for cls in extending:
        found += [
            f"{cls.name} overrides {node.name}"
            for node in cls.body
            if isinstance(node, ast.FunctionDef) and node.name in private
        ]
    return found


def test_only_whoosh_internals_reads_whooshs_private_format() -> None:
    """Whoosh's private structures are read and written in one module, which knows the Whoosh
    release it was written for: a new Whoosh is checked there, not all over the package. (Only
    the search package imports Whoosh, so only it is read here.)"""
    import importlib

    private = _whoosh_private_names()
    assert {"_atend", "_perdoc", "_postwriter", "_total", "_flush_segment"} <= private
    uses = {}
    for path in (ROOT / "resources_index" / "search").rglob("*.py"):
        name = path.relative_to(ROOT).as_posix()
        if name in (WHOOSH_INTERNALS, WHOOSH_BLOCKS):
            continue
        module = importlib.import_module(name.removesuffix(".py").replace("/", "."))
        found = _whoosh_private_uses(path.read_text(encoding="utf-8"), module, private)
        if found:
            uses[name] = found
    assert uses == {}
    assert _importers(WHOOSH_BLOCKS.removesuffix(".py").replace("/", ".")) == {WHOOSH_INTERNALS}

    # What the rule catches: each way of reaching into Whoosh that the package once had.
    from resources_index.search import scoring, whoosh_internals

    sample = (
        "from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield\n"
        "import whoosh.matching.wrappers\n"
        "done = matcher._atend\n"
        "class Faster(scoring.BM25F):\n"
        "    def __init__(self):\n"
        "        self._field_B = {}\n"
    )
    assert len(_whoosh_private_uses(sample, scoring, private)) == 5
    own = Path(whoosh_internals.__file__).read_text(encoding="utf-8")
    assert len(_whoosh_private_uses(own, whoosh_internals, private)) > 20


#: The core's packages from the bottom up: a package imports only from its own layer and the
#: layers below it, so (for example) the library never depends on publishing or search, and a
#: script can use the lower layers alone. Sync and reports share a layer: a sync delivers the
#: waiting reports, and reports travel through sync's HTTP module. The README's Layout section
#: says the same.
LAYERS = (
    {"messages"},
    {"errors"},
    {"util"},
    {"catalog"},
    {"config", "documents", "instruments"},
    {"library"},
    {"search"},
    {"sync", "reports"},
    {"publish"},
    {"support"},
    {"cli"},
)


def _layer_of(package: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if package in layer)


def test_no_core_package_imports_from_a_layer_above_it() -> None:
    packages = {p.stem if p.is_file() else p.name for p in (ROOT / "resources_index").iterdir()}
    packages -= {"__init__", "__pycache__", "data", "py"}
    assert packages == set().union(*LAYERS), "a new package needs its place in LAYERS"
    crossings = []
    for path in (ROOT / "resources_index").rglob("*.py"):
        parts = path.relative_to(ROOT / "resources_index").with_suffix("").parts
        own = parts[0]
        if own == "__init__":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if not name.startswith("resources_index."):
                    continue
                other = name.split(".")[1]
                if _layer_of(other) > _layer_of(own):
                    crossings.append(f"{path.relative_to(ROOT).as_posix()} imports {name}")
    assert crossings == [], "\n".join(crossings)


def test_every_module_is_small_enough_to_read_in_one_sitting() -> None:
    """About 400 lines at most, unless the module says at its top why it is longer."""
    long = []
    for path in [*(ROOT / "resources_index").rglob("*.py"), *(ROOT / "sop_desktop").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 400 and "Longer than" not in text[:2000]:
            long.append(path.relative_to(ROOT).as_posix())
    assert long == []


def test_every_error_names_a_kind_with_a_sentence_and_every_sentence_is_used() -> None:
    """Errors are raised as ``SomeError("kind", **values)``; each kind has its English sentence
    in ``messages.py`` (and, unless only the command line meets it, a Spanish one)."""
    from resources_index.messages import MESSAGES

    sources = "\n".join(
        p.read_text(encoding="utf-8")
        for package in ("resources_index", "sop_desktop")
        for p in (ROOT / package).rglob("*.py")
        if p.name not in ("messages.py", "error_texts_generated.py")
    )
    raised: set[str] = set()
    for path in (ROOT / "resources_index").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id.endswith("Error") and node.func.id not in ("NotRegularFileError",):
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    raised.add(first.value)
    assert raised - set(MESSAGES) == set()
    unused = [kind for kind in MESSAGES if f'"{kind}"' not in sources]
    assert unused == []


#: Calls whose values a person reads: an error's or a sentence's values, a sentence filled in,
#: a problem added to a list of them (a policy's or the settings' ``problems``).
_SAID_BY = (
    "Words",
    "say",
    "format",
    "setText",
    "showMessage",
    "show_error",
    "announce",
    "append",
    "insert",
)
#: What of a caught exception is its own text (English, or the system's language).
_OWN_TEXT = ("strerror", "args", "msg")


def _passes_own_text(value: ast.AST, caught: str, ours: bool) -> bool:
    """Whether ``value`` hands on the text of the exception named ``caught``: ``str(exc)``,
    ``exc.strerror``, an f-string naming it, or the exception itself unless it is one of the
    core's errors (whose words are said in the reader's language). ``reason_of(exc)``,
    ``http.explain(exc)`` and the window's ``describe(exc)`` say it as a kind and are not
    looked into."""
    if isinstance(value, ast.Call) and getattr(value.func, "id", "") in (
        "reason_of",
        "explain",
        "describe",
    ):
        return False
    if isinstance(value, ast.Name):
        return value.id == caught and not ours
    if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
        return value.value.id == caught and value.attr in _OWN_TEXT
    if isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("str", "repr", "format"):
        return any(isinstance(a, ast.Name) and a.id == caught for a in value.args)
    if isinstance(value, ast.FormattedValue):
        inner = value.value
        named = inner.value if isinstance(inner, ast.Attribute) else inner
        return isinstance(named, ast.Name) and named.id == caught
    return any(_passes_own_text(child, caught, ours) for child in ast.iter_child_nodes(value))


def test_no_exception_text_is_passed_to_a_person() -> None:
    """A caught exception's text (``str(exc)``, ``exc.strerror``, ``f"{exc}"``) is never a
    value of an error or of a sentence the window shows: it is English or the system's
    language inside a sentence in the reader's, and means little to a person. Say it as a
    kind with ``errors.reason_of(exc)``; the text itself goes to the log and the details.
    Publishing and text extraction speak only on the command line, in English
    (``messages.COMMAND_LINE_ONLY``); the library says its own kinds over extraction's errors."""
    ours = {
        node.name
        for path in (ROOT / "resources_index").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
    }
    found = []
    for package in ("resources_index", "sop_desktop"):
        for path in (ROOT / package).rglob("*.py"):
            if path.parent.name in ("publish", "cli", "documents"):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for handler in ast.walk(tree):
                if not (isinstance(handler, ast.ExceptHandler) and handler.name):
                    continue
                types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
                own = all(getattr(t, "id", getattr(t, "attr", "")) in ours for t in types)
                for node in (n for statement in handler.body for n in ast.walk(statement)):
                    if not isinstance(node, ast.Call):
                        continue
                    name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                    if not (name.endswith("Error") or name in _SAID_BY):
                        continue
                    values = [*node.args, *(k.value for k in node.keywords)]
                    if name.endswith("Error") and values:
                        values = values[1:] if node.args else values  # the kind comes first
                    if any(_passes_own_text(v, handler.name, own) for v in values):
                        found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    assert found == [], found


def test_no_sentence_is_made_in_code_and_passed_as_a_value() -> None:
    """A sentence the window says is a kind with values, never English written in code and
    handed over as a value (``detail=f"The catalog's ..."``): such a value stays English
    inside a Spanish sentence. Two checks: no window sentence takes a free ``{detail}``, and
    no error, words or refusal is made with an f-string or a sentence as a value. Publishing
    and the command line speak English only (``messages.COMMAND_LINE_ONLY``)."""
    from resources_index.messages import COMMAND_LINE_ONLY, MESSAGES

    free = [
        kind
        for kind, sentence in MESSAGES.items()
        if not kind.startswith(COMMAND_LINE_ONLY) and "{detail" in sentence
    ]
    assert free == []
    found = []
    for package in ("resources_index", "sop_desktop"):
        for path in (ROOT / package).rglob("*.py"):
            if path.parent.name in ("publish", "cli", "documents"):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("append", "insert") and "problems" in ast.unparse(node.func):
                    # A problem of the policy or the settings is words, never a sentence.
                    made = [
                        a
                        for a in node.args
                        if isinstance(a, ast.JoinedStr)
                        or (isinstance(a, ast.Constant) and isinstance(a.value, str))
                    ]
                    if made:
                        found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
                    continue
                if not (name.endswith("Error") or name in ("Words", "require")):
                    continue
                kind = next(
                    (a.value for a in node.args if isinstance(a, ast.Constant)),
                    None,
                )
                if not isinstance(kind, str) or kind.startswith(COMMAND_LINE_ONLY):
                    continue
                for keyword in node.keywords:
                    value = keyword.value
                    made = isinstance(value, ast.JoinedStr) or (
                        isinstance(value, ast.Constant)
                        and isinstance(value.value, str)
                        and " " in value.value
                    )
                    if made:
                        found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    assert found == [], found
