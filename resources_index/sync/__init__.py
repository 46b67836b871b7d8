"""Bringing a library up to a server's catalog, and serving one. The only package speaking HTTP."""
