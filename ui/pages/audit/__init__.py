"""Journal d'audit: who did what on which record, for the administrator."""
