"""Small helpers the rest of the core leans on: durable files, bounded JSON, the collector."""
