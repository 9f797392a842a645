"""Cross-document event merging (placeholder until its issue lands)."""


def merge_events(store) -> None:
    """Group event mentions into events (placeholder)."""
