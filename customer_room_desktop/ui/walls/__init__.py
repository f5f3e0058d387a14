"""Wall views: dark, high-contrast, type scaled to the wall's height, read from five metres."""
