"""What changed in the library, said once by whoever changed it, heard by every part that
shows it: the status bar, the results, the details, the kits, the search, usage counting."""

from PySide6.QtCore import QObject, Signal


class LibraryEvents(QObject):
    """The library's change signals for one window's parts."""

    #: A new catalog is installed (a sync, an import, the starter filling an empty library);
    #: said instead of ``state_changed`` for the same change (the last sync with it), so a
    #: part that listens to both refreshes once.
    catalog_changed = Signal()
    #: Files arrived on this laptop or a download stopped (whatever came is kept).
    files_changed = Signal()
    #: The library's state changed: a favorite, a resource kept offline, a sync attempt.
    state_changed = Signal()
    #: A resource was used: the measure ("opened", "presented", "printed", "saved") and the
    #: ``Resource``.
    resource_used = Signal(str, object)
