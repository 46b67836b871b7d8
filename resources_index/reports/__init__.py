"""What the workforce uses, looks for and misses, counted on each laptop as aggregates only and
delivered to the content team (see docs/privacy.md)."""
