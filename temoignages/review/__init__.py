"""The moderators' review desk: one screen per testimony where it is read, redacted and decided."""
