"""A refused catalog or kit file is said whole in the reader's language: the part at fault, what
is wrong with it and why, in Spanish in the window, in English on the command line."""

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from resources_index.errors import CatalogError
from resources_index.library.kits import Kit
from resources_index.messages import MESSAGES
from resources_index.sync.report import SyncError
from sop_desktop.error_sentences import describe
from sop_desktop.error_texts_generated import TEXTS
from tests.helpers.manifests import mutate, parse
from tests.helpers.window_reading import english_words_left


def refusal(path: list[Any], value: Any) -> CatalogError:
    with pytest.raises(CatalogError) as raised:
        parse(mutate(path, value))
    return raised.value


@pytest.mark.parametrize(
    ("path", "value", "english"),
    [
        (["resources", 0, "id"], "Bad Id", "Resource number 1 has an invalid id."),
        (["resources", 0, "title"], "", "Resource 'tip': 'title' is empty."),
        (
            ["resources", 0, "files", 0, "name"],
            "../x.pdf",
            "Resource 'tip' names a file '../x.pdf' that is refused: it steps outside its folder.",
        ),
        (
            ["resources", 0, "files", 0, "size"],
            5 * 1024**3,
            "Resource 'tip', file 'tip.pdf' is larger than the format allows (5,368,709,120"
            " bytes).",
        ),
        (["resources", 0, "files", 0, "role"], "text", "Resource 'tip' must have exactly one main"),
        (["expires"], "2025-01-01T00:00:00Z", "The catalog expires before it was created."),
        (["created"], "yesterday", "The catalog's creation time ('yesterday') is not a valid"),
        (["version"], 0, "The catalog has no valid version number (a whole number from 1 to 9,"),
        (["kits"], [{"id": "k", "name": "K", "items": [{"resource_id": "gone"}]}], "Kit 'k'"),
        (["renditions"], {}, "The catalog's renditions are not a list."),
        (["search_index"], [], "The catalog's search index is not an object."),
    ],
)
def test_a_refused_catalog_is_said_wholly_in_spanish(
    spanish: None, path: list[Any], value: Any, english: str
) -> None:
    error = refusal(path, value)
    assert str(error).startswith(english)  # the command line says it in English
    said = describe(error)
    assert said and said != str(error)
    assert english_words_left(str(error), said) == set(), said
    # Inside the sentence of a sync that refused it, too.
    whole = describe(SyncError("sync.not_changed", reason=error))
    assert whole.startswith(said) and english_words_left(str(error), whole) == set(), whole


def test_numbers_in_a_refusal_are_written_the_spanish_way(spanish: None) -> None:
    said = describe(refusal(["resources", 0, "files", 0, "size"], 5 * 1024**3))
    assert said == (
        "El recurso 'tip', archivo 'tip.pdf' es más grande de lo que permite el formato"
        " (5.368.709.120 bytes)."
    ), said


def test_a_refused_kit_file_is_said_in_spanish(spanish: None) -> None:
    raw = {"format": "sop-kit", "id": "k", "name": "K", "items": [{"resource_id": "Bad Id"}]}
    with pytest.raises(CatalogError) as raised:
        Kit.from_json(raw, "entrenamiento.sopkit")
    assert str(raised.value) == "entrenamiento.sopkit names an invalid resource."
    assert describe(raised.value) == "entrenamiento.sopkit nombra un recurso no válido."


def test_every_part_and_reason_of_a_refusal_has_its_spanish(spanish: None) -> None:
    """No sentence of a refused value is left untranslated (a missing one says English)."""
    prefixes = ("invalid.", "where.", "when.", "name.")
    kinds = [kind for kind in MESSAGES if kind.startswith(prefixes)]
    assert len(kinds) > 60
    untranslated = [
        kind
        for kind in kinds
        if kind not in TEXTS or QCoreApplication.translate("Errors", TEXTS[kind]) == MESSAGES[kind]
    ]
    assert untranslated == []
