"""The command line as county IT scripts use it: exit codes, one plain sentence, JSON."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from resources_index.cli.main import main


def run(*args: str, env_data: Path | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    if env_data is not None:
        env["SOP_DESKTOP_DATA"] = str(env_data)
    return subprocess.run(
        [sys.executable, "-m", "resources_index.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_status_on_a_fresh_folder_shows_the_starter_without_network(tmp_path: Path) -> None:
    result = run("status", "--json", env_data=tmp_path / "fresh")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["resources"] >= 40 and status["catalog_id"] == "sop-starter"
    assert status["data_dir"] == str(tmp_path / "fresh")


def test_data_dir_option_wins_over_environment(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path / "opt"), "status", env_data=tmp_path / "env")
    assert result.returncode == 0
    assert f"Library:   {tmp_path / 'opt'}" in result.stdout
    assert (tmp_path / "opt" / "catalog.json").exists() and not (tmp_path / "env").exists()


def test_publish_keygen_import_and_verify_through_the_cli(
    tmp_path: Path, source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keygen", str(tmp_path / "k")]) == 0
    out = tmp_path / "out"
    assert (
        main(["publish", str(source), str(out), "--key", str(tmp_path / "k" / "catalog.key")]) == 0
    )
    assert re.search(r"Published version 20\d{12} ", capsys.readouterr().out)  # the time
    data = ["--data-dir", str(tmp_path / "lib")]
    assert main([*data, "import-bundle", str(out)]) == 1
    refused = capsys.readouterr().err
    assert "a key this library does not trust, fingerprint " in refused
    assert "sop-resources sync --trust KEY.pub" in refused and "Error" not in refused
    trust = ["--trust", str(tmp_path / "k" / "catalog.pub")]
    assert main([*data, "import-bundle", str(out), *trust]) == 0
    assert "7 added" in capsys.readouterr().out
    assert main([*data, "verify"]) == 0
    objects = sorted((tmp_path / "lib" / "objects").glob("*/*"))
    objects[0].write_bytes(b"corrupted")
    assert main([*data, "verify"]) == 3
    assert "need repair" in capsys.readouterr().out


def test_failures_exit_non_zero_with_one_sentence(tmp_path: Path) -> None:
    result = run("import-bundle", str(tmp_path / "nowhere"), env_data=tmp_path / "lib")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"sop-resources: No catalog found in {tmp_path / 'nowhere'} (it has no catalog.json)."
    ]
    (tmp_path / "src").mkdir()
    key = str(tmp_path / "no.key")
    result = run("publish", str(tmp_path / "src"), str(tmp_path / "o"), "--key", key)
    assert result.returncode == 1 and "Cannot read the signing key" in result.stderr


@pytest.mark.parametrize("command", ["status", "verify", "import-bundle", "publish", "keygen"])
def test_every_subcommand_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0 and "usage: sop-resources" in result.stdout


def test_search_prints_json_objects_and_a_readable_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "lib")]
    assert main([*data, "search", "scaling situation", "--json", "--limit", "3"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and set(hits[0]) >= {
        "id",
        "title",
        "type",
        "language",
        "score",
        "snippet",
        "location",
    }
    guide = next(h for h in hits if h["id"] == "safety-mapping-practice-guide")
    assert guide["location"] == {"page": 2} and "<b>" in guide["snippet"]
    assert main([*data, "search", "escala", "--language", "Spanish", "--type", "Tip Sheet"]) == 0
    table = capsys.readouterr().out
    assert "Preguntas de escala: guía rápida  [Tip sheet, es] page 1" in table
    assert main([*data, "search", "scailing questions"]) == 0
    captured = capsys.readouterr()
    assert "Showing results for 'scaling questions'." in captured.err
    assert "Scaling questions: a quick guide" in captured.out


def test_a_lone_short_word_that_finds_nothing_whole_is_read_as_a_prefix(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    result = run("--data-dir", str(root), "search", "thr", "--json")
    assert result.returncode == 0, result.stderr
    ids = [row["id"] for row in json.loads(result.stdout)]
    assert ids and all("three" in i for i in ids[:3])  # "three", the library's "thr" word
    assert "No resource has the word 'thr'; these have words that start with it." in result.stderr
    whole = run("--data-dir", str(root), "search", "three", "--json")
    assert "start with it" not in whole.stderr  # found whole: nothing to say
    assert json.loads(whole.stdout)
