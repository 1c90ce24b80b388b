"""Personnes: the list of the people file and the person form (dossier usager)."""
