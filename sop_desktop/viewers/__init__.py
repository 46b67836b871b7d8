"""Showing resources inside the program: PDFs, videos with captions, presentations."""
