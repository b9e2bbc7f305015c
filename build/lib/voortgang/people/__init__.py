"""People: pick or add the employee whose review it is."""
