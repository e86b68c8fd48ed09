"""Reference data of the city, seeded from its city pack."""

from sqlalchemy import Boolean, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import TimestampMixin
from ..extensions import db


class City(TimestampMixin, db.Model):
    """The one city this deployment serves (a single row)."""

    __tablename__ = "cities"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    short_name: Mapped[str] = mapped_column(String(60))
    # Tracking codes of the city's requests start with it: BPN-7K3Q9.
    request_prefix: Mapped[str] = mapped_column(String(5))
    timezone: Mapped[str] = mapped_column(String(64))
    default_language: Mapped[str] = mapped_column(String(5), default="id")
    center_lat: Mapped[float] = mapped_column(Float)
    center_long: Mapped[float] = mapped_column(Float)
    bbox_south: Mapped[float] = mapped_column(Float)
    bbox_west: Mapped[float] = mapped_column(Float)
    bbox_north: Mapped[float] = mapped_column(Float)
    bbox_east: Mapped[float] = mapped_column(Float)

    @property
    def center(self) -> dict:
        return {"lat": self.center_lat, "long": self.center_long}

    @property
    def bbox(self) -> list[float]:
        return [self.bbox_south, self.bbox_west, self.bbox_north, self.bbox_east]

    def contains(self, lat: float, long: float) -> bool:
        """Whether a point lies inside the city's bounding box."""
        return self.bbox_south <= lat <= self.bbox_north and self.bbox_west <= long <= self.bbox_east


class Kecamatan(TimestampMixin, db.Model):
    __tablename__ = "kecamatan"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))

    kelurahan: Mapped[list["Kelurahan"]] = relationship(
        back_populates="kecamatan", order_by="Kelurahan.code", lazy="selectin"
    )


class Kelurahan(TimestampMixin, db.Model):
    __tablename__ = "kelurahan"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    common_name: Mapped[str | None] = mapped_column(String(120))
    kecamatan_id: Mapped[int] = mapped_column(ForeignKey("kecamatan.id"), index=True)

    kecamatan: Mapped[Kecamatan] = relationship(back_populates="kelurahan")


class Opd(TimestampMixin, db.Model):
    """A city agency (Organisasi Perangkat Daerah)."""

    __tablename__ = "opds"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(60))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(300))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
