"""The planning calendar: every contact, séance, passage and absence in one agenda."""
