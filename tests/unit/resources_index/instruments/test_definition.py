"""The form definition read back from JSON (as a catalog will carry it): every field checked,
every expression parsed again, anything else one sentence."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resources_index.errors import InstrumentError
from resources_index.instruments.conversion import convert_form
from resources_index.instruments.definition import from_bytes, to_json
from tests.helpers.xlsforms import example_form


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return to_json(convert_form(example_form(tmp_path_factory.mktemp("f") / "example.xlsx")))


def refused(raw: object) -> str:
    with pytest.raises(InstrumentError) as caught:
        from_bytes(json.dumps(raw).encode(), "catalog instrument")
    assert caught.value.kind == "instrument.definition_invalid"
    return str(caught.value)


def changed(good: dict[str, object], **fields: object) -> dict[str, object]:
    return {**json.loads(json.dumps(good)), **fields}


def test_a_definition_out_of_the_format_is_refused_naming_what(good: dict[str, object]) -> None:
    assert "format 2 is not 1" in refused(changed(good, format=2))
    assert "id is not a text" in refused(changed(good, id=""))
    assert "kind is not one of" in refused(changed(good, kind="exam"))
    items = json.loads(json.dumps(good["items"]))
    items[1]["type"] = "geopoint"
    assert "type is not one of" in refused(changed(good, items=items))
    items = json.loads(json.dumps(good["items"]))
    items[1]["relevant"] = "eval('x')"
    assert "columns's relevant: the function eval() is not supported" in refused(
        changed(good, items=items)
    )
    items = json.loads(json.dumps(good["items"]))
    items[1]["calculate"] = "${nowhere} + 1"
    assert "there is no question named 'nowhere'" in refused(changed(good, items=items))
    items = json.loads(json.dumps(good["items"]))
    items[1]["relevant"] = "${points} > 1"  # points counts the columns chosen: a circle
    assert "columns, points read each other in a circle" in refused(changed(good, items=items))
    items = json.loads(json.dumps(good["items"]))
    items.append(items[1])
    assert "two items have the same name" in refused(changed(good, items=items))
    nested: dict[str, object] = {"name": "g0", "type": "group", "items": []}
    for depth in range(1, 20):
        nested = {"name": f"g{depth}", "type": "group", "items": [nested]}
    assert "nested more deeply" in refused(changed(good, items=[nested]))
    assert "are not valid JSON" in refused_bytes(b'{"format": 1')
    assert "nested more deeply" in refused_bytes(b"[" * 100_000)


def refused_bytes(data: bytes) -> str:
    with pytest.raises(InstrumentError) as caught:
        from_bytes(data, "catalog instrument")
    return str(caught.value)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=200), JSON.map(lambda v: json.dumps(v).encode())))
def test_any_bytes_give_a_definition_or_one_sentence(data: bytes) -> None:
    try:
        from_bytes(data, "catalog instrument")
    except InstrumentError as error:
        assert str(error).startswith("The instrument 'catalog instrument' cannot be used")


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_a_good_definition_with_one_field_replaced_gives_a_definition_or_one_sentence(
    good: dict[str, object], data: st.DataObject
) -> None:
    raw = json.loads(json.dumps(good))
    items = raw["items"]
    index = data.draw(st.integers(min_value=0, max_value=len(items) - 1))
    key = data.draw(st.sampled_from(sorted(items[index])))
    items[index][key] = data.draw(JSON)
    try:
        from_bytes(json.dumps(raw).encode(), "catalog instrument")
    except InstrumentError as error:
        assert "cannot be used" in str(error)
