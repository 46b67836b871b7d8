"""An instrument on paper: blank, in each of its languages (to fill in by hand where a laptop
cannot go), or as filled in (with when it was completed and its label). Laid out as the window
shows it: groups as headings, each choice with a mark (a circle where one answer is asked, a box
where several may be, filled when picked, and the question says which), lines to write on, one
privacy line under a text answer; the form's words escaped, never markup. A starter instrument
says at the foot of every sheet, in the sheet's language, that it is sample content."""

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QWidget

from resources_index.instruments.definition import FormDefinition
from resources_index.instruments.session import QUESTION_TYPES, FormSession
from resources_index.library.starter import sample_notice
from sop_desktop.instruments import form_words
from sop_desktop.instruments.form_words import in_language, title_of, words
from sop_desktop.printing import Printed, print_html

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter  # loaded when first printing

EMPTY_BOX, CHECKED_BOX = "☐", "☒"  # several answers may be chosen
EMPTY_CIRCLE, CHECKED_CIRCLE = "○", "◉"  # one answer is chosen
WRITING_LINE = "_" * 60


class PaperFacts(NamedTuple):
    """What a printed response says about itself (either may be empty)."""

    completed: str  # when, as the interface writes dates
    label: str  # the label that stays on this laptop (the paper stays with its owner)


NO_FACTS = PaperFacts("", "")


def _marks(item_type: str) -> tuple[str, str]:
    """The empty and the checked mark of a choice."""
    if item_type == "select_multiple":
        return EMPTY_BOX, CHECKED_BOX
    return EMPTY_CIRCLE, CHECKED_CIRCLE


def form_html(
    definition: FormDefinition,
    language: str,
    session: FormSession | None,
    facts: PaperFacts = NO_FACTS,
) -> str:
    """The form in ``language``: blank when ``session`` is None, else with its answers (and
    only the items its skip logic asks)."""
    blank = session is None
    shown = session or FormSession(definition)
    parts = [f"<h1>{html.escape(title_of(definition, language))}</h1>"]
    for said, value in (
        (form_words.COMPLETED_ON, facts.completed),
        (form_words.LABEL_IS, facts.label),
    ):
        if value:
            parts.append(f"<p>{html.escape(words(language, said).format(value))}</p>")
    for item, parents in definition.walk():
        if item.type == "calculate" or (not blank and not shown.is_relevant(item.name)):
            continue
        indent = 24 * len(parents)
        text = html.escape(
            shown.label(item, language) if not blank else in_language(item.labels, language)
        )
        if item.type == "group":
            parts.append(f"<h2 style='margin-left:{indent}px'>{text}</h2>")
            continue
        if item.type == "note":
            if blank and "${" in in_language(item.labels, language):
                continue  # a note showing computed values says nothing on a blank form
            parts.append(f"<p style='margin-left:{indent}px'><i>{text}</i></p>")
            continue
        if item.required and item.type in QUESTION_TYPES:
            text += " " + html.escape(words(language, form_words.REQUIRED))
        if item.choices:
            how = form_words.CHOOSE_ALL if item.type == "select_multiple" else form_words.CHOOSE_ONE
            text += " " + html.escape(words(language, how))
        parts.append(f"<p style='margin-left:{indent}px'><b>{text}</b></p>")
        hint = in_language(item.hints, language)
        if hint and item.type != "text":  # under a text answer: the one privacy line below
            parts.append(f"<p style='margin-left:{indent}px'>{html.escape(hint)}</p>")
        answer = "" if blank else shown.answers.get(item.name, "")
        if item.choices:
            picked = set(answer.split())
            empty, checked = _marks(item.type)
            for choice in item.choices:
                box = checked if choice.name in picked else empty
                label = html.escape(in_language(choice.labels, language) or choice.name)
                parts.append(f"<p style='margin-left:{indent + 24}px'>{box} {label}</p>")
        else:
            written = html.escape(answer).replace("\n", "<br>") if answer else WRITING_LINE
            parts.append(f"<p style='margin-left:{indent + 24}px'>{written}</p>")
            if item.type == "text" and blank:
                parts.append(f"<p style='margin-left:{indent + 24}px'>{WRITING_LINE}</p>")
        if item.type == "text":
            warning = html.escape(words(language, form_words.TEXT_WARNING))
            parts.append(f"<p style='margin-left:{indent + 24}px'><i>{warning}</i></p>")
    return "".join(parts)


def print_blank(definition: FormDefinition, languages: list[str], printer: "QPrinter") -> Printed:
    """The blank form in each of ``languages``, each starting on a new sheet."""
    return print_html(
        [form_html(definition, code, None) for code in languages],
        printer,
        [sample_notice(definition.publisher, code) for code in languages],
    )


def print_response(
    definition: FormDefinition,
    language: str,
    session: FormSession,
    printer: "QPrinter",
    facts: PaperFacts = NO_FACTS,
) -> Printed:
    return print_html(
        [form_html(definition, language, session, facts)],
        printer,
        [sample_notice(definition.publisher, language)],
    )


def _ask_printer(parent: QWidget) -> "QPrinter | None":
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from sop_desktop.paper import default_paper

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(default_paper().size))
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def _said(done: Printed) -> str:
    from sop_desktop.dialogs.print_dialog import printed_sentence

    if not done.sheets:
        return QCoreApplication.translate("FormPrinting", "Nothing was printed.")
    return printed_sentence(done)


def ask_and_print_blank(
    parent: QWidget, definition: FormDefinition, languages: list[str], say: Callable[[str], None]
) -> Printed | None:
    printer = _ask_printer(parent)
    if printer is None:
        return None
    done = print_blank(definition, languages, printer)
    say(_said(done))
    return done


def ask_and_print_response(
    parent: QWidget,
    definition: FormDefinition,
    language: str,
    session: FormSession,
    say: Callable[[str], None],
    facts: PaperFacts = NO_FACTS,
) -> Printed | None:
    printer = _ask_printer(parent)
    if printer is None:
        return None
    done = print_response(definition, language, session, printer, facts)
    say(_said(done))
    return done
