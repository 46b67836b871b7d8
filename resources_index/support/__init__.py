"""What helps support staff: rotating logs, crash reports, and ``doctor``."""
