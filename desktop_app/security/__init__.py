"""Access control (roles, need-to-know) and the audit trail."""
