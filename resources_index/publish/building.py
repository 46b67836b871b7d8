"""One catalog resource from one main file: its metadata merged, inferred or warned about,
its text extracted, its captions and thumbnail attached."""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from resources_index.catalog import limits, vocabulary
from resources_index.catalog.language import detect_language
from resources_index.catalog.model import Manifest
from resources_index.catalog.records import FileEntry, Resource
from resources_index.catalog.times import format_time
from resources_index.documents.extract import (
    Extracted,
    ExtractError,
    count_pdf_pages,
    extract,
    extract_captions,
    extract_pdf,
    text_object,
)
from resources_index.errors import PublishError
from resources_index.publish.inference import (
    IMAGE_SUFFIXES,
    caption_language,
    derive_id,
    fold_id,
    guess_type,
    humanize,
    language_hint,
    summary_from,
)
from resources_index.publish.metadata import Metadata
from resources_index.publish.office_package import check_package
from resources_index.publish.renditions import Renderer
from resources_index.publish.source_folder import SourceFolder

#: Documents whose pages exist only once rendered (a word processor lays them out): their
#: text is taken from the rendition page by page, so a hit opens the rendition at its page.
#: A deck's slides are its pages already, and its own text keeps the speaker notes.
PAGED_BY_RENDITION = (".docx", ".odt", ".odp")


@dataclass
class Pending:
    """A resource being built, with the local files its objects come from."""

    resource: Resource
    sources: dict[str, Path | bytes]
    path: str


def build_resource(
    folder: SourceFolder,
    path: Path,
    meta: Metadata,
    attached: list[Path],
    renderer: Renderer | None = None,
) -> Pending:
    rel = folder.rel(path)
    sha, size = folder.hash(path)
    if size > folder.max_file_bytes:
        raise PublishError("publish.too_large", file=rel, size=size, limit=folder.max_file_bytes)
    main = folder.entry("main", path)
    check_package(path)  # a zip bomb is refused before anything inflates it
    rendition = renderer.rendition(path, sha, main.name) if renderer else None
    extracted = extract(path)
    if rendition is not None and path.suffix.lower() in PAGED_BY_RENDITION:
        extracted = _paged(extracted, rendition[1], folder, rel)
    captions = [p for p in attached if p.suffix.lower() == ".vtt"]
    thumbnails = [p for p in attached if p.suffix.lower() in IMAGE_SUFFIXES]
    caption_languages = {c: caption_language(c, path) for c in captions}
    for caption in captions:
        extracted.segments += extract_captions(caption, caption_languages[caption]).segments
    extracted.without(folder.boilerplate)

    written = meta.text("id")
    rid = fold_id(written) if written else derive_id(rel)
    if not limits.ID_PATTERN.fullmatch(rid):
        rid = derive_id(rel)
        folder.warnings.append(
            f"{rel}: the id {written!r} cannot be used (ids are letters, digits, '.', '-' or"
            f" '_'); published as {rid!r}."
        )
    title = meta.text("title") or extracted.title or extracted.heading or humanize(path.stem)
    type_value = meta.text("type")
    rtype = (
        folder.vocab(rel, [type_value], vocabulary.RESOURCE_TYPES, "type")[0]
        if type_value
        else guess_type(path.relative_to(folder.source))
    )
    language_value = meta.text("language")
    if language_value:
        language = vocabulary.match(language_value, vocabulary.LANGUAGES).value
        if not limits.LANGUAGE_PATTERN.fullmatch(language):
            raise PublishError("publish.bad_language", file=rel, value=language_value)
    else:
        language = language_hint(path) or detect_language(extracted.plain_text()) or "en"
    for segment in extracted.segments:
        if segment["kind"] == "cue":
            segment.setdefault("language", language)
    publisher_value = meta.text("publisher")
    publisher = (
        folder.vocab(rel, [publisher_value], vocabulary.PUBLISHERS, "publisher")[0]
        if publisher_value
        else ""
    )
    files = [main]
    sources: dict[str, Path | bytes] = {files[0].sha256: path}
    for caption in captions:
        lang = caption_languages[caption] or language
        files.append(folder.entry("captions", caption, lang))
        sources[files[-1].sha256] = caption
    for thumbnail in thumbnails[:1]:
        files.append(folder.entry("thumbnail", thumbnail))
        sources[files[-1].sha256] = thumbnail
    text = text_object(language, extracted)
    text_sha = hashlib.sha256(text).hexdigest()
    files.append(
        FileEntry(
            "text",
            f"{Path(files[0].name).stem}.text.json",
            text_sha,
            len(text),
            limits.TEXT_MEDIA_TYPE,
        )
    )
    sources[text_sha] = text
    if rendition is not None:  # last, where reading a manifest puts it
        files.append(rendition[0])
        sources[rendition[0].sha256] = rendition[1]
    resource = Resource(
        id=rid,
        title=title[: limits.MAX_TITLE_CHARS],
        summary=(meta.text("summary") or summary_from(extracted, title))[
            : limits.MAX_SUMMARY_CHARS
        ],
        type=rtype,
        language=language,
        files=tuple(files),
        practice_elements=tuple(
            folder.vocab(
                rel,
                meta.items("practice_elements"),
                vocabulary.PRACTICE_ELEMENTS,
                "practice element",
            )
        ),
        audiences=tuple(
            folder.vocab(rel, meta.items("audiences"), vocabulary.AUDIENCES, "audience")
        ),
        translations=tuple(fold_id(t) for t in meta.items("translations")),
        publisher=publisher,
        tags=tuple(dict.fromkeys(t.strip() for t in meta.items("tags"))),
        created=meta.text("created") or "",
        updated=meta.text("updated") or "",
    )
    return Pending(resource, sources, rel)


def pages_shown(item: Pending) -> int | None:
    """How many pages (a deck's rendition: slides) the PDF people see has: the main file's or
    its rendition's; None for a resource not shown page by page, or a PDF that cannot be read."""
    shown = item.resource.shown
    source = item.sources.get(shown.sha256)
    if shown.media_type != limits.PDF_MEDIA_TYPE or not isinstance(source, Path):
        return None
    return count_pdf_pages(source)


def _paged(own: Extracted, rendition: Path, folder: SourceFolder, rel: str) -> Extracted:
    """The document's text page by page from its rendition; its own title and heading."""
    try:
        paged = extract_pdf(rendition)
    except ExtractError as exc:
        folder.warnings.append(f"{rel}: the text of its PDF copy could not be read ({exc}).")
        return own
    return Extracted(own.title or paged.title, own.heading or paged.heading, paged.segments)


def link_translations(pending: list[Pending], warnings: list[str]) -> list[Resource]:
    """Keep translation links that point at published resources, and make them mutual."""
    ids = {p.resource.id for p in pending}
    links: dict[str, set[str]] = {rid: set() for rid in ids}
    for item in pending:
        for other in item.resource.translations:
            if other not in ids:
                warnings.append(f"{item.path}: translation {other!r} is not published; ignored.")
            elif other != item.resource.id:
                links[item.resource.id].add(other)
                links[other].add(item.resource.id)
    resources = []
    for item in pending:
        translations = tuple(sorted(links[item.resource.id]))
        resources.append(item.resource._replace(translations=translations))
    return resources


def stamp_dates(
    resources: list[Resource], previous: Manifest | None, now: datetime
) -> list[Resource]:
    """Give each resource the date it first appeared and the date its content last changed
    (``now`` when that is this publish)."""
    today = format_time(now)[:10]
    old = previous.by_id if previous else {}
    stamped = []
    for resource in resources:
        before = old.get(resource.id)
        unchanged = before is not None and before._replace(
            created="", updated=""
        ) == resource._replace(created="", updated="")
        created = resource.created or (before.created if before else "") or today
        updated = resource.updated or (before.updated if unchanged and before else "") or today
        stamped.append(resource._replace(created=created, updated=updated))
    return stamped
