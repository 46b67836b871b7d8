import copy
from pathlib import Path
from typing import Any

import pytest

from resources_index.catalog.field_kinds import Kind
from resources_index.catalog.model import Manifest
from resources_index.catalog.records import RESOURCE_FIELDS
from resources_index.errors import CatalogError
from resources_index.library import snapshot
from tests.helpers.manifests import manifest_dict, mutate, parse


def test_valid_manifest_parses_and_round_trips_canonically() -> None:
    manifest = parse(manifest_dict())
    assert manifest.version == 3
    assert manifest.by_id["tip"].main.name == "tip.pdf"
    again = Manifest.from_bytes(manifest.to_bytes())
    assert again == manifest
    assert again.to_bytes() == manifest.to_bytes()


def test_unknown_keys_are_ignored_for_forward_compatibility() -> None:
    raw = manifest_dict()
    raw["future_field"] = {"x": 1}
    raw["resources"][0]["rating"] = 5
    assert parse(raw).by_id["tip"].title == "A tip sheet"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["format"], "other", "not an SOP catalog"),
        (["format_version"], 2, "cannot read"),
        (["version"], 0, "version number"),
        (["version"], True, "version number"),
        (["expires"], "2025-01-01T00:00:00Z", "expires before"),
        (["created"], "yesterday", "not a valid time"),
        (["resources", 0, "id"], "Bad Id!", "invalid id"),
        (["resources", 0, "title"], "", "empty"),
        (["resources", 0, "language"], "english", "invalid language"),
        (["resources", 0, "files", 0, "name"], "../x", "steps outside"),
        (["resources", 0, "files", 0, "name"], "/abs/x.pdf", "absolute"),
        (["resources", 0, "files", 0, "sha256"], "abc", "SHA-256"),
        (["resources", 0, "files", 0, "size"], -1, "size"),
        (["resources", 0, "files", 0, "size"], 5 * 1024**3, "larger than the format"),
        (["resources", 0, "files", 0, "media_type"], "application/x-msdownload", "media type"),
        (["resources", 0, "files", 0, "role"], "text", "exactly one main"),
        (["resources", 0, "files"], [], "no files"),
    ],
)
def test_malformed_manifests_are_refused_with_a_sentence(
    path: list[Any], value: Any, message: str
) -> None:
    with pytest.raises(CatalogError, match=message):
        parse(mutate(path, value))


def test_duplicate_ids_are_refused() -> None:
    raw = manifest_dict()
    raw["resources"].append(copy.deepcopy(raw["resources"][0]))
    with pytest.raises(CatalogError, match="twice"):
        parse(raw)


def test_not_json_is_refused() -> None:
    with pytest.raises(CatalogError, match="not valid JSON"):
        Manifest.from_bytes(b"{not json")


def test_every_field_of_the_tables_survives_each_way_a_manifest_is_read(tmp_path: Path) -> None:
    """Checked parse, trusted load and the kept parsed copy all follow the field tables: a
    resource with every field away from its default comes back equal by each path."""
    raw = manifest_dict()
    resource = raw["resources"][0]
    for spec in RESOURCE_FIELDS:
        if spec.kind is Kind.TEXT and spec.name not in resource:
            resource[spec.name] = f"{spec.name} value"[: spec.limit]
        elif spec.kind is Kind.LIST:
            resource[spec.name] = ["tip"] if spec.pattern is not None else ["one", "two"]
    resource["files"][0]["language"] = "es"
    raw["terms"] = [{"en": "court report", "es": "informe para la corte"}]
    assert {s.name for s in RESOURCE_FIELDS} == set(resource)
    checked = parse(raw)
    trusted = Manifest.from_bytes(checked.to_bytes(), validated=True)
    snapshot.save(tmp_path, "c" * 64, checked)
    kept = snapshot.load(tmp_path, "c" * 64)
    assert checked == trusted == kept
    assert checked.resources[0].to_json() == resource
    assert checked.resources[0].files[0].language == "es"
    assert checked.terms == (("court report", "informe para la corte"),)
