"""The local library: the verified catalog, its objects, kits, and how catalogs enter."""
