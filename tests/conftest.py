"""Shared test fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    return Path(os.environ.get("CHRONIK_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data (or $CHRONIK_SHARED_DATA); tests using it skip where it is absent."""
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set CHRONIK_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def default_pipeline():
    """The default offline pipeline, loaded once for the whole test session."""
    from chronik.pipeline import Pipeline

    return Pipeline.default()
