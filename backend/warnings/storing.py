"""Keeping a warning taken in, one per transaction, and handing the accepted ones to alerting."""

import logging
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from . import alerting
from .models import OfficialWarning, WarningStatus

log = logging.getLogger(__name__)


@dataclass
class PollReport:
    """What one poll of one source did, for the CLI and the logs."""

    source: str
    outcome: str = "fetched"  # fetched, not modified, error
    new: int = 0  # warnings stored
    accepted: int = 0  # of which handed to alerting
    known: int = 0  # already stored (replays)
    other_province: int = 0  # nowcast items skipped before fetching their documents
    refused: int = 0  # documents that failed and are remembered so that they are not fetched again
    left: int = 0  # left for the next poll (the per-poll limit, or a warning that could not be stored)
    problems: list[str] = field(default_factory=list)
    error: str = ""

    def line(self) -> str:
        if self.outcome != "fetched":
            return f"{self.source}: {self.outcome}" + (f": {self.error}" if self.error else "")
        counts = [
            f"{self.new} new ({self.accepted} accepted)",
            f"{self.known} known",
            f"{self.other_province} of other provinces skipped" if self.other_province else "",
            f"{self.refused} refused" if self.refused else "",
            f"{self.left} left for the next poll" if self.left else "",
        ]
        problems = "".join(f"\n  - {problem}" for problem in self.problems)
        return f"{self.source}: fetched, " + ", ".join(c for c in counts if c) + problems


def known_identifiers(identifiers: list[str]) -> set[str]:
    if not identifiers:
        return set()
    query = select(OfficialWarning.identifier).where(OfficialWarning.identifier.in_(identifiers))
    return set(db.session.scalars(query))


def references_live_warning(warning: OfficialWarning) -> bool:
    """An Update or Cancel names a warning that was accepted (so there is something to replace or
    withdraw)."""
    if not warning.references:
        return False
    query = select(OfficialWarning.id).where(
        OfficialWarning.identifier.in_(warning.references), OfficialWarning.status != WarningStatus.SEEN
    )
    return db.session.scalar(query.limit(1)) is not None


def store_warning(warning: OfficialWarning, accepted: bool, report: PollReport) -> bool:
    """Store the warning (DRAFT when accepted, act_on then setting its final status; else SEEN)
    and, when accepted, call alerting.act_on in the same transaction, then commit. A concurrent poll
    that stored it first makes this a replay; a failure of act_on stores nothing, so the warning is
    taken in again at the next poll. A refused document (details["refused"]) counts as refused."""
    warning.status = WarningStatus.DRAFT if accepted else WarningStatus.SEEN
    db.session.add(warning)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        report.known += 1
        return False
    if not commit_acting_on(warning, accepted, report):
        return False
    if (warning.details or {}).get("refused"):
        report.refused += 1
    else:
        report.new += 1
        report.accepted += accepted
    return True


def commit_acting_on(warning: OfficialWarning, act: bool, report: PollReport) -> bool:
    """Call alerting.act_on(warning) (when `act`) in the open transaction and commit; on a failure
    roll it all back, so the warning is taken in again at the next poll."""
    identifier = warning.identifier
    try:
        if act:
            alerting.act_on(warning)
        db.session.commit()
    except Exception as error:  # one warning's failure must not lose the others
        db.session.rollback()
        log.exception("Warning %s not taken in: acting on it failed", identifier)
        report.left += 1
        report.problems.append(f"{identifier}: not taken in, acting on it failed: {error}"[:300])
        return False
    return True
