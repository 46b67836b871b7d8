"""Sentences marked for translation where they are defined and translated where they are shown.

Qt's lupdate finds the calls by their name, ``QT_TRANSLATE_NOOP``, whatever module defines it.
PySide6's own returns the text unchanged but is typed as returning ``object``; this one says
``str``, so the tables of marked sentences (``error_texts_generated.py``,
``vocabulary_labels.py``) are typed as what they hold. (lupdate takes a ``#:`` comment for
translators that comes right after the line importing it as the import's, not the next
sentence's: keep a statement between.)"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` unchanged; ``context`` is where lupdate files it (the translator looks it up
    later with ``QCoreApplication.translate(context, text)``)."""
    del context  # read by lupdate, not at run time
    return text
