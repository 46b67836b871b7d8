"""Full-text search over the library. The only package that imports whoosh."""
