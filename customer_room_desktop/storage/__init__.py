"""The room file: one SQLite file holding a whole Customer Room, media included. No Qt here."""
