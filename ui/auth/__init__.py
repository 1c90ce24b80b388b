"""Logging in, the first administrator, the forced password change, the session lock."""
