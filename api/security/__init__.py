"""Authentication, permissions, abuse limits and request hygiene of the API."""
