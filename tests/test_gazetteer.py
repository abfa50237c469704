"""The gazetteer's tables: made from the libraries once, then read from the build's cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract import gazetteer


@pytest.fixture
def fresh_tables():
    """The tables and the answers read from them forgotten before and after the test, as in a new process."""
    forget_tables()
    yield
    forget_tables()


def forget_tables() -> None:
    for cached in (gazetteer.tables, gazetteer.first_name_gender, gazetteer.is_region):
        cached.cache_clear()


def test_first_names_and_regions_read_as_the_libraries_say() -> None:
    assert gazetteer.first_name_gender("Maria") == "female"
    assert gazetteer.first_name_gender("JOHN") == "male"
    assert gazetteer.first_name_gender("Harbor") is None
    assert gazetteer.is_region("West Virginia")
    assert gazetteer.is_region("ohio")
    assert not gazetteer.is_region("Georgia")  # a first name too


def test_tables_are_stored_then_read_back_without_the_libraries(
    tmp_path: Path, fresh_tables: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = gazetteer.tables_from_libraries()
    with gazetteer.stored_in(tmp_path):
        assert gazetteer.tables() == made
    assert (tmp_path / gazetteer.STORE).is_file()
    gazetteer.tables.cache_clear()

    def unused() -> gazetteer.Tables:
        raise AssertionError("the libraries were read again")

    monkeypatch.setattr(gazetteer, "tables_from_libraries", unused)
    with gazetteer.stored_in(tmp_path):
        assert gazetteer.tables() == made
    assert gazetteer.store_folder is None


def test_a_damaged_or_foreign_store_is_made_again(tmp_path: Path, fresh_tables: None) -> None:
    (tmp_path / gazetteer.STORE).write_bytes(b"not a pickle")
    with gazetteer.stored_in(tmp_path):
        assert gazetteer.first_name_gender("Maria") == "female"
    gazetteer.tables.cache_clear()
    assert gazetteer.tables() == gazetteer.tables_from_libraries()
