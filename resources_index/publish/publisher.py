"""``sop-resources publish``: turn a folder of resources into a signed, static catalog.

Publishing is incremental and safe to interrupt: it compares the new content with the catalog
already in OUT and writes nothing when nothing changed; otherwise it builds the new catalog in a
folder beside OUT (hard-linking every object OUT already has) and swaps it in at the end.
"""

import dataclasses
import hashlib
import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from resources_index.catalog import limits, vocabulary
from resources_index.catalog.language import detect_language
from resources_index.catalog.model import (
    CuratedKit,
    FileEntry,
    KitItem,
    Manifest,
    Resource,
    format_time,
    is_timed,
    parse_start,
    utc_now,
)
from resources_index.catalog.signing import (
    load_private_key,
    open_envelope,
    parse_public_key,
    public_pem,
    seal,
)
from resources_index.errors import CatalogError, PublishError, ResourcesError
from resources_index.library.library import CATALOG_FILE
from resources_index.library.store import ObjectStore, object_relpath
from resources_index.publish.extract import Extracted, extract, extract_captions, text_object
from resources_index.publish.metadata import (
    CSV_NAME,
    SIDECAR_SUFFIX,
    Metadata,
    read_csv,
    read_sidecar,
)
from resources_index.util.fsutil import fsync_dir, remove_tree, sha256_file

VIDEO_SUFFIXES = {".mp4", ".m4v", ".webm", ".mp3", ".m4a"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp"}
DEFAULT_EXPIRY_DAYS = 365

_TYPE_HINTS = [
    ("tip_sheet", ("tip sheet", "tip-sheet", "tipsheet", "tip_sheet")),
    ("coaching_guide", ("coaching guide", "coaching-guide", "coaching_guide")),
    ("practice_guide", ("practice guide", "practice-guide", "guide")),
    ("practice_brief", ("brief",)),
    ("curriculum_module", ("module", "curriculum")),
    ("toolkit", ("toolkit",)),
    ("worksheet", ("worksheet",)),
    ("handout", ("handout",)),
]


@dataclass
class PublishReport:
    """What a publish did, and every file it skipped or warned about, in plain sentences."""

    out: Path
    version: int
    changed: bool
    resources: int = 0
    objects_written: int = 0
    objects_reused: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not self.changed:
            return f"Nothing changed: {self.out} stays at version {self.version}."
        return (
            f"Published version {self.version} to {self.out}: {self.resources} resources,"
            f" {self.objects_written} new files, {self.objects_reused} reused."
        )


@dataclass
class _Pending:
    """A resource being built, with the local files its objects come from."""

    resource: Resource
    sources: dict[str, Path | bytes]
    path: str


def next_version(previous: int, now: datetime) -> int:
    """The version a publish gets: the publish time as a number (``20261201192023`` for
    2026-12-01 19:20:23 UTC, as DNS serials are made), or one more than the previous version
    when that is higher (several publishes within a second). A publish into an empty folder (a
    new server, a lost folder) therefore still lands above every version laptops may hold."""
    return max(previous + 1, int(now.astimezone(UTC).strftime("%Y%m%d%H%M%S")))


def fold_id(written: str) -> str:
    """An id as a publisher's spreadsheet has it (``R07``, `` r07 ``) in the catalog's form:
    lower case, no surrounding spaces. The signed format itself stays strict."""
    return written.strip().lower()


def _derive_id(relative: str) -> str:
    stem = re.sub(r"\.[^./]+$", "", relative)
    slug = vocabulary.normalize_key(stem.replace("/", "-")).replace("_", "-")
    return slug[:128].strip("-.") or "resource"


def _humanize(stem: str) -> str:
    words = re.sub(r"[_\-.]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else stem


def _guess_type(path: Path) -> str:
    if path.suffix.lower() in VIDEO_SUFFIXES:
        return "video"
    hay = path.as_posix().lower()
    for rtype, hints in _TYPE_HINTS:
        if any(hint in hay for hint in hints):
            return rtype
    return "curriculum_module" if path.suffix.lower() == ".pptx" else "other"


def _language_hint(path: Path) -> str | None:
    match = re.search(r"[._-](en|es)$", path.stem.lower())
    return match.group(1) if match else None


def _caption_language(caption: Path, video: Path) -> str | None:
    """``talk.es.vtt`` beside ``talk.mp4`` is Spanish; ``talk.vtt`` is in the video's language."""
    if caption.stem.lower() == video.stem.lower():
        return None
    lang = caption.stem.rsplit(".", 1)[-1].lower()
    return lang if limits.LANGUAGE_PATTERN.fullmatch(lang) else None


def _summary_from(extracted: Extracted, title: str) -> str:
    for segment in extracted.segments:
        for paragraph in re.split(r"\n\s*\n|\n", str(segment["text"])):
            paragraph = paragraph.strip()
            if len(paragraph) > 60 and paragraph != title:
                if len(paragraph) <= 300:
                    return paragraph
                return paragraph[:297].rsplit(" ", 1)[0] + "…"
    return ""


KITS_DIR = "kits"  # SOURCE/kits/*.yaml: curated session kits


class _Publisher:
    def __init__(self, source: Path, max_file_bytes: int) -> None:
        self.source = source
        self.max_file_bytes = max_file_bytes
        self.warnings: list[str] = []
        self.errors: list[str] = []
        self.hashes: dict[Path, tuple[str, int]] = {}

    def hash(self, path: Path) -> tuple[str, int]:
        if path not in self.hashes:
            self.hashes[path] = sha256_file(path)
        return self.hashes[path]

    def entry(self, role: str, path: Path, language: str | None = None) -> FileEntry:
        sha, size = self.hash(path)
        media_type = limits.MEDIA_TYPES[path.suffix.lower()]
        return FileEntry(role, self.published_name(path), sha, size, media_type, language)

    def published_name(self, path: Path) -> str:
        """The name laptops see: the file's own, or one they can store, with a warning (the
        client's own rule decides, so a catalog is never refused for a name)."""
        name = limits.safe_name(path.name)
        if name is None:
            raise PublishError(
                f"{self.rel(path)}: no usable file name can be made from {path.name!r}; skipped."
            )
        if name != path.name:
            self.warnings.append(
                f"{self.rel(path)}: laptops cannot store a file named {path.name!r}"
                f" ({limits.unsafe_name_reason(path.name)}); published as {name!r}."
            )
        return name

    def vocab(self, rel: str, values: list[str], vocab: dict[str, str], what: str) -> list[str]:
        result = []
        for value in values:
            matched = vocabulary.match(value, vocab)
            if not matched.known:
                self.warnings.append(f"{rel}: {what} {value!r} is not in the known list; kept.")
            if matched.value not in result:
                result.append(matched.value)
        return result

    def scan(self) -> tuple[list[Path], dict[Path, Metadata]]:
        """Main files in a stable order, and the spreadsheet's metadata by file."""
        meta: dict[Path, Metadata] = {}
        csv_path = self.source / CSV_NAME
        if csv_path.exists():
            rows, warnings = read_csv(csv_path)
            self.warnings += warnings
            for name, row in rows.items():
                path = self.source / name
                if not path.resolve().is_relative_to(self.source) or not path.is_file():
                    self.errors.append(f"{CSV_NAME}: {name} is listed but there is no such file.")
                    continue
                meta[path] = row
        files = []
        for path in sorted(self.source.rglob("*")):
            rel = path.relative_to(self.source)
            if any(part.startswith(".") for part in rel.parts) or not path.is_file():
                continue
            if not path.resolve().is_relative_to(self.source):
                self.errors.append(
                    f"{rel.as_posix()}: a link to a file outside {self.source}; publishing never"
                    " reads outside its folder, so it was skipped."
                )
                continue
            if path.name.endswith(SIDECAR_SUFFIX) or path == csv_path:
                continue
            if rel.parts[0] == KITS_DIR and path.suffix.lower() in (".yaml", ".yml"):
                continue  # curated kits, read by kits()
            files.append(path)
        return files, meta

    def kits(self, resources: dict[str, Resource]) -> list[CuratedKit]:
        """Curated session kits from ``SOURCE/kits/*.yaml``: an id, a name, a description and
        items (a resource id, a note and where it opens: ``start: 5`` for a page, ``start:
        "3:20"`` for a video). A kit naming an unknown resource, or a start that is neither, is
        skipped."""
        resource_ids = set(resources)
        folder = self.source / KITS_DIR
        kits: list[CuratedKit] = []
        if not folder.is_dir():
            return kits
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            rel = self.rel(path)
            try:
                raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                self.errors.append(f"{rel}: cannot be read ({exc}); kit skipped.")
                continue
            if not isinstance(raw, dict) or not isinstance(raw.get("items"), list):
                self.errors.append(f"{rel}: a kit needs a name and a list of items; skipped.")
                continue
            kid = str(raw.get("id") or path.stem).strip().lower()
            items: list[KitItem] = []
            unknown: list[KitItem] = []
            bad_starts: list[str] = []
            for entry in raw["items"]:
                rid = fold_id(str(entry.get("id", "")) if isinstance(entry, dict) else str(entry))
                note = str(entry.get("note", "") or "") if isinstance(entry, dict) else ""
                written = entry.get("start", "") if isinstance(entry, dict) else ""
                try:
                    # YAML reads an unquoted 3:20 as 200 (base 60): seconds, as meant.
                    timed = rid in resources and is_timed(resources[rid])
                    start = parse_start(str(written if written is not None else ""), timed)
                except ValueError:
                    bad_starts.append(f"{rid}: {written!r}")
                    start = 0
                item = KitItem(rid, note.strip(), start)
                (items if rid in resource_ids else unknown).append(item)
            if bad_starts:
                self.errors.append(
                    f"{rel}: a start must be a page number for a document or a time such as"
                    f" 3:20 for a video ({', '.join(bad_starts)}); skipped."
                )
                continue
            if unknown:
                names = ", ".join(repr(i.resource_id) for i in unknown)
                self.errors.append(f"{rel}: names resources this catalog lacks ({names}); skipped.")
                continue
            if not limits.ID_PATTERN.fullmatch(kid) or not items:
                self.errors.append(f"{rel}: needs a valid id and at least one item; skipped.")
                continue
            kits.append(
                CuratedKit(
                    kid,
                    str(raw.get("name") or kid).strip(),
                    tuple(items),
                    str(raw.get("description", "") or "").strip(),
                )
            )
        return kits

    def attachments(self, files: list[Path]) -> tuple[list[Path], dict[Path, list[Path]]]:
        """Split files into main files and their captions and thumbnails (same name stem)."""
        by_stem: dict[tuple[Path, str], Path] = {}
        for path in files:
            if path.suffix.lower() not in {".vtt", *IMAGE_SUFFIXES}:
                by_stem.setdefault((path.parent, path.stem.lower()), path)
        mains: list[Path] = []
        attached: dict[Path, list[Path]] = {}
        for path in files:
            suffix = path.suffix.lower()
            if suffix not in limits.MEDIA_TYPES:
                self.warnings.append(
                    f"{self.rel(path)}: not a kind of file catalogs carry; skipped."
                )
                continue
            if suffix == ".vtt" or suffix in IMAGE_SUFFIXES:
                stem = path.stem.lower()
                owner = by_stem.get((path.parent, stem))
                if owner is None and suffix == ".vtt" and "." in stem:
                    owner = by_stem.get((path.parent, stem.rsplit(".", 1)[0]))
                if owner is not None:
                    attached.setdefault(owner, []).append(path)
                    continue
                if suffix == ".vtt":
                    self.warnings.append(
                        f"{self.rel(path)}: captions with no video beside; skipped."
                    )
                    continue
            mains.append(path)
        return mains, attached

    def rel(self, path: Path) -> str:
        return path.relative_to(self.source).as_posix()

    def build(self, path: Path, meta: Metadata, attached: list[Path]) -> _Pending:
        rel = self.rel(path)
        _, size = self.hash(path)
        if size > self.max_file_bytes:
            raise PublishError(
                f"{rel}: {size:,} bytes is over the limit of {self.max_file_bytes:,}; skipped."
            )
        extracted = extract(path)
        captions = [p for p in attached if p.suffix.lower() == ".vtt"]
        thumbnails = [p for p in attached if p.suffix.lower() in IMAGE_SUFFIXES]
        caption_languages = {c: _caption_language(c, path) for c in captions}
        for caption in captions:
            extracted.segments += extract_captions(caption, caption_languages[caption]).segments

        written = meta.text("id")
        rid = fold_id(written) if written else _derive_id(rel)
        if not limits.ID_PATTERN.fullmatch(rid):
            rid = _derive_id(rel)
            self.warnings.append(
                f"{rel}: the id {written!r} cannot be used (ids are letters, digits, '.', '-' or"
                f" '_'); published as {rid!r}."
            )
        title = meta.text("title") or extracted.title or extracted.heading or _humanize(path.stem)
        type_value = meta.text("type")
        rtype = (
            self.vocab(rel, [type_value], vocabulary.RESOURCE_TYPES, "type")[0]
            if type_value
            else _guess_type(path.relative_to(self.source))
        )
        language_value = meta.text("language")
        if language_value:
            language = vocabulary.match(language_value, vocabulary.LANGUAGES).value
            if not limits.LANGUAGE_PATTERN.fullmatch(language):
                raise PublishError(
                    f"{rel}: {language_value!r} is not a language code like en or es."
                )
        else:
            language = _language_hint(path) or detect_language(extracted.plain_text()) or "en"
        for segment in extracted.segments:
            if segment["kind"] == "cue":
                segment.setdefault("language", language)
        publisher_value = meta.text("publisher")
        publisher = (
            self.vocab(rel, [publisher_value], vocabulary.PUBLISHERS, "publisher")[0]
            if publisher_value
            else ""
        )
        files = [self.entry("main", path)]
        sources: dict[str, Path | bytes] = {files[0].sha256: path}
        for caption in captions:
            lang = caption_languages[caption] or language
            files.append(self.entry("captions", caption, lang))
            sources[files[-1].sha256] = caption
        for thumbnail in thumbnails[:1]:
            files.append(self.entry("thumbnail", thumbnail))
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
        resource = Resource(
            id=rid,
            title=title[: limits.MAX_TITLE_CHARS],
            summary=(meta.text("summary") or _summary_from(extracted, title))[
                : limits.MAX_SUMMARY_CHARS
            ],
            type=rtype,
            language=language,
            files=tuple(files),
            practice_elements=tuple(
                self.vocab(
                    rel,
                    meta.items("practice_elements"),
                    vocabulary.PRACTICE_ELEMENTS,
                    "practice element",
                )
            ),
            audiences=tuple(
                self.vocab(rel, meta.items("audiences"), vocabulary.AUDIENCES, "audience")
            ),
            translations=tuple(fold_id(t) for t in meta.items("translations")),
            publisher=publisher,
            tags=tuple(dict.fromkeys(t.strip() for t in meta.items("tags"))),
            created=meta.text("created") or "",
            updated=meta.text("updated") or "",
        )
        return _Pending(resource, sources, rel)


def _link_translations(pending: list[_Pending], warnings: list[str]) -> list[Resource]:
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


def _read_previous(out: Path, public: bytes) -> Manifest | None:
    envelope_path = out / CATALOG_FILE
    if not envelope_path.exists():
        return None
    key = parse_public_key(public, "the publishing key")
    envelope = envelope_path.read_bytes()
    try:
        manifest_bytes, _ = open_envelope(envelope, {key.key_id: key})
    except CatalogError as exc:
        raise PublishError(
            f"{envelope_path} is not a catalog signed with this key ({exc}) Publish to an empty"
            " folder, or use the key that made it."
        ) from None
    return Manifest.from_bytes(manifest_bytes)


def _stamp_dates(resources: list[Resource], previous: Manifest | None) -> list[Resource]:
    """Give each resource the date it first appeared and the date its content last changed."""
    today = format_time(utc_now())[:10]
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


def publish(
    source: Path,
    out: Path,
    key_path: Path,
    catalog_id: str = "sop-catalog",
    expires_days: int = DEFAULT_EXPIRY_DAYS,
    max_file_bytes: int = limits.MAX_OBJECT_BYTES,
    progress: Callable[[str], None] | None = None,
    search_index: bool = True,
) -> PublishReport:
    """Publish ``source`` into ``out``, signed with the private key at ``key_path``."""
    source, out = source.resolve(), out.resolve()
    if not source.is_dir():
        raise PublishError(f"{source} is not a folder.")
    if out == source or out.is_relative_to(source) or source.is_relative_to(out):
        raise PublishError(
            "The output folder must be outside the source folder, and not contain it."
        )
    if key_path.resolve().is_relative_to(out):
        raise PublishError("The private key must not be inside the output folder.")
    if not limits.ID_PATTERN.fullmatch(catalog_id):
        raise PublishError(f"The catalog id {catalog_id!r} must be lower-case letters and digits.")
    private_key = load_private_key(key_path)
    staging = out.with_name(f".{out.name}.publishing")
    previous_dir = out.with_name(f".{out.name}.previous")
    if not out.exists() and previous_dir.exists():
        previous_dir.rename(out)  # a swap was interrupted between its two renames
    remove_tree(staging)
    remove_tree(previous_dir)

    publisher = _Publisher(source, min(max_file_bytes, limits.MAX_OBJECT_BYTES))
    previous = _read_previous(out, public_pem(private_key.public_key()))
    files, csv_meta = publisher.scan()
    mains, attached = publisher.attachments(files)
    pending: list[_Pending] = []
    seen: dict[str, str] = {}
    for path in mains:
        rel = publisher.rel(path)
        if progress:
            progress(rel)
        try:
            meta = csv_meta.get(path, Metadata())
            sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
            if sidecar.exists():
                side, warnings = read_sidecar(sidecar)
                publisher.warnings += warnings
                meta = meta.merged(side)
            item = publisher.build(path, meta, attached.get(path, []))
        except ResourcesError as exc:
            publisher.errors.append(str(exc) if rel in str(exc) else f"{rel}: {exc}")
            continue
        if item.resource.id in seen:
            publisher.errors.append(
                f"{rel}: the id {item.resource.id!r} is already used by {seen[item.resource.id]};"
                " skipped."
            )
            continue
        seen[item.resource.id] = rel
        pending.append(item)

    resources = sorted(
        _stamp_dates(_link_translations(pending, publisher.warnings), previous),
        key=lambda r: r.id,
    )
    kits = tuple(publisher.kits({r.id: r for r in resources}))
    report = PublishReport(out, previous.version if previous else 0, False, len(resources))
    report.warnings, report.errors = publisher.warnings, publisher.errors
    if (
        previous is not None
        and previous.catalog_id == catalog_id
        and previous.resources == tuple(resources)
        and previous.kits == kits
        and _index_current(previous, search_index)
    ):
        return report
    now = utc_now()
    manifest = Manifest(
        catalog_id=catalog_id,
        version=next_version(previous.version if previous else 0, now),
        created=now,
        expires=now + timedelta(days=expires_days),
        resources=tuple(resources),
        kits=kits,
    )
    sources: dict[str, Path | bytes] = {}
    for item in pending:
        sources.update(item.sources)
    scratch = out.with_name(f".{out.name}.index")
    remove_tree(scratch)
    try:
        if search_index:
            manifest = _with_search_index(manifest, sources, scratch)
        _check_as_laptops_will(manifest)
        _stage(staging, out, manifest, sources, report)
    finally:
        remove_tree(scratch)
    (staging / CATALOG_FILE).write_bytes(seal(manifest.to_bytes(), private_key))
    _later_than_before(staging / CATALOG_FILE, out / CATALOG_FILE)
    _fsync_tree(staging)
    if out.exists():
        out.rename(previous_dir)
    staging.rename(out)
    fsync_dir(out.parent)
    remove_tree(previous_dir)
    report.version, report.changed = manifest.version, True
    return report


def _later_than_before(new: Path, old: Path) -> None:
    """Date the new catalog.json at least a second after the one it replaces. Web servers
    make validators from the modification time in whole seconds and the size (nginx's ETag,
    Last-Modified): two versions published within one second, of equal size, would look
    unchanged, and laptops would be told 304 Not Modified."""
    try:
        before = int(old.stat().st_mtime)
    except FileNotFoundError:
        return
    moment = max(time.time(), before + 1.0)
    os.utime(new, (moment, moment))


def _check_as_laptops_will(manifest: Manifest) -> None:
    """Parse the manifest with the very checks every laptop applies: a catalog they would
    refuse is never written."""
    try:
        Manifest.from_bytes(manifest.to_bytes())
    except CatalogError as exc:
        raise PublishError(
            f"Nothing was published: laptops would refuse this catalog ({exc})"
        ) from None


def _index_current(previous: Manifest, wanted: bool) -> bool:
    """Whether the previous catalog's shipped index (or its absence) is still what is wanted."""
    if not wanted:
        return previous.search_index is None
    from resources_index.search.schema import SCHEMA_VERSION

    return previous.search_index is not None and previous.search_index_schema == SCHEMA_VERSION


def _with_search_index(
    manifest: Manifest, sources: dict[str, Path | bytes], scratch: Path
) -> Manifest:
    """Build the catalog's search index now, so laptops adopt it instead of indexing."""
    from resources_index.search.archive import pack
    from resources_index.search.index import build_index
    from resources_index.search.schema import SCHEMA_VERSION

    def load_text(resource: Resource) -> list[dict[str, Any]]:
        entry = resource.file("text")
        data = sources.get(entry.sha256) if entry else None
        return json.loads(data)["segments"] if isinstance(data, bytes) else []

    build_index(manifest, load_text, scratch / "index")
    archive = scratch / "search-index.tar"
    pack(scratch / "index", archive)
    sha, size = sha256_file(archive)
    entry = FileEntry("index", archive.name, sha, size, limits.INDEX_MEDIA_TYPE)
    sources[sha] = archive
    return dataclasses.replace(
        manifest, search_index=entry, search_index_schema=SCHEMA_VERSION, by_id={}
    )


def _stage(
    staging: Path,
    out: Path,
    manifest: Manifest,
    sources: dict[str, Path | bytes],
    report: PublishReport,
) -> None:
    store = ObjectStore(staging)
    staging.mkdir(parents=True)
    for entry in manifest.objects():
        existing = out / object_relpath(entry.sha256)
        target = store.path(entry.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if existing.is_file() and existing.stat().st_size == entry.size:
            try:
                os.link(existing, target)
            except OSError:
                shutil.copy2(existing, target)
            report.objects_reused += 1
            continue
        origin = sources[entry.sha256]
        if isinstance(origin, bytes):
            target.write_bytes(origin)
        else:
            with origin.open("rb") as handle:
                try:
                    store.add_stream(handle, entry.sha256, entry.size, entry.name)
                except ResourcesError:
                    raise PublishError(
                        f"{origin} changed while it was being published; publish again."
                    ) from None
        report.objects_written += 1
    remove_tree(store.tmp_dir)


def _fsync_tree(root: Path) -> None:
    for folder, _, names in os.walk(root):
        for name in names:
            fd = os.open(Path(folder) / name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(folder))
