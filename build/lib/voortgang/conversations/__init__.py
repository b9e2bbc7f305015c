"""The conversation itself: its phases, answers, goals and agreements."""
