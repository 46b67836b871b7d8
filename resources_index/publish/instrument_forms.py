"""Instruments from ``SOURCE/instruments/``: each XLSForm spreadsheet (``NAME.xlsx``, with its
sidecar ``NAME.yaml`` beside it) converted by ``instruments.conversion`` into a definition the
catalog carries as an object (docs/catalog-format.md).

A form that cannot be converted, a form id used twice, or a sidecar naming a resource the
catalog being published lacks is a sentence among the errors (the form is left out and the
publish counts it as a file to fix); pyxform's warnings are warnings.
"""

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from resources_index.catalog import limits
from resources_index.catalog.model import InstrumentEntry
from resources_index.catalog.records import FileEntry
from resources_index.errors import InstrumentError
from resources_index.instruments import conversion, definition
from resources_index.instruments.definition import FormDefinition

INSTRUMENTS_DIR = "instruments"  # SOURCE/instruments/*.xlsx (+ *.yaml): instruments
FORM_SUFFIX = ".xlsx"
SIDECAR_SUFFIXES = (".yaml", ".yml")


@dataclass
class FoundInstruments:
    """The instruments of a source folder, and the bytes of each definition by SHA-256."""

    entries: list[InstrumentEntry] = field(default_factory=list)
    objects: dict[str, bytes] = field(default_factory=dict)


def is_instrument_file(rel: Path) -> bool:
    """Whether a path of the source folder (relative) is an instrument's form or sidecar, kept
    out of resource handling (a ``.yaml`` beside a file is otherwise a resource's metadata)."""
    return rel.parts[0] == INSTRUMENTS_DIR and rel.suffix.lower() in (
        FORM_SUFFIX,
        *SIDECAR_SUFFIXES,
    )


def read_instruments(
    source: Path, resource_ids: Collection[str], warnings: list[str], errors: list[str]
) -> FoundInstruments:
    """Every form under ``source/instruments``, converted and checked, in name order."""
    found = FoundInstruments()
    folder = source / INSTRUMENTS_DIR
    if not folder.is_dir():
        return found
    used: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(source)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        where = rel.as_posix()
        if path.suffix.lower() in SIDECAR_SUFFIXES:
            if path.suffix != ".yaml":
                warnings.append(f"{where}: a form's sidecar is read as {path.stem}.yaml; skipped.")
            elif not path.with_suffix(FORM_SUFFIX).is_file():
                warnings.append(f"{where}: a sidecar with no form ({path.stem}.xlsx); skipped.")
            continue
        if path.suffix.lower() != FORM_SUFFIX:
            continue  # resources in the folder are published as resources
        if not path.resolve().is_relative_to(source):
            errors.append(f"{where}: a link to a file outside {source}; skipped.")
            continue
        try:
            form = conversion.convert_form(path, warnings)
        except InstrumentError as error:
            errors.append(_located(str(error), path.name, where))
            continue
        problem = _problem(form, used, resource_ids)
        if problem:
            errors.append(f"{where}: {problem}; skipped.")
            continue
        used[form.id] = where
        data = definition.to_bytes(form)
        sha = hashlib.sha256(data).hexdigest()
        entry = FileEntry(
            "instrument", f"{form.id}.json", sha, len(data), limits.INSTRUMENT_MEDIA_TYPE
        )
        found.entries.append(InstrumentEntry(form.id, form.version, entry))
        found.objects[sha] = data
    found.entries.sort(key=lambda e: e.id)
    return found


def changed_without_new_version(
    before: Sequence[InstrumentEntry], now: Sequence[InstrumentEntry]
) -> list[str]:
    """The forms whose definition changed since the previous catalog while their version did
    not: responses are filed under a form's id and version, so answers to two different forms
    would be taken for answers to one (exported, summed and compared together)."""
    old = {(e.id, e.version): e.file.sha256 for e in before}
    return [
        f"instruments: the form {e.id!r} changed but kept its version {e.version!r}; give it a"
        " new version so its responses are not mixed with those to the form before."
        for e in now
        if old.get((e.id, e.version), e.file.sha256) != e.file.sha256
    ]


def _problem(form: FormDefinition, used: dict[str, str], resource_ids: Collection[str]) -> str:
    """Why a converted form cannot be published in this catalog ('' when it can)."""
    if not limits.ID_PATTERN.fullmatch(form.id):
        return (
            f"the form id {form.id[:140]!r} is not usable in a catalog (lowercase letters,"
            " digits, '.', '_' and '-', starting with a letter or digit)"
        )
    if form.id in used:
        return f"the form id {form.id!r} is already used by {used[form.id]}"
    if len(form.version) > limits.MAX_VALUE_CHARS:
        return f"the form's version is longer than {limits.MAX_VALUE_CHARS} characters"
    named = [*form.resources, *(r for item, _ in form.walk() for r in item.resources)]
    missing = [r for r in dict.fromkeys(named) if r not in resource_ids]
    if missing:
        return (
            f"its sidecar names {len(missing)} resource(s) this catalog does not carry"
            f" ({', '.join(repr(m[:140]) for m in missing[:5])})"
        )
    return ""


def _located(sentence: str, name: str, where: str) -> str:
    """The converter's sentence, which names the file alone, naming it from the source folder."""
    return where + sentence[len(name) :] if sentence.startswith(name) else f"{where}: {sentence}"
