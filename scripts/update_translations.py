"""Refresh the interface translations: collect strings (lupdate) and compile them (lrelease).

    python scripts/update_translations.py

Sources: every module of ``sop_desktop``. The translation files live in
``assets/translations/sop_desktop_LANG.ts`` (edit them with Qt Linguist,
``pyside6-linguist``); the compiled ``.qm`` files go to ``sop_desktop/translations/``, which is
shipped with the package.
"""

import copy
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "sop_desktop").rglob("*.py"))
LANGUAGES = ("es", "en")
#: English needs only the plural forms ("1 result", "2 results"): the source texts are English.
PLURAL_ONLY = ("en",)


def ts_file(language: str) -> Path:
    return ROOT / "assets" / "translations" / f"sop_desktop_{language}.ts"


def qm_file(language: str) -> Path:
    return ROOT / "sop_desktop" / "translations" / f"sop_desktop_{language}.qm"


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def known_translations(path: Path) -> dict[str, ET.Element]:
    """Finished translations by source text, whatever their context (class)."""
    if not path.exists():
        return {}
    known = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None:
            known[message.findtext("source", "")] = translation
    return known


def carry_over(path: Path, known: dict[str, ET.Element]) -> bool:
    """A string that moved to another class keeps its translation: lupdate files it under the
    new class as unfinished; the translation it had is copied in."""
    tree = ET.parse(path)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is not None and translation.get("type") == "unfinished" and source in known:
            message.remove(translation)
            message.append(copy.deepcopy(known[source]))
            changed = True
    if changed:
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return changed


def lupdate(language: str) -> None:
    """Collect the strings of the code into the language's translation file (lupdate)."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *SOURCES,
            "-no-obsolete",
            *(["-pluralonly"] if language in PLURAL_ONLY else []),
            "-locations",
            "none",
            "-target-language",
            language,
            "-ts",
            str(ts_file(language)),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def main() -> None:
    for language in LANGUAGES:
        ts_file(language).parent.mkdir(parents=True, exist_ok=True)
        qm_file(language).parent.mkdir(parents=True, exist_ok=True)
        known = known_translations(ts_file(language))
        lupdate(language)
        if carry_over(ts_file(language), known):
            lupdate(language)  # back to lupdate's own layout
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts_file(language)), "-qm", str(qm_file(language))],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


if __name__ == "__main__":
    main()
