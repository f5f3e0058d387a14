"""Qt widgets. They receive plain view data and never query the room file."""
