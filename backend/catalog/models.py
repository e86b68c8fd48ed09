"""Services and their attributes. Texts a person reads are {"id": ..., "en": ...} objects."""

from enum import StrEnum

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import TimestampMixin
from ..extensions import db
from ..places.models import Opd


class Datatype(StrEnum):
    """The six Open311 attribute datatypes."""

    STRING = "string"
    NUMBER = "number"
    DATETIME = "datetime"
    TEXT = "text"
    SINGLEVALUELIST = "singlevaluelist"
    MULTIVALUELIST = "multivaluelist"


LIST_DATATYPES = (Datatype.SINGLEVALUELIST, Datatype.MULTIVALUELIST)

# What a number attribute accepts unless an admin says otherwise: counts, centimetres and the rupiah
# of a micro business are never negative, and stay within a billion.
NUMBER_MINIMUM = 0
NUMBER_MAXIMUM = 1_000_000_000
# The bounds themselves stay where a double (and JavaScript) still counts in ones.
LARGEST_BOUND = 10**15
ONLY_NUMBERS_BOUNDED = "Only number attributes have a minimum and maximum."
MINIMUM_ABOVE_MAXIMUM = "The minimum must not be greater than the maximum."


def number_bounds(minimum: float | None, maximum: float | None) -> tuple[float, float]:
    """A number attribute's bounds, the defaults standing in for those not set."""
    return (
        NUMBER_MINIMUM if minimum is None else minimum,
        NUMBER_MAXIMUM if maximum is None else maximum,
    )


def bounds_problems(datatype: str, minimum: float | None, maximum: float | None) -> dict[str, list[str]]:
    """Field errors for the minimum and maximum an attribute of `datatype` would have; {} when they fit."""
    if datatype != Datatype.NUMBER:
        given = {"minimum": minimum, "maximum": maximum}
        return {name: [ONLY_NUMBERS_BOUNDED] for name, value in given.items() if value is not None}
    lowest, highest = number_bounds(minimum, maximum)
    return {"maximum": [MINIMUM_ABOVE_MAXIMUM]} if lowest > highest else {}


class ServiceGroup(db.Model):
    __tablename__ = "service_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[dict] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Service(TimestampMixin, db.Model):
    __tablename__ = "services"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("service_groups.id"), index=True)
    name: Mapped[dict] = mapped_column(JSON)
    description: Mapped[dict] = mapped_column(JSON)
    keywords: Mapped[list] = mapped_column(JSON, default=list)
    opd_id: Mapped[int] = mapped_column(ForeignKey("opds.id"), index=True)
    sla_response_hours: Mapped[int] = mapped_column(Integer)
    sla_resolution_hours: Mapped[int] = mapped_column(Integer)
    needs_location: Mapped[bool] = mapped_column(Boolean, default=True)
    allows_anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    # Requests of a public service are listed publicly; applications carrying personal data are not.
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    group: Mapped[ServiceGroup] = relationship(lazy="joined")
    opd: Mapped[Opd] = relationship(lazy="joined")
    attributes: Mapped[list["ServiceAttribute"]] = relationship(
        back_populates="service", order_by="ServiceAttribute.position", lazy="selectin"
    )

    @property
    def active_attributes(self) -> list["ServiceAttribute"]:
        return [attribute for attribute in self.attributes if attribute.is_active]


class ServiceAttribute(TimestampMixin, db.Model):
    """One field of a service's form. Deactivated, never deleted: past requests keep their values."""

    __tablename__ = "service_attributes"
    __table_args__ = (UniqueConstraint("service_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    datatype: Mapped[str] = mapped_column(String(20))
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[dict] = mapped_column(JSON)
    description: Mapped[dict | None] = mapped_column(JSON)
    pattern: Mapped[str | None] = mapped_column(String(200))
    values: Mapped[list | None] = mapped_column(JSON)
    # Number attributes only; None stands for NUMBER_MINIMUM / NUMBER_MAXIMUM.
    minimum: Mapped[float | None] = mapped_column(Float)
    maximum: Mapped[float | None] = mapped_column(Float)
    # Whether the value may appear in public answers; personal data (NIK, customer numbers) may not.
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    service: Mapped[Service] = relationship(back_populates="attributes")

    @property
    def value_keys(self) -> list[str]:
        return [value["key"] for value in self.values or []]

    @property
    def bounds(self) -> tuple[float, float] | None:
        """The smallest and largest value a number attribute accepts; None for other datatypes."""
        return number_bounds(self.minimum, self.maximum) if self.datatype == Datatype.NUMBER else None
