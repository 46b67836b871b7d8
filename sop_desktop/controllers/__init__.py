"""The window's work off the GUI thread: searching and syncing, reported by signals."""
