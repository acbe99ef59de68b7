"""One router per resource; every query carries the caller's user id."""
