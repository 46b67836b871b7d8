"""Hostile catalogs: every malformed input gets the package's own error with a sentence, never
a traceback, and no integer the format carries can overflow what the library stores."""

import base64
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.catalog import limits
from resources_index.catalog.model import Manifest
from resources_index.catalog.signing import TrustedKey, open_envelope
from resources_index.errors import CatalogError, ResourcesError
from tests.helpers.manifests import manifest_dict, mutate, parse

BIG = 2**63


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["version"], BIG, "version number"),
        (["version"], limits.MAX_VERSION + 1, "version number"),
        (["format_version"], BIG, "cannot read"),
        (["resources", 0, "files", 0, "media_type"], ["application/pdf"], "media type"),
        (["resources", 0, "files", 0, "role"], ["main"], "unknown role"),
        (["resources", 0, "files", 0, "size"], BIG, "size"),
        (["resources", 0, "files", 0, "sha256"], "a" * 64 + "\n", "SHA-256"),
        (["resources", 0, "language"], "en\n", "invalid language"),
        (["resources", 0, "id"], "tip\n", "invalid id"),
        (["created"], "0001-01-01T00:00:00+05:00", "out of range"),
        (["expires"], "9999-12-31T23:59:59-05:00", "out of range"),
        (["kits"], [{"id": "k", "name": "K", "items": [{"resource_id": ["tip"]}]}], "lacks"),
        (
            ["kits"],
            [{"id": "k", "name": "K", "items": [{"resource_id": "tip", "start": BIG}]}],
            "start",
        ),
        (["terms"], {"en": "safety plan", "es": "plan de seguridad"}, "terms are not a list"),
        (["terms"], [["safety plan", "plan de seguridad"]], "Term number 1 is not an object"),
        (["terms"], [{"en": "safety plan"}], "Term number 1"),
        (["terms"], [{"en": "x" * (limits.MAX_VALUE_CHARS + 1), "es": "y"}], "Term number 1"),
        (["terms"], [{"en": "a", "es": "b"}] * (limits.MAX_TERMS + 1), "too many terms"),
        (
            ["search_index"],
            {
                "role": "index",
                "name": "i.tar",
                "sha256": "c" * 64,
                "size": 1,
                "media_type": "application/x-tar",
                "schema": BIG,
            },
            "schema",
        ),
    ],
)
def test_out_of_bounds_and_mistyped_values_are_refused(
    path: list[Any], value: Any, message: str
) -> None:
    with pytest.raises(CatalogError, match=message):
        parse(mutate(path, value))


def test_the_largest_allowed_version_is_accepted() -> None:
    assert parse(mutate(["version"], limits.MAX_VERSION)).version == limits.MAX_VERSION


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested more deeply"),
        (b'{"format_version": ' + b"9" * 5000 + b"}", "number larger"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"format": "sop-catalog"', "not valid JSON"),
    ],
)
def test_unparseable_manifests_and_envelopes_are_sentences(data: bytes, message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        Manifest.from_bytes(data)
    with pytest.raises(CatalogError, match=message):
        open_envelope(data, {})


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=25,
)


def _answer_of(parse_call: Any) -> Manifest | None:
    """None for the package's own error, the manifest when valid; anything else fails."""
    try:
        return parse_call()
    except ResourcesError:
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_are_a_manifest_or_a_sentence(data: bytes) -> None:
    _answer_of(lambda: Manifest.from_bytes(data))
    _answer_of(lambda: open_envelope(data, {}))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=JSON)
def test_arbitrary_json_is_a_manifest_or_a_sentence(value: Any) -> None:
    _answer_of(lambda: Manifest.from_bytes(json.dumps(value).encode()))


def _paths(raw: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a manifest a value can be swapped."""
    found = [prefix] if prefix else []
    if isinstance(raw, dict):
        for key, value in raw.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(raw, list):
        for index, value in enumerate(raw):
            found += _paths(value, (*prefix, index))
    return found


PLACES = _paths(manifest_dict())


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(PLACES), value=JSON)
def test_any_field_of_a_valid_manifest_swapped_for_any_json_is_a_manifest_or_a_sentence(
    place: tuple[Any, ...], value: Any
) -> None:
    manifest = _answer_of(lambda: parse(mutate(list(place), value)))
    if manifest is not None:  # what passes is within every bound the library relies on
        assert 1 <= manifest.version <= limits.MAX_VERSION
        assert all(0 <= e.size <= limits.MAX_OBJECT_BYTES for e in manifest.objects())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fields=st.dictionaries(
        st.sampled_from(["format", "format_version", "key_id", "signature", "manifest"]), JSON
    )
)
def test_arbitrary_envelopes_are_refused_with_a_sentence(fields: dict[str, Any]) -> None:
    fields.setdefault("format", "sop-catalog")
    data = json.dumps(fields).encode()
    with pytest.raises(ResourcesError):
        open_envelope(data, {})


def test_a_signed_envelope_around_a_hostile_manifest_is_a_sentence(keys: Any) -> None:
    from resources_index.catalog.signing import load_private_key, load_public_key, seal

    private = load_private_key(keys[0])
    public: TrustedKey = load_public_key(keys[1])
    hostile = json.dumps(mutate(["version"], BIG)).encode()
    envelope = seal(hostile, private)
    manifest_bytes, _ = open_envelope(envelope, {public.key_id: public})
    assert base64.b64encode(manifest_bytes)
    with pytest.raises(CatalogError, match="version number"):
        Manifest.from_bytes(manifest_bytes)
