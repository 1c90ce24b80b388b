"""Partners directory (organisations, their roles and contacts) and funding lines
(conventions / financements) with the per-year summary."""
