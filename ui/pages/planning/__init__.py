"""The Planning page: day, week and month calendar of contacts, séances, passages and
absences, with filters, conflicts, drag-and-drop and the keyboard."""

PLANNING = "planning"  # navigation key and the Bus topic announced after each write
