"""Services between the room file and the screens: building, importing, checking, media, rendering."""
