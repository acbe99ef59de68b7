"""How a poll's new UIDs are cut into fetch batches (pipeline.fetch.batch_sizes)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.fetch import batch_sizes


def test_what_fits_in_one_batch_is_one_batch() -> None:
    assert batch_sizes(0, 200) == []
    assert batch_sizes(1, 200) == [1]
    assert batch_sizes(200, 200) == [200]


def test_a_backlog_starts_and_ends_small() -> None:
    sizes = batch_sizes(5000, 200)
    assert sizes[:3] == [50, 100, 200] and sizes[-2:] == [100, 50]
    assert sum(sizes) == 5000 and len(sizes) == 28


def test_just_over_one_batch_is_halves() -> None:
    assert batch_sizes(201, 200) == [101, 100]
    assert batch_sizes(299, 200) == [199, 100]


def test_no_batch_of_a_few_mails_in_the_middle() -> None:
    assert batch_sizes(301, 200) == [50, 101, 100, 50]
    assert batch_sizes(350, 200) == [50, 100, 50, 100, 50]


@given(st.integers(0, 3000), st.integers(1, 500))
def test_every_uid_once_and_no_batch_over_the_size(total: int, size: int) -> None:
    sizes = batch_sizes(total, size)
    assert sum(sizes) == total
    assert all(0 < s <= size for s in sizes)
    assert len(sizes) <= total // size + 5  # at most four batches more than plain cutting
