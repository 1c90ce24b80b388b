"""Collective prevention ateliers: actions and séances, registrations and waiting lists,
attendance, satisfaction, memberships, figures, émargement and the person timeline."""
