"""Reading a catalog pauses the cyclic garbage collector, and leaves nothing of another thread
out of its reach: a reference cycle another thread makes (and drops, or still holds) while a
catalog is read is freed once nothing refers to it."""

import gc
import sys
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from resources_index.library.library import Library
from resources_index.util.gcpause import collector_paused


class Node:
    """One end of a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me: Node | None = self


@pytest.fixture
def quick_thread_switches() -> Iterator[None]:
    """Threads take turns every 0.1 ms, so another thread runs in the middle of a read."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.0001)
    yield
    sys.setswitchinterval(before)


class CycleMaker(threading.Thread):
    """Makes reference cycles until told to stop; of those made while the collector is paused
    it drops some at once (garbage waiting for the collector) and holds one until ``release``."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.made_in_a_pause: list[weakref.ref[Node]] = []
        self.held: list[Node] = []
        self.stop = threading.Event()
        self.release = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            cycle = Node()
            if not gc.isenabled():  # a read is under way in the other thread
                self.made_in_a_pause.append(weakref.ref(cycle))
                if not self.held:
                    self.held.append(cycle)
            del cycle
        self.release.wait(timeout=30)
        self.held.clear()


def test_a_cycle_another_thread_makes_during_a_catalog_read_is_freed_afterwards(
    tmp_path: Path, quick_thread_switches: None
) -> None:
    root = tmp_path / "library"
    first = Library(root)
    first.ensure_starter()
    first.close()
    frozen_before = gc.get_freeze_count()
    maker = CycleMaker()
    maker.start()
    reads = 0
    while len(maker.made_in_a_pause) < 2 and reads < 200:
        library = Library(root)  # a fresh object reads the catalog from disk again
        assert library.current() is not None
        library.close()
        reads += 1
    maker.stop.set()
    assert len(maker.made_in_a_pause) >= 2, "the other thread never ran during a read"
    assert maker.held, "one cycle made during a read was still held when the reads ended"
    assert gc.isenabled()
    maker.release.set()
    maker.join(timeout=30)
    assert not maker.is_alive()
    gc.collect()
    assert [ref for ref in maker.made_in_a_pause if ref() is not None] == []
    assert gc.get_freeze_count() == frozen_before


def test_overlapping_pauses_in_two_threads_keep_the_collector_off_until_the_last_ends() -> None:
    assert gc.isenabled()
    inside, leave = threading.Event(), threading.Event()
    seen_in_thread: list[bool] = []

    def other() -> None:
        with collector_paused():
            inside.set()
            leave.wait(timeout=30)
            seen_in_thread.append(gc.isenabled())

    with collector_paused():
        thread = threading.Thread(target=other)
        thread.start()
        assert inside.wait(timeout=30)
    assert not gc.isenabled()  # the other thread's load is still under way
    leave.set()
    thread.join(timeout=30)
    assert seen_in_thread == [False]
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_turned_off_by_the_program_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
