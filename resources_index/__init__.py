"""The GUI-free core of SOP Desktop: catalog format, local library, publishing, command line.

Nothing in this package imports Qt, so every part of it runs headless and from scripts.
"""

__version__ = "0.1.0"
