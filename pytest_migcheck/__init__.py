"""pytest --migcheck: every migcheck rule a test item, for every classic file in the repository."""
