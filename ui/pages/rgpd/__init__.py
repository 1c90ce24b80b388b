"""Data protection pages: retention review (Conservation) and backups (Sauvegardes)."""
