"""legday's planner core: plain Python, no Textual, no storage. Give it a profile, a window of history
and a date; it returns a week of sessions, each with the reasons behind it."""
