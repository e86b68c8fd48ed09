"""A month of demo requests for `flask seed --demo`, so that the command centre is alive on the first
run. Their times are relative to now; the generator is seeded, so two runs on the same day make the
same requests (on another day the weekday pattern moves with the calendar)."""

import math
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from .accounts.models import User
from .catalog.models import Datatype, Service, ServiceAttribute
from .database import utcnow
from .demo import DEMO_RESIDENT_EMAIL
from .extensions import db
from .places.models import Kecamatan, Kelurahan
from .places.services import city_boundaries, city_timezone, get_city
from .security import Role
from .service_requests import codes
from .service_requests.models import EventKind, RequestEvent, ServiceRequest, Status

SOURCE = "demo"
SEED = 6471
TOTAL = 1500
DAYS = 30
RESIDENT_REQUESTS = 20
REJECTED_SHARE = 0.05
JITTER_DEGREES = 0.0135  # about 1.5 km

# Rough centres of the kecamatan (the pack has codes, not shapes) and their share of the reports.
KECAMATAN_AREAS = {
    "64.71.01": (-1.220, 116.960, 0.8),  # Balikpapan Timur
    "64.71.02": (-1.220, 116.810, 0.9),  # Balikpapan Barat
    "64.71.03": (-1.195, 116.870, 1.2),  # Balikpapan Utara
    "64.71.04": (-1.240, 116.845, 1.0),  # Balikpapan Tengah
    "64.71.05": (-1.255, 116.880, 1.3),  # Balikpapan Selatan
    "64.71.06": (-1.272, 116.829, 0.8),  # Balikpapan Kota
}
DAY_WEIGHTS = (1.0, 1.0, 1.0, 1.0, 0.9, 0.6, 0.45)  # Monday to Sunday
HOUR_WEIGHTS = (2, 1, 1, 1, 2, 5, 10, 16, 20, 20, 19, 17, 15, 16, 16, 15, 13, 12, 11, 11, 9, 7, 4, 3)

# How often each service is asked for: everyday nuisances often, applications and emergencies rarely.
SERVICE_WEIGHTS = (
    dict.fromkeys(("jalan-berlubang", "sampah-menumpuk", "drainase-tersumbat", "lampu-jalan-mati"), 14)
    | dict.fromkeys(("air-pdam-mati", "banjir-genangan", "kebocoran-pipa-air", "parkir-liar"), 6)
    | dict.fromkeys(("trotoar-rusak", "air-pdam-keruh", "pohon-tumbang", "pkl-liar", "nyamuk-dbd"), 3)
    | dict.fromkeys(("tanah-longsor", "bangunan-rawan-kebakaran", "permohonan-informasi-publik"), 0.5)
)  # every other service: 1.5
DESCRIPTIONS = {
    "jalan-berlubang": "Jalan berlubang cukup dalam, sudah ada pengendara motor yang jatuh.",
    "sampah-menumpuk": "Sampah menumpuk di luar TPS dan belum diangkut, baunya menyengat.",
    "drainase-tersumbat": "Parit tersumbat sampah dan lumpur, air meluap ke jalan setiap hujan.",
    "lampu-jalan-mati": "Lampu jalan mati sejak minggu lalu, jalan gelap dan rawan di malam hari.",
    "air-pdam-mati": "Air PDAM tidak mengalir sejak kemarin pagi di rumah kami dan tetangga.",
    "banjir-genangan": "Jalan tergenang setinggi lutut setelah hujan deras, motor tidak bisa lewat.",
    "kebocoran-pipa-air": "Pipa air bocor di pinggir jalan, air terus mengalir dan jalan jadi licin.",
    "parkir-liar": "Banyak mobil parkir di badan jalan sehingga macet setiap sore.",
    "trotoar-rusak": "Trotoar amblas dan paving lepas, berbahaya bagi pejalan kaki.",
    "air-pdam-keruh": "Air PDAM keruh kecokelatan dan berbau sejak dua hari ini.",
    "pohon-tumbang": "Pohon besar tumbang menutupi sebagian badan jalan dan menimpa kabel.",
    "pkl-liar": "Pedagang berjualan di trotoar sehingga pejalan kaki harus turun ke jalan.",
    "nyamuk-dbd": "Ada dua warga di RT kami terkena DBD, mohon pemeriksaan dan fogging.",
    "fasilitas-umum-rusak": "Ayunan di taman bermain patah dan bangkunya rusak.",
    "pencemaran-lingkungan": "Limbah hitam berbau dibuang ke sungai dari sebuah tempat usaha.",
    "rambu-lalu-lintas-rusak": "Rambu dilarang parkir roboh dan tergeletak di pinggir jalan.",
    "reklame-liar": "Banyak spanduk dipaku di pohon dan tiang listrik tanpa izin.",
    "kartu-kuning-ak1": "Mohon dibuatkan kartu kuning untuk melamar pekerjaan.",
    "lampu-lalu-lintas-mati": "Lampu lalu lintas di simpang mati total, kendaraan saling serobot.",
    "evakuasi-hewan": "Ada ular cukup besar masuk ke halaman rumah, anak-anak ketakutan.",
    "warga-terlantar": "Ada lansia yang tidur di emperan toko beberapa malam terakhir.",
    "legalisir-dokumen-kependudukan": "Mohon legalisir fotokopi KK untuk pendaftaran sekolah.",
    "tanah-longsor": "Tebing di belakang rumah warga longsor dan menutup sebagian jalan.",
    "nib-usaha-mikro": "Saya ingin dibantu membuat NIB untuk warung makan saya.",
    "bangunan-rawan-kebakaran": "Kabel listrik semrawut di gang padat, sering ada percikan api.",
    "permohonan-informasi-publik": "Mohon data anggaran perbaikan jalan di kelurahan kami tahun ini.",
}
RESOLUTION_NOTES = {
    "jalan-berlubang": "Lubang sudah ditambal dengan aspal oleh tim lapangan.",
    "sampah-menumpuk": "Sampah sudah diangkut dan area TPS dibersihkan.",
    "drainase-tersumbat": "Saluran sudah dikeruk dan air kembali mengalir.",
    "lampu-jalan-mati": "Lampu PJU sudah diganti dan menyala kembali.",
    "air-pdam-mati": "Aliran air sudah normal kembali setelah perbaikan jaringan.",
    "banjir-genangan": "Genangan sudah surut; saluran yang tersumbat sudah dibuka.",
    "kebocoran-pipa-air": "Pipa yang bocor sudah diganti oleh tim teknik.",
    "parkir-liar": "Parkir sudah ditertibkan dan rambu larangan dipasang.",
    "trotoar-rusak": "Paving trotoar sudah dipasang kembali dan diratakan.",
    "air-pdam-keruh": "Jaringan sudah dikuras dan kualitas air sudah diperiksa.",
    "pohon-tumbang": "Pohon sudah dipotong dan dievakuasi dari badan jalan.",
    "pkl-liar": "Pedagang sudah ditertibkan dan diarahkan ke lokasi yang diizinkan.",
    "nyamuk-dbd": "Penyelidikan epidemiologi sudah dilakukan dan fogging dilaksanakan.",
    "fasilitas-umum-rusak": "Fasilitas taman sudah diperbaiki.",
    "pencemaran-lingkungan": "Sampel sudah diambil dan pelaku usaha diberi teguran tertulis.",
    "rambu-lalu-lintas-rusak": "Rambu sudah dipasang kembali.",
    "reklame-liar": "Spanduk dan reklame liar sudah dicopot.",
    "kartu-kuning-ak1": "Kartu AK/1 sudah terbit dan dapat diambil di kantor Disnaker.",
    "lampu-lalu-lintas-mati": "Kontroler lampu lalu lintas sudah diperbaiki.",
    "evakuasi-hewan": "Hewan sudah dievakuasi dengan aman.",
    "warga-terlantar": "Warga sudah dijangkau petugas dan dibawa ke rumah singgah.",
    "legalisir-dokumen-kependudukan": "Dokumen sudah dilegalisir dan siap diambil.",
    "tanah-longsor": "Material longsor sudah dibersihkan dan tebing ditutup terpal.",
    "nib-usaha-mikro": "NIB sudah terbit melalui OSS dengan pendampingan petugas.",
    "bangunan-rawan-kebakaran": "Lokasi sudah diperiksa dan warga mendapat edukasi pencegahan.",
    "permohonan-informasi-publik": "Informasi sudah dikirim kepada pemohon dalam salinan elektronik.",
}
OTHER_DESCRIPTION = "Mohon segera ditindaklanjuti."
OTHER_RESOLUTION = "Laporan sudah ditindaklanjuti petugas."
DESCRIPTION_ENDINGS = ("", "", " Mohon segera ditindaklanjuti.", " Sudah berhari-hari.", " Mengganggu warga.")
ACCEPTED_NOTE = "Laporan diterima dan diteruskan ke tim lapangan."
IN_PROGRESS_NOTE = "Petugas sedang menangani."
DUPLICATE_NOTE = "Masalah yang sama sudah dilaporkan di {code} dan ditangani di sana."
REJECTION_NOTES = (
    "Lokasi berada di jalan nasional; laporan diteruskan ke instansi yang berwenang.",
    "Informasi kurang lengkap; silakan kirim laporan baru dengan foto dan lokasi yang jelas.",
)
FEEDBACK = {
    1: ("Tidak ada perbaikan yang berarti, masalahnya masih sama.", "Kecewa, ditutup padahal belum beres."),
    2: ("Lama sekali baru ditangani.", "Perbaikannya seadanya, sebentar lagi pasti rusak lagi."),
    3: ("Sudah ditangani tapi agak lama.", "Lumayan, tapi hasilnya belum maksimal."),
    4: ("Sudah beres, terima kasih. Semoga lebih cepat lagi.", "Penanganan baik, hasilnya rapi."),
    5: ("Cepat sekali ditangani, terima kasih!", "Mantap, petugasnya ramah dan sigap."),
}
CONTACT_NAMES = ("Budi Santoso", "Siti Rahmawati", "Andi Pratama", "Dewi Lestari", "Rudi Hartono")


@dataclass(frozen=True)
class Pace:
    """How an OPD works: answer and finish times as fractions of the SLA hours, the share of requests
    left lying, and the weights of ratings 1 to 5."""

    response: float
    resolution: float
    stall: float
    ratings: tuple[int, ...]


PACES = {
    "DLH": Pace(0.25, 0.45, 0.02, (1, 2, 6, 31, 60)),
    "PTM": Pace(0.5, 0.8, 0.05, (3, 6, 16, 40, 35)),
    "DPU": Pace(0.9, 1.15, 0.12, (9, 12, 24, 33, 22)),
}
USUAL_PACE = Pace(0.5, 0.7, 0.04, (3, 4, 13, 38, 42))


@dataclass
class Step:
    """A change on a request's timeline: a status (or a rating), when, and what was said."""

    kind: str
    at: datetime
    note: str | None = None


def seed_demo_requests() -> int:
    """About 1,500 requests over the last 30 days with their timelines; none when demo requests exist."""
    if db.session.scalar(select(ServiceRequest.id).where(ServiceRequest.source == SOURCE).limit(1)):
        return 0
    return _DemoMonth().seed()


class _DemoMonth:
    """Every random number is drawn whatever the time of day, so the sequence never shifts; what
    has not happened yet by now is left out afterwards."""

    def __init__(self):
        self.rng = random.Random(SEED)  # noqa: S311 (repeatable demo data, not a secret)
        self.now = utcnow()
        self.city = get_city()
        self.boundaries = city_boundaries()
        self.services = list(
            db.session.scalars(select(Service).where(Service.is_active).order_by(Service.id))
        )
        self.service_weights = [SERVICE_WEIGHTS.get(service.code, 1.5) for service in self.services]
        self.kecamatan = list(db.session.scalars(select(Kecamatan).order_by(Kecamatan.code)))
        self.resident = db.session.scalar(select(User).where(User.email == DEMO_RESIDENT_EMAIL))
        self.taken = set(db.session.scalars(select(ServiceRequest.code)))
        self.latest: dict[tuple[int, int], ServiceRequest] = {}  # by service and kecamatan
        self.duplicates: list[tuple[ServiceRequest, ServiceRequest]] = []

    def seed(self) -> int:
        """Insert the requests and their timelines in one transaction."""
        moments = _moments(self.rng, self.now)
        mine = set(self.rng.sample(range(TOTAL), RESIDENT_REQUESTS)) if self.resident else set()
        drafts = [self._draft(created, index in mine) for index, created in enumerate(moments)]
        drafts.sort(key=lambda rows: rows[0].created_at)  # ids in filing order, as in real life
        db.session.add_all([row for rows in drafts for row in rows])
        db.session.flush()
        # Linked once both have ids: a relationship set before the insert would reorder it.
        links = [
            {"id": r.id, "duplicate_of_id": o.id, "updated_at": r.updated_at} for r, o in self.duplicates
        ]
        if links:
            db.session.execute(update(ServiceRequest), links)
        db.session.commit()
        return len(drafts)

    def _draft(self, created: datetime, by_resident: bool) -> list[ServiceRequest | RequestEvent]:
        """A request brought up to now, and the timeline that got it there."""
        service = self.rng.choices(self.services, self.service_weights)[0]
        kelurahan, lat, long = self._place()
        planned = _plan(self.rng, service, created)
        rejection = self.rng.random()
        request = self._request(service, created, by_resident)
        request.kelurahan_id, request.kecamatan_id = kelurahan.id, kelurahan.kecamatan_id
        if service.needs_location:
            request.lat, request.long = lat, long
            request.address = f"RT {self.rng.randint(1, 60):02d}, Kel. {kelurahan.name}"
        key = (service.id, kelurahan.kecamatan_id)
        steps = [step for step in planned if step.at <= self.now]
        if planned[-1:] and planned[-1].kind == Status.REJECTED:
            planned[-1].note = self._rejection_note(request, self.latest.get(key), rejection, steps)
        else:
            self.latest[key] = request
        _apply(request, steps)
        rating = self._rating(request, PACES.get(service.opd.code, USUAL_PACE))
        return [request, *_timeline(request, steps + ([rating] if rating else []))]

    def _request(self, service: Service, created: datetime, by_resident: bool) -> ServiceRequest:
        rng = self.rng
        ending, supported, supporters = rng.choice(DESCRIPTION_ENDINGS), rng.random(), rng.paretovariate(1.2)
        contact = {"name": rng.choice(CONTACT_NAMES), "phone": f"0812{rng.randrange(10**8):08d}"}
        reporter_id = self.resident.id if by_resident else None
        code = self._code()
        return ServiceRequest(
            code=code,
            service_id=service.id,
            opd_id=service.opd_id,
            status=Status.SUBMITTED,
            description=DESCRIPTIONS.get(service.code, OTHER_DESCRIPTION)
            + (ending if service.needs_location else ""),
            attribute_values=_attribute_values(rng, service),
            reporter_id=reporter_id,
            # Applications need an account; those without one came with a contact, as from a partner.
            contact=None if reporter_id or service.allows_anonymous else contact,
            source=SOURCE,
            is_public=service.is_public,
            tracking_token_hash=None if reporter_id else codes.token_hash(codes.tracking_token(code)),
            content_hash=f"{rng.getrandbits(256):064x}",
            response_due_at=created + timedelta(hours=service.sla_response_hours),
            sla_due_at=created + timedelta(hours=service.sla_resolution_hours),
            supporter_count=min(int(supporters), 50) if service.is_public and supported < 0.25 else 0,
            created_at=created,
        )

    def _place(self) -> tuple[Kelurahan, float, float]:
        """A kelurahan of a kecamatan drawn by its weight, and a point inside the kelurahan's polygon
        (without boundaries in the pack: within about 1.5 km of the kecamatan's centre)."""
        rng, city = self.rng, self.city
        areas = [KECAMATAN_AREAS.get(k.code, (city.center_lat, city.center_long, 1)) for k in self.kecamatan]
        index = rng.choices(range(len(areas)), [area[2] for area in areas])[0]
        kelurahan = rng.choice(self.kecamatan[index].kelurahan)
        if self.boundaries:
            return kelurahan, *self._point_in(kelurahan)
        distance, angle = JITTER_DEGREES * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
        lat = min(max(areas[index][0] + distance * math.sin(angle), city.bbox_south), city.bbox_north)
        long = min(max(areas[index][1] + distance * math.cos(angle), city.bbox_west), city.bbox_east)
        return kelurahan, round(lat, 6), round(long, 6)

    def _point_in(self, kelurahan: Kelurahan) -> tuple[float, float]:
        """A point drawn evenly over the kelurahan's bounding box until its polygon holds it."""
        west, south, east, north = self.boundaries.geometry_of(kelurahan.code).bounds
        while True:
            lat, long = round(self.rng.uniform(south, north), 6), round(self.rng.uniform(west, east), 6)
            found = self.boundaries.kelurahan_at(lat, long)
            if found and found.code == kelurahan.code:
                return lat, long

    def _rejection_note(
        self, request: ServiceRequest, earlier: ServiceRequest | None, draw: float, steps: list[Step]
    ) -> str:
        """Half the rejections point at the same problem reported nearby in the week before; the
        request is linked to it only once the rejection has happened by now."""
        if (
            earlier
            and draw < 0.5
            and timedelta(0) < request.created_at - earlier.created_at < timedelta(days=7)
        ):
            if steps[-1:] and steps[-1].kind == Status.REJECTED:
                self.duplicates.append((request, earlier))
            return DUPLICATE_NOTE.format(code=earlier.code)
        return REJECTION_NOTES[draw < 0.75]

    def _rating(self, request: ServiceRequest, pace: Pace) -> Step | None:
        """About 60% of finished requests are rated, mostly 4-5, lower at a slow OPD or when late."""
        rng = self.rng
        rated, stars, delay = rng.random(), rng.choices(range(1, 6), pace.ratings)[0], rng.uniform(1, 48)
        commented = rng.random()
        if request.resolved_at is None or rated >= 0.6:
            return None
        rated_at = request.resolved_at + timedelta(hours=delay)
        if rated_at > self.now:
            return None
        late = request.resolved_at > request.sla_due_at
        request.rating = max(1, stars - 1) if late else stars
        request.feedback = FEEDBACK[request.rating][commented < 0.3] if commented < 0.6 else None
        request.rated_at = rated_at
        return Step(EventKind.RATING, rated_at, request.feedback)

    def _code(self) -> str:
        code = codes.new_code(self.city.request_prefix)
        while code in self.taken:
            code = codes.new_code(self.city.request_prefix)
        self.taken.add(code)
        return code


def _moments(rng: random.Random, now: datetime) -> list[datetime]:
    """When the requests were filed: more on weekdays, more by day than at night, in city time.
    Oldest first, ordered before the clock is looked at, so that the draws that follow never change."""
    today = now.astimezone(city_timezone()).replace(hour=0, minute=0, second=0, microsecond=0)
    days = [today - timedelta(days=back) for back in range(DAYS)]
    day_weights = [DAY_WEIGHTS[day.weekday()] for day in days]
    filed = []
    for _ in range(TOTAL):
        day, hour = rng.choices(days, day_weights)[0], rng.choices(range(24), HOUR_WEIGHTS)[0]
        filed.append((day + timedelta(hours=hour, seconds=rng.randrange(3600))).astimezone(UTC))
    # Today's later hours have not come yet: the same hour a week earlier stands in for them.
    return [moment if moment <= now else moment - timedelta(days=7) for moment in sorted(filed)]


def _plan(rng: random.Random, service: Service, created: datetime) -> list[Step]:
    """The status changes a request goes through at its OPD's pace, those still to come included."""
    pace = PACES.get(service.opd.code, USUAL_PACE)
    respond = service.sla_response_hours * rng.lognormvariate(math.log(pace.response), 0.5)
    resolve = service.sla_resolution_hours * rng.lognormvariate(math.log(pace.resolution), 0.45)
    resolve = max(resolve, respond + 1)
    start = respond + (resolve - respond) * rng.uniform(0.1, 0.6)
    close = resolve + rng.uniform(24, 120)
    fate, stage, closes = rng.random(), rng.randrange(3), rng.random() < 0.7

    def at(hours: float) -> datetime:
        return created + timedelta(hours=hours)

    accepted = Step(Status.ACCEPTED, at(respond), ACCEPTED_NOTE)
    started = Step(Status.IN_PROGRESS, at(start), IN_PROGRESS_NOTE)
    if fate < REJECTED_SHARE:  # rejected on arrival, or once looked at
        return [accepted, Step(Status.REJECTED, at(start))] if stage else [Step(Status.REJECTED, at(respond))]
    if fate < REJECTED_SHARE + pace.stall:  # left lying: these become the overdue ones
        return [accepted, started][:stage]
    resolved = Step(Status.RESOLVED, at(resolve), RESOLUTION_NOTES.get(service.code, OTHER_RESOLUTION))
    return [accepted, started, resolved] + ([Step(Status.CLOSED, at(close))] if closes else [])


def _apply(request: ServiceRequest, steps: list[Step]) -> None:
    """Set the status and its timestamps from the changes that have happened by now."""
    if steps:
        request.status, request.first_response_at = steps[-1].kind, steps[0].at
    for step in steps:
        if step.kind == Status.RESOLVED:
            request.resolved_at = step.at
        if step.kind in (Status.CLOSED, Status.REJECTED):
            request.closed_at = step.at


def _timeline(request: ServiceRequest, steps: list[Step]) -> list[RequestEvent]:
    """The created event, the OPD's status events and the reporter's rating, in time order."""
    reporter = {
        "author_id": request.reporter_id,
        "author_role": Role.RESIDENT if request.reporter_id else None,
    }
    staff = {"author_role": Role.OPD_STAFF, "author_opd_id": request.opd_id}
    events = [
        RequestEvent(
            kind=EventKind.CREATED, to_status=Status.SUBMITTED, created_at=request.created_at, **reporter
        )
    ]
    previous = Status.SUBMITTED
    for step in sorted(steps, key=lambda step: step.at):
        if step.kind == EventKind.RATING:
            events.append(RequestEvent(kind=EventKind.RATING, text=step.note, created_at=step.at, **reporter))
            continue
        status = {"from_status": previous, "to_status": step.kind}
        events.append(
            RequestEvent(kind=EventKind.STATUS, text=step.note, created_at=step.at, **status, **staff)
        )
        previous = step.kind
    for event in events:
        event.request = request
    request.updated_at = events[-1].created_at
    return events


def _attribute_values(rng: random.Random, service: Service) -> dict:
    """A plausible value for each required attribute; optional ones are left out, as people do."""
    return {
        attribute.code: _value(rng, attribute)
        for attribute in service.active_attributes
        if attribute.required
    }


def _value(rng: random.Random, attribute: ServiceAttribute):
    match attribute.datatype:
        case Datatype.SINGLEVALUELIST:
            return rng.choice(attribute.value_keys)
        case Datatype.MULTIVALUELIST:
            return rng.sample(attribute.value_keys, rng.randint(1, 2))
        case Datatype.NUMBER:
            return rng.randint(1, 60)
        case Datatype.DATETIME:
            return (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(35 * 365))).isoformat()
        case Datatype.STRING if attribute.pattern:  # the NIK: 16 digits, the city's region code first
            return "6471" + "".join(str(rng.randrange(10)) for _ in range(12))
        case _:
            return "Data contoh untuk demo."
