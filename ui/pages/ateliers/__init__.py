"""The Ateliers page: the list of actions and, in its place, one action with its séances,
registrations and waiting list, attendance grid, satisfaction and figures."""

ATELIERS = "ateliers"  # navigation key and the Bus topic announced after each write
