"""Dialogs of their own: settings."""
