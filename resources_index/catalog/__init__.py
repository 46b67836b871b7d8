"""The catalog format: its model, bounds, vocabulary and signatures."""
