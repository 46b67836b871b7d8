import json
import subprocess
import sys
from pathlib import Path

import pytest

from resources_index.catalog.signing import load_public_key
from resources_index.errors import PublishError
from resources_index.library.library import Library
from resources_index.publish.publisher import publish
from tests.helpers.documents import make_pdf
from tests.helpers.kills import kill_when
from tests.helpers.manifests import read_manifest
from tests.helpers.trees import snapshot


def test_publish_derives_what_the_publisher_left_out(
    published: Path, keys: tuple[Path, Path]
) -> None:
    manifest = read_manifest(published, keys[1])
    ids = sorted(manifest.by_id)
    assert ids == [
        "glossary",
        "intro-video",
        "modules-overview",
        "three-houses",
        "toolkits-partners",
        "tres-casas",
        "worksheets-danger-statements",
    ]
    houses = manifest.by_id["three-houses"]
    assert houses.title == "Three Houses tip sheet"  # from the PDF's own metadata
    assert houses.type == "tip_sheet" and houses.publisher == "northern_academy"
    assert houses.practice_elements == ("three_houses", "engagement")
    assert houses.audiences == ("caseworker",)
    assert houses.translations == ("tres-casas",)
    casas = manifest.by_id["tres-casas"]
    assert casas.language == "es"  # detected from the text
    assert casas.translations == ("three-houses",)  # links are made mutual
    assert casas.title.startswith("Las Tres Casas")  # from its first line
    assert manifest.by_id["worksheets-danger-statements"].title == "Danger statements worksheet"
    assert manifest.by_id["worksheets-danger-statements"].type == "worksheet"
    assert manifest.by_id["modules-overview"].type == "curriculum_module"
    assert manifest.by_id["toolkits-partners"].title == "Partner toolkit"
    assert manifest.by_id["glossary"].title == "Glossary"
    video = manifest.by_id["intro-video"]
    assert video.type == "video" and video.publisher == "calswec"
    assert sorted((f.name, f.language) for f in video.captions()) == [
        ("intro.en.vtt", "en"),
        ("intro.es.vtt", "es"),
    ]
    text = json.loads(
        (
            published
            / "objects"
            / video.file("text").sha256[:2]  # type: ignore[union-attr]
            / video.file("text").sha256
        ).read_bytes()
    )  # type: ignore[union-attr]
    cues = [s for s in text["segments"] if s["kind"] == "cue"]
    assert {(c["language"], c["start_ms"]) for c in cues} == {("en", 1000), ("es", 1000)}
    assert houses.created and houses.updated
    assert not list(published.parent.glob(".published.*"))


def test_republishing_unchanged_folder_keeps_version_and_every_object(
    source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    before = snapshot(published)
    version = read_manifest(published, keys[1]).version
    inodes = {p: p.stat().st_ino for p in published.rglob("*") if p.is_file()}
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert not report.changed and report.version == version
    assert snapshot(published) == before
    assert {p: p.stat().st_ino for p in published.rglob("*") if p.is_file()} == inodes


def test_republishing_after_a_change_raises_version_and_reuses_objects(
    source: Path, published: Path, keys: tuple[Path, Path]
) -> None:
    old = read_manifest(published, keys[1])
    (source / "glossary.md").write_text("# Glossary\n\nA changed definition.\n")
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert report.changed and report.version > old.version
    new = read_manifest(published, keys[1])
    fresh = {e.sha256 for e in new.objects()} - {e.sha256 for e in old.objects()}
    assert len(fresh) == 3  # the new Markdown file, its text object, the new search index
    assert report.objects_written == 3
    assert report.objects_reused == len(list(old.objects())) - 3
    assert new.by_id["three-houses"] == old.by_id["three-houses"]
    assert new.by_id["glossary"] != old.by_id["glossary"]
    assert len(list((published / "objects").glob("*/*"))) == len(list(new.objects()))


def test_bad_files_are_named_and_the_rest_still_publishes(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    make_pdf(source / "locked.pdf", ["secret"], password="pw")
    (source / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (source / "notes.md").write_text("# Notes\n\nText.\n")
    (source / "notes.md.meta.yaml").write_text("title: [unclosed\n")
    (source / "dup.md").write_text("# Dup\n")
    (source / "dup.md.meta.yaml").write_text("id: glossary\n")
    (source / "odd.md").write_text("# Odd\n")
    (source / "odd.md.meta.yaml").write_text("type: Podcast\npractice_elements: [Family Finding]\n")
    (source / "big.txt").write_text("x" * 600_000)
    with (source / "catalog.csv").open("a") as handle:
        handle.write("missing/file.pdf,missing,,,,,,\n")
    report = publish(source, tmp_path / "out", keys[0], max_file_bytes=500_000)
    errors = "\n".join(report.errors)
    assert "locked.pdf is password-protected" in errors
    assert "broken.pdf is damaged or is not a PDF" in errors
    assert "notes.md.meta.yaml: the YAML is broken at line 2" in errors
    assert "glossary.md: the id 'glossary' is already used by dup.md; skipped" in errors
    assert "missing/file.pdf is listed but there is no such file" in errors
    assert "big.txt: 600,000 bytes is over the limit of 500,000" in errors
    assert len(report.errors) == 6
    warnings = "\n".join(report.warnings)
    assert "type 'Podcast' is not in the known list; kept" in warnings
    assert "practice element 'Family Finding' is not in the known list; kept" in warnings
    manifest = read_manifest(tmp_path / "out", keys[1])
    assert manifest.by_id["odd"].type == "podcast"
    assert manifest.by_id["odd"].practice_elements == ("family_finding",)
    assert "three-houses" in manifest.by_id and "locked" not in manifest.by_id


def test_output_inside_source_and_key_inside_output_are_refused(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    with pytest.raises(PublishError, match="outside the source"):
        publish(source, source / "out", keys[0])
    out = tmp_path / "out"
    out.mkdir()
    key_inside = out / "catalog.key"
    key_inside.write_bytes(keys[0].read_bytes())
    with pytest.raises(PublishError, match="must not be inside the output"):
        publish(source, out, key_inside)


def test_publishing_over_another_keys_catalog_is_refused(
    source: Path, published: Path, other_keys: tuple[Path, Path]
) -> None:
    with pytest.raises(PublishError, match="not a catalog signed with this key"):
        publish(source, published, other_keys[0], catalog_id="test-catalog")


def test_swap_interrupted_between_renames_is_recovered(
    source: Path, published: Path, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    before = snapshot(published)
    published.rename(published.with_name(".published.previous"))
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert not report.changed
    assert snapshot(published) == before


@pytest.mark.slow
def test_publish_killed_midway_leaves_out_as_it_was(
    source: Path, published: Path, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    before = snapshot(published)
    with (source / "large.mp4").open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)
    staging = published.with_name(".published.publishing")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "resources_index.cli",
            "publish",
            str(source),
            str(published),
            "--key",
            str(keys[0]),
            "--catalog-id",
            "test-catalog",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert kill_when(process, staging.exists, timeout=60), "publish ended before staging"
    assert snapshot(published) == before
    library = Library(tmp_path / "lib")
    library.import_bundle(published, [load_public_key(keys[1])])
    assert library.verify() == []
    (source / "large.mp4").unlink()
    report = publish(source, published, keys[0], catalog_id="test-catalog")
    assert not report.changed and not staging.exists()


def test_a_zip_bomb_is_refused_from_its_declared_sizes_before_anything_inflates(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    import tracemalloc
    import zipfile

    from resources_index.publish import office_package

    bomb = source / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"<w:p/>" * (1024 * 1024 // 6)
            for _ in range(office_package.MAX_XML_PART_BYTES // len(block) + 2):
                part.write(block)
    assert bomb.stat().st_size < 2 * 1024 * 1024  # small outside, over the bound inside
    tracemalloc.start()
    try:
        report = publish(source, tmp_path / "out", keys[0], renditions=False)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [e for e in report.errors if "bomb.docx" in e] == [
        "bomb.docx is not read: a part of it unpacks to"
        f" {(office_package.MAX_XML_PART_BYTES // len(block) + 2) * len(block):,} bytes; at most"
        f" {office_package.MAX_XML_PART_BYTES:,} are read. It may be damaged or made to exhaust"
        " memory; publish a copy saved again from its program."
    ]
    print(f"peak of Python's memory while publishing beside a bomb: {peak / 2**20:.1f} MB")
    assert peak < 64 * 1024 * 1024
    assert "three-houses" in read_manifest(tmp_path / "out", keys[1]).by_id


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("x:y", "it contains ':', a character that is not allowed in file names"),
        ("c:", "it names a Windows drive"),
        ("C:/x", "it is an absolute path"),
        ("/etc/passwd", "it is an absolute path"),
    ],
)
def test_a_name_is_refused_for_what_it_is(name: str, reason: str) -> None:
    from resources_index.catalog.limits import unsafe_name_reason

    assert unsafe_name_reason(name) == reason


def test_names_in_publishing_s_warnings_reach_the_terminal_on_one_line_uncoloured(
    tmp_path: Path, source: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from resources_index.cli.main import main

    (source / "odd\n\x1b[31mred\u202e.xlsx").write_bytes(b"PK")  # not published: a warning
    (source / "plan:b.md").write_text("# Plan B\n")  # a colon: published under another name
    out = tmp_path / "out"
    main(["publish", str(source), str(out), "--key", str(keys[0]), "--no-renditions"])
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert "\x1b" not in err and "\u202e" not in err
    assert "warning: odd\\n\\x1b[31mred\\u202e.xlsx: not a kind of file catalogs carry;" in err
    assert all(line.startswith(("warning: ", "skipped: ", "1 files", "2 files")) for line in lines)
    assert (
        "laptops cannot store a file named 'plan:b.md' (it contains ':', a character that is"
        " not allowed in file names); published as 'plan_b.md'." in err
    )


@pytest.mark.parametrize(
    ("files", "found"),
    [
        ({}, "holds no files"),
        ({"budget.xlsx": b"PK\x03\x04 a spreadsheet", ".hidden.pdf": b"x"}, "none of a kind"),
        ({"broken.pdf": b"%PDF-1.4 not really"}, "none of them could be published"),
    ],
    ids=["empty", "only a spreadsheet", "only a damaged file"],
)
def test_a_folder_with_nothing_to_publish_says_so_in_one_sentence(
    tmp_path: Path,
    keys: tuple[Path, Path],
    published: Path,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, bytes],
    found: str,
) -> None:
    """A content team's first try: no traceback, what was found and which kinds are
    published; an OUT that holds a catalog keeps it (an empty one would empty every
    laptop's library)."""
    source = tmp_path / "first-try"
    source.mkdir()
    for name, data in files.items():
        (source / name).write_bytes(data)
    before = snapshot(published)
    args = [str(source), str(published), "--key", str(keys[0]), "--no-renditions"]
    done = subprocess.run(
        [sys.executable, "-m", "resources_index.cli.main", "publish", *args],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 3 and "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("Nothing was published:") and found in last
    assert ".pdf" in last and ".docx" in last and ".mp4" in last
    assert snapshot(published) == before
    fresh = tmp_path / "fresh-out"
    report = publish(source, fresh, keys[0], renditions=False)
    assert report.refused.startswith("Nothing was published") and not fresh.exists()


@pytest.mark.parametrize("mark", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u200f"])
def test_a_name_with_a_bidi_or_format_character_is_warned_and_renamed(
    tmp_path: Path,
    source: Path,
    keys: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    mark: str,
) -> None:
    from resources_index.cli.main import main

    (source / f"plan{mark}dm.md").write_text("# Plan\n")  # "plan\u202edm.md" shows "planmd.md"
    out = tmp_path / "out"
    main(["publish", str(source), str(out), "--key", str(keys[0]), "--no-renditions"])
    err = capsys.readouterr().err
    assert mark not in err
    shown = repr(f"plan{mark}dm.md")
    assert (
        f"laptops cannot store a file named {shown} (it contains {mark!r}, a character that"
        " reorders or hides text); published as 'plan_dm.md'." in err
    )
    names = [r.main.name for r in read_manifest(out, keys[1]).resources]
    assert "plan_dm.md" in names and not any(mark in n for n in names)


def test_publishing_into_a_folder_of_other_files_is_refused_and_leaves_it_intact(
    tmp_path: Path, source: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped OUT (someone's Documents) must never be replaced by a catalog."""
    from resources_index.cli.main import main

    out = tmp_path / "Documents"
    (out / "stuff").mkdir(parents=True)
    (out / "stuff" / "file.txt").write_text("keep")
    (out / ".hidden").write_text("keep too")
    before = snapshot(out)
    with pytest.raises(PublishError, match="already holds files and no catalog"):
        publish(source, out, keys[0])
    assert snapshot(out) == before
    command = ["publish", str(source), str(out), "--key", str(keys[0]), "--no-renditions"]
    refused = main(command)
    said = capsys.readouterr().err
    assert "already holds files" in said and "Traceback" not in said
    assert refused == main(["publish", str(source), str(source / "in"), "--key", str(keys[0])])
    assert refused != 0 and snapshot(out) == before
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    with pytest.raises(PublishError, match="is not a folder"):
        publish(source, a_file, keys[0])
    assert a_file.read_text() == "mine"


def test_publishing_into_an_empty_folder_or_a_catalog_published_before_works(
    tmp_path: Path, source: Path, keys: tuple[Path, Path]
) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    assert publish(source, out, keys[0], catalog_id="test-catalog", renditions=False).changed
    (source / "extra.txt").write_text("A note added later.")
    assert publish(source, out, keys[0], catalog_id="test-catalog", renditions=False).changed
