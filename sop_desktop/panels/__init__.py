"""The parts of the main window: filters, results, the chosen resource, kits."""
