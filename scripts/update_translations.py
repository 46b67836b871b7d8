"""Refresh the interface translations: collect strings (lupdate) and compile them (lrelease).

    python scripts/update_translations.py

Sources: every module of ``sop_desktop``. The translation files live in
``assets/translations/sop_desktop_LANG.ts`` (edit them with Qt Linguist,
``pyside6-linguist``); the compiled ``.qm`` files go to ``sop_desktop/translations/``, which is
shipped with the package.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "sop_desktop").glob("*.py"))
LANGUAGES = ("es", "en")
#: English needs only the plural forms ("1 result", "2 results"): the source texts are English.
PLURAL_ONLY = ("en",)


def ts_file(language: str) -> Path:
    return ROOT / "assets" / "translations" / f"sop_desktop_{language}.ts"


def qm_file(language: str) -> Path:
    return ROOT / "sop_desktop" / "translations" / f"sop_desktop_{language}.qm"


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def main() -> None:
    for language in LANGUAGES:
        ts_file(language).parent.mkdir(parents=True, exist_ok=True)
        qm_file(language).parent.mkdir(parents=True, exist_ok=True)
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
        )
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts_file(language)), "-qm", str(qm_file(language))],
            cwd=ROOT,
            check=True,
        )


if __name__ == "__main__":
    main()
