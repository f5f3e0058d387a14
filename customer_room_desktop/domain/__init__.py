"""The Customer Room's concepts and pure rules. Standard library only: no Qt, no SQL."""
