"""What is wrong in a settings or policy file is said whole in the reader's language (the
names of settings and keys as they are written in the file), English on the command line."""

import json
from pathlib import Path

from resources_index.config.policy import Policy
from resources_index.config.settings import Settings
from sop_desktop.error_sentences import say
from tests.helpers.window_reading import english_words_left

#: Names written in the files themselves, the same in every language.
_NAMES = {
    "everything",
    "up_to_limit",
    "when_opened",
    "download_policy",
    "server_url",
    "storage_cap_mb",
    "locked",
    "settings",
    "http",
    "https",
}


def english_left(english: str, said: str, path: Path) -> set[str]:
    """The English words left in ``said``, the file's path aside."""
    return english_words_left(english.replace(str(path), ""), said.replace(str(path), "")) - _NAMES


def test_a_settings_files_refused_values_are_said_in_spanish(spanish: None, tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {"colour": "blue", "download_policy": "always", "server_url": "servidor del condado"}
        )
    )
    problems = Settings.load(tmp_path).problems
    assert len(problems) == 3
    for problem in problems:
        english, said = str(problem), say(problem)
        assert said.startswith(f"{tmp_path / 'settings.json'}: ") and said != english
        assert english_left(english, said, tmp_path) == set(), said
    assert "se ignoró la opción desconocida 'colour'." in say(problems[0])


def test_a_settings_file_that_cannot_be_read_is_said_by_its_kind(
    spanish: None, tmp_path: Path
) -> None:
    (tmp_path / "settings.json").mkdir()  # a folder where the file should be
    [problem] = Settings.load(tmp_path).problems
    assert say(problem) == (
        f"No se pudo leer {tmp_path / 'settings.json'} (no es un archivo normal); se usan los"
        " valores predeterminados."
    )
    (tmp_path / "settings.json").rmdir()
    (tmp_path / "settings.json").write_text('{"server_url": "https://x/",,}')
    [problem] = Settings.load(tmp_path).problems
    assert "la línea 1 no es JSON válido" in say(problem)
    assert "line 1 is not valid JSON" in str(problem)  # the command line


def test_a_policys_ignored_values_are_said_in_spanish(spanish: None, tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text(
        json.dumps(
            {
                "storage_cap_mb": -5,
                "favourite_colour": "blue",
                "locked": "server_url",
                "settings": {"download_policy": "always"},
            }
        )
    )
    problems = Policy.load(path).problems
    assert len(problems) == 4
    for problem in problems:
        english, said = str(problem), say(problem)
        assert said.startswith(f"{path}, línea 1: ") and said != english  # file and line
        assert english_left(english, said, path) == set(), said


def test_a_damaged_settings_file_is_said_in_spanish(spanish: None, tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(b"[1, 2, 3]")
    [problem] = Settings.load(tmp_path).problems
    said = say(problem)
    assert said.startswith(f"Su archivo de configuración {tmp_path / 'settings.json'} está dañado")
    # "set-aside" is the folder's name, the same in every language
    assert english_left(str(problem), said, tmp_path) - {"set", "aside"} == set(), said
