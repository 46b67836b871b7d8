"""``reason_of``: why something failed, as a kind said in the reader's language, for the
system's errors and for SQLite's (the library's small databases fail as its files do)."""

import sqlite3
from pathlib import Path

import pytest

from resources_index.errors import reason_of


def test_a_database_that_is_not_one_is_said_to_be_damaged(tmp_path: Path) -> None:
    path = tmp_path / "counts.sqlite"
    path.write_bytes(b"not a database at all, " * 100)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    assert reason_of(caught.value).kind == "reason.damaged"


def test_a_read_only_database_is_said_to_be_read_only(tmp_path: Path) -> None:
    path = tmp_path / "counts.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # as a read-only share opens it
    with pytest.raises(sqlite3.OperationalError) as caught:
        db.execute("INSERT INTO t VALUES (1)")
    assert reason_of(caught.value).kind == "os.read_only"


def test_a_database_another_program_holds_is_said_to_be_in_use(tmp_path: Path) -> None:
    path = tmp_path / "counts.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0.01)
    with pytest.raises(sqlite3.OperationalError) as caught:
        other.execute("SELECT * FROM t").fetchall()
    assert reason_of(caught.value).kind == "os.in_use"


def test_an_error_sqlite_does_not_name_is_unexpected() -> None:
    with pytest.raises(sqlite3.OperationalError) as caught:
        sqlite3.connect(":memory:").execute("SELECT * FROM no_such_table")
    assert reason_of(caught.value).kind == "reason.unexpected"
