"""The manifest in signed parts: cut where ids fall (an edit moves one part), joined back to
the very bytes that were signed, and every hostile index or part refused with a sentence."""

import base64
import dataclasses
import gzip
import hashlib
import json
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resources_index.catalog.model import Manifest, canonical_json
from resources_index.catalog.parts import (
    CatalogIndex,
    NotInParts,
    PartRef,
    known_parts,
    make_index,
    pack,
    part_refs,
    split,
    unpack,
)
from resources_index.errors import CatalogError
from tests.helpers.synthetic import Generator

SIGNATURE = bytes(range(64))


@pytest.fixture(scope="module")
def manifest() -> Manifest:
    return Generator().catalog(400).manifest


def index_of(manifest: Manifest) -> tuple[CatalogIndex, dict[str, bytes]]:
    data = manifest.to_bytes()
    identity = (manifest.catalog_id, manifest.version, manifest.created, manifest.expires)
    return make_index(data, SIGNATURE, identity)


def test_the_parts_join_back_to_the_signed_bytes(manifest: Manifest) -> None:
    index, files = index_of(manifest)
    pieces = index.pieces(files)
    assert index.assemble(pieces, files) == manifest.to_bytes()
    assert CatalogIndex.from_bytes(index.to_bytes()) == index
    assert 400 / 48 <= len(part_refs(pieces)) < 400 / 8  # about 14 resources a part
    assert 1 <= len(index.page_refs()) < len(part_refs(pieces))
    assert known_parts(manifest.to_bytes()) == files
    assert all(unpack(pack(data), PartRef(sha, len(data))) == data for sha, data in files.items())


def test_a_manifest_not_in_canonical_form_offers_no_parts(manifest: Manifest) -> None:
    spaced = json.dumps(json.loads(manifest.to_bytes()), indent=1).encode()
    assert known_parts(spaced) == {}
    assert known_parts(b"not json") == {}
    with pytest.raises(NotInParts):
        split(spaced)


def changed_parts(before: Manifest, after: Manifest) -> int:
    """How many parts (pages aside) ``after`` has that ``before`` has not; at most two pages
    change with them."""
    old, new = index_of(before), index_of(after)
    assert len(set(new[0].page_refs()) - set(old[0].page_refs())) <= 2
    return len(set(part_refs(new[0].pieces(new[1]))) - set(part_refs(old[0].pieces(old[1]))))


def test_an_edit_moves_one_part_an_addition_or_removal_a_few(manifest: Manifest) -> None:
    chooser = random.Random(3)
    resources = list(manifest.resources)
    for _ in range(20):
        position = chooser.randrange(len(resources))
        edited = list(resources)
        edited[position] = edited[position]._replace(title=f"Revised {chooser.random()}")
        assert changed_parts(manifest, _with(manifest, edited)) == 1
        removed = resources[:position] + resources[position + 1 :]
        # A merge is one new part; a part cut because it was long may end one element later.
        assert changed_parts(manifest, _with(manifest, removed)) <= 3
        added = sorted([*resources, resources[position]._replace(id=f"new-{position}")])
        assert 1 <= changed_parts(manifest, _with(manifest, sorted(added))) <= 3
    # A new version alone (its number and dates are written in the index itself): no part,
    # no page.
    later = dataclasses.replace(manifest, version=2, created=manifest.expires, by_id={})
    assert set(index_of(later)[1]) == set(index_of(manifest)[1])


def resources_in(part: bytes) -> int:
    return len(json.loads(b"[" + part + b"]"))


def test_a_part_holds_at_most_48_resources_and_a_removal_moves_few() -> None:
    """Cuts where ids fall leave runs of a few hundred resources between two cuts in a
    catalog of thousands; cuts where ids fall more often once a part is long bound every part,
    and a removal still moves only the parts around it."""
    big = Generator(seed=11).catalog(2000).manifest
    index, files = index_of(big)
    parts = part_refs(index.pieces(files))
    sizes = [resources_in(files[ref.sha256]) for ref in parts]
    assert max(sizes) <= 48 and sum(sizes) == 2000
    chooser = random.Random(5)
    resources = list(big.resources)
    for _ in range(10):
        position = chooser.randrange(len(resources))
        removed = _with(big, resources[:position] + resources[position + 1 :])
        new_index, new_files = index_of(removed)
        moved = set(part_refs(new_index.pieces(new_files))) - set(parts)
        assert sum(resources_in(new_files[ref.sha256]) for ref in moved) <= 2 * 48


def _with(manifest: Manifest, resources: list[Any]) -> Manifest:
    return dataclasses.replace(
        manifest, resources=tuple(sorted(resources, key=lambda r: r.id)), by_id={}
    )


def test_a_part_is_checked_before_it_is_used() -> None:
    data = b'{"id":"tip"}'
    ref = PartRef(hashlib.sha256(data).hexdigest(), len(data))
    other = b'{"id":"tap"}'
    bomb = gzip.compress(b" " * 10_000_000)
    for packed in (pack(other), bomb, pack(data) + b"more", pack(data)[:-3], b"not gzip", b""):
        with pytest.raises(CatalogError, match="damaged"):
            unpack(packed, ref)


def raw_index(manifest: Manifest) -> dict[str, Any]:
    return json.loads(index_of(manifest)[0].to_bytes())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw.update(format="sop-catalog"), "not an SOP catalog index"),
        (lambda raw: raw.update(format_version=2), "cannot read"),
        (lambda raw: raw.update(version=2**63), "valid version"),
        (lambda raw: raw.update(catalog_id="Bad id"), "catalog_id"),
        (lambda raw: raw["manifest"].update(size=-1), "hash and size"),
        (lambda raw: raw["manifest"].update(sha256="A" * 64), "hash and size"),
        (lambda raw: raw["manifest"].update(signature="AAAA"), "signature"),
        (lambda raw: raw["manifest"].update(signature="***"), "base64"),
        (lambda raw: raw.update(outline=[]), "no outline"),
        (lambda raw: raw.update(outline="text"), "no outline"),
        # Even signed, an index may not name tens of thousands of pages to fetch.
        (lambda raw: raw.update(outline=["x"] * 8_193), "more than 8,192 entries"),
        (lambda raw: raw["outline"].append({"sha256": "a" * 64, "size": True}), "hash"),
        (lambda raw: raw["outline"].append({"sha256": "a" * 64, "size": 2**40}), "hash"),
        (lambda raw: raw["outline"].extend([{"sha256": "a" * 64, "size": 2**25}] * 3), "larger"),
        (lambda raw: raw["outline"].insert(1, 7), "not valid"),
    ],
)
def test_a_hostile_index_is_refused_with_a_sentence(
    manifest: Manifest, change: Any, message: str
) -> None:
    raw = raw_index(manifest)
    change(raw)
    with pytest.raises(CatalogError, match=message):
        CatalogIndex.from_bytes(canonical_json(raw))


def test_parts_that_do_not_make_up_the_manifest_are_refused(manifest: Manifest) -> None:
    index, files = index_of(manifest)
    raw = json.loads(index.to_bytes())
    raw["manifest"]["sha256"] = "0" * 64
    forged = CatalogIndex.from_bytes(canonical_json(raw))
    with pytest.raises(CatalogError, match="do not make up"):
        forged.assemble(forged.pieces(files), files)
    assert base64.b64decode(raw["manifest"]["signature"]) == SIGNATURE


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ([], "no pieces"),
        ("text", "no pieces"),
        ([7], "not valid"),
        ([{"sha256": "a" * 64, "size": 2**40}], "hash and size"),
        ([{"sha256": "a" * 64, "size": False}], "hash and size"),
        (["x" * 100], "too large"),
    ],
)
def test_a_hostile_page_is_refused_with_a_sentence(
    manifest: Manifest, page: object, message: str
) -> None:
    """A page signed by hash in a (hostile) index: read within the manifest's bounds."""
    index, _ = index_of(dataclasses.replace(manifest, resources=manifest.resources[:1], by_id={}))
    data = canonical_json(page)
    ref = PartRef(hashlib.sha256(data).hexdigest(), len(data))
    small = dataclasses.replace(index, manifest_size=50, outline=(ref,))
    with pytest.raises(CatalogError, match=message):
        small.pieces({ref.sha256: data})


def test_pieces_that_do_not_add_up_to_the_manifest_are_refused(manifest: Manifest) -> None:
    index, files = index_of(manifest)
    for size in (index.manifest_size - 1, index.manifest_size + 1):
        with pytest.raises(CatalogError, match=r"too large|do not add up"):
            dataclasses.replace(index, manifest_size=size).pieces(files)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(JSON.map(lambda v: json.dumps(v).encode()), st.binary(max_size=200)))
def test_any_bytes_as_an_index_are_refused_with_a_sentence(data: bytes) -> None:
    with pytest.raises(CatalogError):
        CatalogIndex.from_bytes(data)
