"""Small dialogs that stand on their own (not tied to one page)."""
