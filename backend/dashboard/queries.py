"""The command center's read models: each function is one SQL statement (GROUP BY over indexed
columns) for a period and an optional kecamatan or OPD, answering plain dicts."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, literal, or_, select, union_all

from ..catalog.models import Service, ServiceGroup
from ..database import utcnow
from ..extensions import db
from ..incidents.models import linked_request_ids
from ..places.models import Kecamatan, Kelurahan, Opd
from ..push.models import Campaign
from ..service_requests.models import OPEN_STATUSES
from ..service_requests.models import ServiceRequest as R
from .sql import hours_between, local_date, median_by

MAP_CAP = 2000


@dataclass(frozen=True)
class Scope:
    """What a dashboard looks at: requests created since `start`, optionally of one kecamatan, OPD
    or incident."""

    start: datetime
    now: datetime
    timezone: ZoneInfo
    kecamatan_id: int | None = None
    opd_id: int | None = None
    incident_id: int | None = None

    def local_midnight(self, days_ago: int = 0) -> datetime:
        today = self.now.astimezone(self.timezone).date() - timedelta(days=days_ago)
        return datetime(today.year, today.month, today.day, tzinfo=self.timezone)

    def week_start(self) -> datetime:
        return self.local_midnight(self.now.astimezone(self.timezone).weekday())


def make_scope(
    days: int, timezone: ZoneInfo, kecamatan_id=None, opd_id=None, now=None, incident_id=None
) -> Scope:
    """The last `days` city days, today included."""
    now = now or utcnow()
    scope = Scope(now, now, timezone, kecamatan_id, opd_id)
    return Scope(scope.local_midnight(days - 1), now, timezone, kecamatan_id, opd_id, incident_id)


def _where(scope: Scope, created_in_period: bool = True) -> list:
    clauses = []
    if created_in_period:
        clauses.append(R.created_at >= scope.start)
    if scope.kecamatan_id:
        clauses.append(R.kecamatan_id == scope.kecamatan_id)
    if scope.opd_id:
        clauses.append(R.opd_id == scope.opd_id)
    if scope.incident_id:
        clauses.append(R.id.in_(linked_request_ids(scope.incident_id)))
    return clauses


def _count(*where):
    return select(func.count()).select_from(R).where(*where).scalar_subquery()


def _open(scope: Scope) -> list:
    return [R.status.in_(OPEN_STATUSES), *_where(scope, created_in_period=False)]


def _overdue(scope: Scope) -> list:
    return [*_open(scope), R.sla_due_at < scope.now]


def _overall_median(value, *where):
    median = median_by(value, literal(1), *where)
    return select(median.c.median).scalar_subquery()


def summary(scope: Scope) -> dict:
    """Open, overdue, created today and this week, resolved this week, median hours to first
    response and to resolution, and the average rating, of requests created in the period."""
    period = _where(scope)
    row = db.session.execute(
        select(
            _count(*_open(scope)).label("open"),
            _count(*_overdue(scope)).label("overdue"),
            _count(R.created_at >= scope.local_midnight(), *_where(scope, False)).label("created_today"),
            _count(R.created_at >= scope.week_start(), *_where(scope, False)).label("created_this_week"),
            _count(R.resolved_at >= scope.week_start(), *_where(scope, False)).label("resolved_this_week"),
            _count(*period).label("created_in_period"),
            _overall_median(hours_between(R.first_response_at, R.created_at), *period).label(
                "median_response"
            ),
            _overall_median(hours_between(R.resolved_at, R.created_at), *period).label("median_resolution"),
            select(func.avg(R.rating)).where(*period).scalar_subquery().label("average_rating"),
        )
    ).one()
    answer = row._asdict()
    for name in ("median_response", "median_resolution", "average_rating"):
        answer[name] = round(answer[name], 2) if answer[name] is not None else None
    return answer


# by -> (the grouped column, the table it points to). Grouping runs on the id; names are joined
# afterwards (PostgreSQL cannot group by a JSON name).
BREAKDOWNS = {
    "status": (R.status, None),
    "service": (R.service_id, Service),
    "group": (Service.group_id, ServiceGroup),
    "kecamatan": (R.kecamatan_id, Kecamatan),
    "kelurahan": (R.kelurahan_id, Kelurahan),
    "opd": (R.opd_id, Opd),
}


def counts(scope: Scope, by: str) -> list[dict]:
    """Requests created in the period, counted by status, service, group, kecamatan, kelurahan or OPD."""
    column, target = BREAKDOWNS[by]
    grouped = select(column.label("key"), func.count().label("count")).select_from(R).where(*_where(scope))
    if by == "group":
        grouped = grouped.join(Service, Service.id == R.service_id)
    grouped = grouped.group_by(column).subquery()
    if target is None:
        query = select(grouped.c.key, grouped.c.key.label("label"), grouped.c.count)
    else:
        label = target.short_name if target is Opd else target.name
        query = select(target.code.label("key"), label.label("label"), grouped.c.count).join(
            grouped, grouped.c.key == target.id
        )
    rows = db.session.execute(query.order_by(grouped.c.count.desc()))
    return [row._asdict() for row in rows]


def overdue_list(scope: Scope, limit: int = 50) -> list[dict]:
    """Open requests past their deadline, the longest overdue first."""
    rows = db.session.execute(
        select(
            R.code,
            R.status,
            R.sla_due_at,
            Service.code.label("service"),
            Service.name.label("service_name"),
            Opd.code.label("opd"),
            Opd.short_name.label("opd_name"),
            Kecamatan.name.label("kecamatan"),
            hours_between(literal(scope.now), R.sla_due_at).label("hours_overdue"),
        )
        .join(Service, Service.id == R.service_id)
        .join(Opd, Opd.id == R.opd_id)
        .outerjoin(Kecamatan, Kecamatan.id == R.kecamatan_id)
        .where(*_overdue(scope))
        .order_by(R.sla_due_at, R.id)
        .limit(limit)
    )
    return [row._asdict() | {"hours_overdue": round(row.hours_overdue, 1)} for row in rows]


def breach_rates(scope: Scope) -> list[dict]:
    """Per OPD: the share of the period's requests that missed their deadline (late or still open)."""
    breached = or_(
        R.resolved_at > R.sla_due_at,
        and_(R.resolved_at.is_(None), R.status.in_(OPEN_STATUSES), R.sla_due_at < scope.now),
    )
    rows = db.session.execute(
        select(
            Opd.code,
            Opd.short_name,
            func.count().label("total"),
            func.sum(case((breached, 1), else_=0)).label("breached"),
        )
        .join(Opd, Opd.id == R.opd_id)
        .where(*_where(scope))
        .group_by(Opd.code, Opd.short_name)
        .order_by(Opd.short_name)
    )
    return [row._asdict() | {"rate": round(row.breached / row.total, 3)} for row in rows]


def trends(scope: Scope) -> list[dict]:
    """Requests created and resolved per city day over the period, days without any included."""
    zone = scope.timezone.key
    offset = f"+{int(scope.now.astimezone(scope.timezone).utcoffset().total_seconds() // 60)} minutes"
    created_day = local_date(R.created_at, zone, offset)
    resolved_day = local_date(R.resolved_at, zone, offset)
    created = (
        select(created_day.label("day"), literal("created").label("kind"), func.count().label("count"))
        .where(*_where(scope))
        .group_by(created_day)
    )
    resolved = (
        select(resolved_day.label("day"), literal("resolved").label("kind"), func.count().label("count"))
        .where(R.resolved_at >= scope.start, *_where(scope, created_in_period=False))
        .group_by(resolved_day)
    )
    days: dict[str, dict] = {}
    first = scope.start.astimezone(scope.timezone).date()
    last = scope.now.astimezone(scope.timezone).date()
    for offset_days in range((last - first).days + 1):
        day = (first + timedelta(days=offset_days)).isoformat()
        days[day] = {"day": day, "created": 0, "resolved": 0}
    for day, kind, count in db.session.execute(union_all(created, resolved)):
        key = day.isoformat() if isinstance(day, date) else str(day)
        if key in days:
            days[key][kind] = count
    return list(days.values())


def _open_now_by(scope: Scope, group):
    """A subquery of (group_key, open, overdue): the scope's open requests now, per `group`."""
    return (
        select(
            group.label("group_key"),
            func.count().label("open"),
            func.sum(case((R.sla_due_at < scope.now, 1), else_=0)).label("overdue"),
        )
        .where(*_open(scope))
        .group_by(group)
        .subquery()
    )


def league(scope: Scope) -> list[dict]:
    """Per OPD: open and overdue now; for the period, median hours to resolution, average rating
    and the share resolved within the deadline."""
    period = _where(scope)
    open_now = _open_now_by(scope, R.opd_id)
    resolved = R.resolved_at.is_not(None)
    in_period = (
        select(
            R.opd_id.label("opd_id"),
            func.sum(case((resolved, 1), else_=0)).label("resolved"),
            func.sum(case((and_(resolved, R.resolved_at <= R.sla_due_at), 1), else_=0)).label("within_sla"),
            func.avg(R.rating).label("satisfaction"),
        )
        .where(*period)
        .group_by(R.opd_id)
        .subquery()
    )
    medians = median_by(hours_between(R.resolved_at, R.created_at), R.opd_id, *period)
    rows = db.session.execute(
        select(
            Opd.code,
            Opd.short_name,
            open_now.c.open,
            open_now.c.overdue,
            in_period.c.resolved,
            in_period.c.within_sla,
            in_period.c.satisfaction,
            medians.c.median,
        )
        .outerjoin(open_now, open_now.c.group_key == Opd.id)
        .outerjoin(in_period, in_period.c.opd_id == Opd.id)
        .outerjoin(medians, medians.c.group_key == Opd.id)
        .where(or_(open_now.c.group_key.is_not(None), in_period.c.opd_id.is_not(None)))
        .order_by(Opd.short_name)
    )
    return [
        {
            "opd": row.code,
            "name": row.short_name,
            "open": int(row.open or 0),
            "overdue": int(row.overdue or 0),
            "median_resolution_hours": round(row.median, 1) if row.median is not None else None,
            "satisfaction": round(float(row.satisfaction), 2) if row.satisfaction is not None else None,
            "within_sla": round(row.within_sla / row.resolved, 3) if row.resolved else None,
        }
        for row in rows
    ]


def by_kelurahan(scope: Scope) -> list[dict]:
    """Every kelurahan of the scope (all of them, or the kecamatan's), with its open and overdue
    requests now: zeros included, so a map can colour each polygon."""
    counted = _open_now_by(scope, R.kelurahan_id)
    query = (
        select(
            Kelurahan.code,
            Kelurahan.name,
            Kecamatan.code.label("kecamatan"),
            func.coalesce(counted.c.open, 0).label("open"),
            func.coalesce(counted.c.overdue, 0).label("overdue"),
        )
        .join(Kecamatan, Kecamatan.id == Kelurahan.kecamatan_id)
        .outerjoin(counted, counted.c.group_key == Kelurahan.id)
        .order_by(Kelurahan.code)
    )
    if scope.kecamatan_id:
        query = query.where(Kelurahan.kecamatan_id == scope.kecamatan_id)
    return [row._asdict() for row in db.session.execute(query)]


def map_points(scope: Scope, bbox: list[float] | None) -> dict:
    """Open requests as light points (capped), the most overdue first."""
    query = (
        select(
            R.code,
            R.lat,
            R.long,
            R.status,
            Service.code.label("service"),
            (R.sla_due_at < scope.now).label("overdue"),
        )
        .join(Service, Service.id == R.service_id)
        .where(*_open(scope), R.lat.is_not(None))
    )
    if bbox:
        south, west, north, east = bbox
        query = query.where(R.lat.between(south, north), R.long.between(west, east))
    rows = db.session.execute(query.order_by(R.sla_due_at, R.id).limit(MAP_CAP + 1)).all()
    return {"points": [row._asdict() for row in rows[:MAP_CAP]], "truncated": len(rows) > MAP_CAP}


def campaign_stats(limit: int = 10) -> list[dict]:
    """The latest campaigns with their delivery and click-through rate."""
    rows = db.session.execute(
        select(
            Campaign.id,
            Campaign.title,
            Campaign.status,
            Campaign.created_at,
            Campaign.targeted,
            Campaign.sent,
            Campaign.failed,
            Campaign.gone,
            Campaign.clicked,
        )
        .order_by(Campaign.id.desc())
        .limit(limit)
    )
    return [
        row._asdict() | {"click_through": round(row.clicked / row.sent, 3) if row.sent else None}
        for row in rows
    ]
