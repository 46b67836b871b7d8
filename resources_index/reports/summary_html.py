"""One HTML page of the summary, statewide and per county, that opens anywhere without a
network: charts are pictures drawn into the page (SVG), nothing is fetched."""

from html import escape
from pathlib import Path

from resources_index.catalog import vocabulary
from resources_index.catalog.model import Manifest
from resources_index.catalog.vocabulary import PRACTICE_ELEMENTS
from resources_index.instruments.definition import FormDefinition
from resources_index.reports.fidelity import ItemFidelity
from resources_index.reports.summary import (
    HIDDEN,
    STATEWIDE,
    Summary,
    spreadsheet_safe,
    written_whole,
)

TOP = 10
ACT_ON = ("out_of_date", "broken_file", "wrong_translation", "not_helpful")
BAR_COLOUR = "#1f5f99"


def bar_chart(rows: list[tuple[str, int]], caption: str) -> str:
    """Horizontal bars, labelled, as an SVG picture with a text alternative."""
    if not rows:
        return "<p class='none'>Nothing reported.</p>"
    width, label_width, line = 900, 430, 24
    largest = max(value for _, value in rows) or 1
    height = line * len(rows) + 8
    parts = [
        f"<svg role='img' aria-label='{escape(caption)}' width='{width}' height='{height}'"
        f" viewBox='0 0 {width} {height}' xmlns='http://www.w3.org/2000/svg'>",
        f"<title>{escape(caption)}</title>",
    ]
    for number, (label, value) in enumerate(rows):
        y = number * line + 4
        bar = max(2, int((width - label_width - 60) * value / largest))
        shown = label if len(label) <= 56 else label[:55] + "…"  # about 400 pixels
        parts += [
            f"<text x='{label_width - 8}' y='{y + 16}' text-anchor='end' font-size='13'>"
            f"{_label(shown)}</text>",
            f"<rect x='{label_width}' y='{y + 3}' width='{bar}' height='{line - 8}'"
            f" fill='{BAR_COLOUR}'/>",
            f"<text x='{label_width + bar + 6}' y='{y + 16}' font-size='13'>{value:,}</text>",
        ]
    parts.append("</svg>")
    return "".join(parts)


def _label(text: str) -> str:
    """Text from a report as the page shows it: escaped, and never the start of a formula
    should it be copied into a spreadsheet."""
    return escape(spreadsheet_safe(text))


def _item_label(label: str, name: str) -> str:
    """An item as the page names it: its English label, or for a score computed by the form
    (which has none) "Score" and its name, rather than the bare name alone."""
    return _label(label) if label else f"Score ({_label(name)})"


def fidelity_section(
    rows: list[ItemFidelity],
    catalog: Manifest | None,
    definitions: dict[str, FormDefinition],
    name: str,
) -> str:
    """Fidelity per instrument and item, grouped by the practice element each item observes,
    beside the resources that teach it: a low share points at the material to improve."""
    out = ["<h3>Fidelity by practice element</h3>"]
    if not rows:
        return out[0] + "<p class='none'>Nothing reported.</p>"
    titles = {r.id: r.title for r in catalog.resources} if catalog else {}
    groups: dict[str, list[tuple[str, int, str]]] = {}
    for row in rows:
        form = definitions.get(row.instrument)
        order = [i.name for i, _ in form.walk()] if form else []
        position = order.index(row.item) if row.item in order else len(order)
        item = next((i for i, _ in form.walk() if i.name == row.item), None) if form else None
        elements = (item.practice_elements if item else ()) or (
            form.practice_elements if form else ()
        )
        taught = (item.resources if item else ()) or (form.resources if form else ())
        label = _item_label(item.labels.get("en", "") if item else "", row.item)
        title = form.title.get("en", row.instrument) if form else row.instrument
        labels = {c.name: c.labels.get("en", c.name) for c in item.choices} if item else {}
        shown = [
            f"{_label(labels.get(c, c))}: {share:.0%} ({count:,})"
            for c, (count, share) in row.choices.items()
        ]
        if row.mean is not None:
            shown.append(f"mean {row.mean:.2f}")
        elif not shown:
            shown.append("each answer counted on fewer than 5 laptops")
        teaching = ", ".join(_label(titles.get(r, r)) for r in taught)
        line = (
            f"<li><strong>{_label(title)}</strong>: {label} ({row.answered:,}"
            f" responses): {'; '.join(shown)}"
            + (f"<br><span class='note'>Taught by: {teaching}</span>" if teaching else "")
            + "</li>"
        )
        for element in elements or ("(no practice element)",):
            groups.setdefault(element, []).append((title, position, line))
    for element, lines in sorted(groups.items()):
        heading = vocabulary.label(vocabulary.normalize_key(element), PRACTICE_ELEMENTS)
        # Each instrument's items in the order of its form, as the person filling it saw them.
        listed = "".join(line for _, _, line in sorted(lines))
        out.append(f"<h4>{_label(heading)}</h4><ul>{listed}</ul>")
    out.append(
        f"<p class='note'>{escape(name)}: each choice, count and mean is shown when at least 5"
        f" laptops reported it in a week; the rest are counted under “{escape(HIDDEN)}”.</p>"
    )
    return "".join(out)


def _section(
    summary: Summary,
    scope: str,
    catalog: Manifest | None,
    definitions: dict[str, FormDefinition] | None = None,
) -> str:
    titles = {r.id: r.title for r in catalog.resources} if catalog else {}
    name = "Statewide" if scope == STATEWIDE else f"County: {scope}"
    laptops = summary.value(scope, "laptops", "")
    current = str(catalog.version) if catalog else summary.latest_version(scope)
    on_current = summary.value(scope, "catalog_version", current) if current else 0
    out = [f"<section><h2>{_label(name)}</h2>"]
    out.append(
        f"<p>{laptops:,} laptop-weeks reported; {summary.value(scope, 'searches', ''):,}"
        f" searches; reports holding the current catalog ({escape(current or 'unknown')}):"
        f" {on_current:,} of {summary.total(scope, 'catalog_version'):,}.</p>"
    )
    out.append("<h3>Catalog versions held</h3>")
    versions = summary.top(scope, "catalog_version", TOP)
    out.append(bar_chart(versions, f"{name}: laptops by catalog version"))
    out.append("<h3>Most opened</h3>")
    most = [(titles.get(rid, rid), value) for rid, value in summary.top(scope, "opened", TOP)]
    out.append(bar_chart(most, f"{name}: the resources opened most"))
    if catalog is not None:
        never = sorted(t for rid, t in titles.items() if not summary.value(scope, "opened", rid))
        out.append(f"<h3>Never opened ({len(never):,} of {len(titles):,})</h3>")
        out.append("<ul>" + "".join(f"<li>{escape(t)}</li>" for t in never[:50]) + "</ul>")
    looked = summary.top(scope, "zero_result_searches", TOP)
    out.append("<h3>What people look for and do not find</h3>")
    out.append(bar_chart(looked, f"{name}: searches that found nothing"))
    out.append(
        f"<p class='note'>Words are shown when at least 5 laptops typed them in a week;"
        f" the rest are counted under “{escape(HIDDEN)}”.</p>"
    )
    unopened = summary.top(scope, "searches_without_open", TOP)
    out.append("<h3>Searches after which nothing was opened</h3>")
    out.append(bar_chart(unopened, f"{name}: searches after which nothing was opened"))
    act = []
    for key, value in summary.top(scope, "feedback", 20, _to_act_on):
        rid, _, kind = key.rpartition(":")
        act.append((f"{kind.replace('_', ' ')}: {titles.get(rid, rid)}", value))
    out.append("<h3>Feedback to act on</h3>")
    out.append(bar_chart(act, f"{name}: feedback to act on"))
    requests = summary.top(scope, "resource_requests", 50)
    out.append("<h3>Resources requested</h3>")
    out.append(
        "<ul>" + "".join(f"<li>{_label(text)} ({count})</li>" for text, count in requests) + "</ul>"
        if requests
        else "<p class='none'>Nothing reported.</p>"
    )
    out.append(fidelity_section(summary.fidelity(scope), catalog, definitions or {}, name))
    out.append("</section>")
    return "".join(out)


def _to_act_on(key: str) -> bool:
    return key.rpartition(":")[2] in ACT_ON


def write_html(
    summary: Summary,
    target: Path,
    catalog: Manifest | None = None,
    definitions: dict[str, FormDefinition] | None = None,
) -> None:
    """The page; ``definitions`` (the catalog's instruments) name the items and their practice
    elements and resources."""
    periods = summary.periods()
    span = f"{periods[0]} to {periods[-1]}" if periods else "no period"
    body = [_section(summary, STATEWIDE, catalog, definitions)]
    body += [_section(summary, county, catalog, definitions) for county in summary.counties()]
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>SOP Desktop usage, {escape(span)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 62em; margin: 2em auto; color: #111; }}
svg text {{ font-family: system-ui, sans-serif; }}
h2 {{ border-bottom: 2px solid {BAR_COLOUR}; padding-bottom: .2em; margin-top: 2em; }}
.note, .none {{ color: #444; }}
</style></head><body>
<h1>SOP Desktop usage, {escape(span)}</h1>
<p>{summary.reports:,} reports from {len(summary.counties()):,} counties;
{summary.duplicates:,} delivered twice and counted once;
{summary.skipped_count:,} files set aside.</p>
{"".join(body)}
</body></html>
"""
    with written_whole(target) as handle:  # a full disk leaves the previous page whole
        handle.write(page.encode("utf-8"))
