"""Fixtures the incident tests share."""

from datetime import timedelta

import pytest

from backend.incidents import detection

from .helpers import file_at


@pytest.fixture
def proposed(app, clock):
    """A proposed incident: five flood reports in Gunungsamarinda (BPBD's), filed a second apart."""
    start = clock.now
    for number in range(5):
        file_at(clock, start + timedelta(seconds=number))
    [incident] = detection.run(start + timedelta(minutes=1))
    return incident.id
