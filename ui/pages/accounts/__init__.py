"""Comptes: the accounts of the team (administrator, coordinator)."""
