import pytest

from resources_index.catalog.limits import unsafe_name_reason


@pytest.mark.parametrize(
    "name", ["guide.pdf", "folder/guide.pdf", "Guía de coaching.pdf", "a.b.c.vtt"]
)
def test_ordinary_names_are_safe(name: str) -> None:
    assert unsafe_name_reason(name) is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../x", "steps outside"),
        ("a/../../x", "steps outside"),
        ("/etc/passwd", "absolute"),
        ("C:/Windows/x", "absolute"),
        ("a\\b", "not allowed"),
        ("", "empty"),
        ("con.txt", "reserved"),
        ("trailing. ", "begins or ends"),
        ("x" * 300, "longer"),
    ],
)
def test_unsafe_names_are_refused_with_a_reason(name: str, reason: str) -> None:
    found = unsafe_name_reason(name)
    assert found is not None and reason in found
