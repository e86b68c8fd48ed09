"""Shared steps of the incident tests: a generated month of ordinary reports (fixed seed, bulk
inserted), reports filed at a moment of the test's clock, and detection run at a moment."""

import hashlib
import random
from datetime import datetime, timedelta

from sqlalchemy import insert, select

from backend.catalog.models import Service
from backend.extensions import db
from backend.incidents import detection
from backend.incidents.models import Incident
from backend.places.models import Kelurahan
from backend.service_requests.models import ServiceRequest

from ..factories import make_request

INCIDENTS = "/api/v1/incidents"
FLOOD = "banjir-genangan"  # in the infrastruktur group
GUNUNG_SAMARINDA = "64.71.03.1002"
MANGGAR = "64.71.01.1001"  # in another kecamatan
# Reports an hour across the city, by hour of the day (WITA = UTC+8): quiet at night, busy by day.
HOURLY = [1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 6, 6, 6, 6, 6, 6, 5, 5, 4, 3, 3, 2, 2, 1]


def quiet_month(start: datetime, days: int = 30, seed: int = 16) -> list[datetime]:
    """Ordinary reports over `days` days from `start`: about 100 a day, over every kelurahan (some
    busier than others) and service (the first ones more often); inserted in one statement. Their
    times, sorted."""
    rng = random.Random(seed)
    services = db.session.execute(select(Service.id, Service.opd_id).order_by(Service.id)).all()
    places = db.session.execute(select(Kelurahan.id, Kelurahan.kecamatan_id).order_by(Kelurahan.id)).all()
    place_weights = [rng.uniform(0.3, 3.0) for _ in places]
    service_weights = [1 / (number + 1) for number in range(len(services))]
    rows = []
    for hour in range(days * 24):
        at = start + timedelta(hours=hour)
        rate = HOURLY[(at.hour + 8) % 24]
        for _ in range(_poisson(rng, rate)):
            created = at + timedelta(seconds=rng.uniform(0, 3600))
            service = rng.choices(services, service_weights)[0]
            place = rng.choices(places, place_weights)[0]
            rows.append(_row(len(rows), created, service, place))
    db.session.execute(insert(ServiceRequest), rows)
    db.session.commit()
    return sorted(row["created_at"] for row in rows)


def _poisson(rng: random.Random, rate: float) -> int:
    count, total = 0, rng.expovariate(rate)
    while total < 1:
        count, total = count + 1, total + rng.expovariate(rate)
    return count


def _row(number: int, created: datetime, service, place) -> dict:
    return {
        "code": f"BPN-Q{number:05d}",
        "service_id": service.id,
        "opd_id": service.opd_id,
        "status": "closed",
        "description": "Laporan biasa",
        "attribute_values": {},
        "kelurahan_id": place.id,
        "kecamatan_id": place.kecamatan_id,
        "source": "test",
        "is_public": True,
        "is_hidden": False,
        "content_hash": hashlib.sha256(str(number).encode()).hexdigest(),
        "response_due_at": created + timedelta(days=1),
        "sla_due_at": created + timedelta(days=3),
        "supporter_count": 0,
        "created_at": created,
        "updated_at": created,
    }


def file_at(clock, at: datetime, kelurahan: str = GUNUNG_SAMARINDA, service: str = FLOOD, **fields):
    """A report filed through the real filing service at `at` on the test's clock."""
    clock.set(at)
    return make_request(service, kelurahan=kelurahan, **fields)


def detect_at(clock, at: datetime) -> None:
    """The periodic job at `at` (it runs only when its own schedule says so)."""
    clock.set(at)
    detection.detect_incidents()


def incidents() -> list[Incident]:
    return list(db.session.scalars(select(Incident).order_by(Incident.id)))


def make_incident(
    operator, state: str = "active", lead_opd: str = "DPU", requests=(), kelurahan=GUNUNG_SAMARINDA
):
    """An incident opened by hand (active), or put back to `state`, with `requests` linked."""
    from backend.incidents import services

    data = {"group": "infrastruktur", "kelurahan": [kelurahan], "description": "Banjir", "lead_opd": lead_opd}
    incident = services.open_by_hand(operator, data)
    if requests:
        services.link(incident.id, [request.code for request in requests], operator)
    incident.state = state
    db.session.commit()
    return incident
