"""The subcommands of ``cspplan``; each module is one subcommand."""
