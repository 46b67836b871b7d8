"""``sop-resources``: the command line over the core, one subcommand per job."""
