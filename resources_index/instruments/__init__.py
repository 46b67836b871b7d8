"""Fidelity and coaching instruments: XLSForm spreadsheets made into small form definitions,
filled in offline, kept private on the laptop.

``conversion`` turns a content team's ``.xlsx`` (checked first by ``workbook_reading``) into a
``definition.FormDefinition`` with pyxform; ``expressions`` and ``evaluation`` are the bounded
XLSForm expression subset; ``session`` says what a form asks given its answers; ``responses``
keeps drafts and completed responses durably in the library; ``aggregates`` is all that may
ever leave the laptop; ``export`` writes CSV for a county's own analyst. ``docs/instruments.md``
is the content team's guide.
"""
