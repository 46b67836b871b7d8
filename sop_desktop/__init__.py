"""SOP Desktop's Qt GUI: thin widgets and models over ``resources_index``."""

from sop_desktop.quiet_media import quiet_qt_notes

quiet_qt_notes()  # before any module imports QtMultimedia
