"""What the starter tells a worker or a family, as its documents print it: the corrections of
the practice review, read back from the generated sources."""

from pathlib import Path

import pytest

from resources_index.documents.extract import extract_pdf

SOURCE = Path(__file__).resolve().parents[4] / "assets" / "starter" / "source"


def pages(name: str) -> list[str]:
    """A source PDF's text page by page, its line breaks made spaces (lines wrap)."""
    return [" ".join(str(s["text"]).split()) for s in extract_pdf(SOURCE / name).segments]


def test_the_safety_plan_example_sits_beside_the_bad_one_with_checks_in_person() -> None:
    first = pages("guides/developing-safety-plans.pdf")[0]
    assert "If dad has been drinking, he will leave the house" in first
    for words in (
        "Mom is with them in the evenings",  # the other parent's part
        "Grandma Rosa or Uncle Luis comes by and sees both children in person",
        "phones Mom every evening",  # the adult is asked, not the children
        "they tell the worker that night or the next morning",
        "We review this plan together on",
    ):
        assert words in first, words


def test_the_safety_plan_example_does_what_its_own_rule_says_every_evening() -> None:
    """The guide's rule is that people who are not the parent check in person; its example has
    a network member see the children every evening, with a backup, and the phone call to the
    parent only on top of that (a call asks the parent, it sees no child). The field toolkit's
    page on safety plans tells the same example the same way."""
    first = pages("guides/developing-safety-plans.pdf")[0]
    assert "people who are not the parent check in person" in first
    every_evening = "Every evening, before bedtime, Grandma Rosa or Uncle Luis comes by"
    assert every_evening + " and sees both children in person" in first
    assert "If one cannot come, the other does." in first  # a backup for the visit
    assert first.index(every_evening) < first.index("On top of that, Rosa phones Mom")
    assert "Tuesday and Friday evenings" not in first  # not two evenings a week
    plans = next(p for p in pages("toolkits/sop-field-toolkit.pdf") if "Safety plans" in p)
    assert "Every evening Grandma Rosa or Uncle Luis sees both children in person" in plans
    assert "each is the other's backup" in plans
    assert "drops in on Tuesday and Friday" not in plans


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("handouts/your-familys-safety-plan.pdf", "may ask to check each person's background"),
        ("handouts/plan-de-seguridad-para-familias.pdf", "se revisen los antecedentes"),
        ("handouts/que-es-una-red-de-seguridad.pdf", "se revisen los antecedentes"),
    ],
)
def test_family_handouts_say_the_agency_may_check_network_members(name: str, words: str) -> None:
    assert words in " ".join(pages(name))


def test_the_field_toolkit_gives_each_tool_its_own_page_with_questions_and_example() -> None:
    tools = pages("toolkits/sop-field-toolkit.pdf")[1:]
    assert len(tools) == 7
    for page in tools:
        assert "Key questions:" in page and "xample" in page, page[:40]
    assert "Safety networks" in tools[-1] and "Mom names her sister Ana" in tools[-1]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("tip-sheets/family-finding-and-engagement.pdf", "family or domestic violence"),
        ("tip-sheets/busqueda-y-participacion-de-familiares.pdf", "violencia familiar o doméstica"),
    ],
)
def test_family_finding_names_section_309e_and_its_narrow_exception(name: str, words: str) -> None:
    text = " ".join(pages(name))
    assert "309(e)" in text and words in text


def test_the_research_brief_cites_its_sources_in_itself() -> None:
    text = " ".join(pages("briefs/engagement-research-brief.pdf"))
    assert "Baginsky" in text and "What Works for Children's Social Care (2018)" in text
    assert "program's documentation" not in text
