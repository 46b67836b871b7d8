"""Where things live and what the user and county IT chose: paths, settings, policy."""
