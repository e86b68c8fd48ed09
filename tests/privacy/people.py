"""People with distinctive names and contacts who act everywhere the app keeps personal data."""

from dataclasses import dataclass, field

from backend.accounts.models import User
from backend.accounts.sessions import start_session
from backend.extensions import db
from backend.open311.services import issue_key
from backend.push.models import PushSubscription

from ..factories import REQUESTS, auth_headers, jpeg, make_request, make_user, post_request


@dataclass
class Person:
    name: str
    email: str
    phone: str  # as stored, +62...
    user: User | None = None
    requests: list[str] = field(default_factory=list)  # codes of their own reports
    photos: list[str] = field(default_factory=list)  # stored names of their report photos
    texts: list[str] = field(default_factory=list)  # what they wrote, each distinctive

    @property
    def local_phone(self) -> str:
        return "0" + self.phone.removeprefix("+62")

    @property
    def device(self) -> str:
        return f"https://fcm.googleapis.com/fcm/send/{self.email.split('@')[0]}-ponsel"

    @property
    def user_agent(self) -> str:
        return f"Mozilla/5.0 (Linux; Android 14; {self.email.split('@')[0]}-hp)"

    def strings(self) -> list[str]:
        """What must not be left of them anywhere: name, e-mail and phone (its national digits)."""
        return [self.name, self.email, self.phone.removeprefix("+62")]


KARTIKA = dict(name="Kartika Zulfanindra", email="kartika.zulfanindra@contoh.id", phone="+6281299887766")
BAMBANG = dict(name="Bambang Wiratmoko", email="bambang.wiratmoko@contoh.id", phone="+6281355544433")


def register(details: dict) -> Person:
    person = Person(**details)
    person.user = make_user(name=person.name, email=person.email, phone=person.phone)
    return person


def act_everywhere(client, person: Person, neighbour: Person, staff, admin) -> None:
    """Reports (one with a photo, one resolved and rated, one a partner filed with their contacts),
    comments on their own and the neighbour's reports, a "me too", a push device, a consent, a
    sign-in and a one-time code; staff answer on their report, publicly and in an internal note
    naming them."""
    user, headers = person.user, auth_headers(person.user)
    mine = post_request(
        client,
        user,
        photos=[jpeg(color="blue")],
        description=f"Jalan berlubang. {person.name} bisa dihubungi di {person.local_phone}.",
    ).get_json()
    person.requests.append(mine["code"])
    person.photos.extend(photo["url"].rsplit("/", 1)[1].split("?")[0] for photo in mine["photos"])
    rated = make_request(reporter=user, status="resolved", description=f"Lampu mati kata {person.name}")
    person.requests.append(rated.code)
    feedback = f"Terima kasih, cepat sekali ({person.email})"
    rating = {"rating": 5, "feedback": feedback}
    assert client.post(f"{REQUESTS}/{rated.code}/rating", json=rating, headers=headers).status_code == 200
    person.texts.append(feedback)
    for code in (mine["code"], neighbour.requests[0] if neighbour.requests else mine["code"]):
        person.texts.append(comment(client, code, f"Komentar dari {person.name} untuk {code}", headers))
    if neighbour.requests:
        assert client.post(f"{REQUESTS}/{neighbour.requests[0]}/support", headers=headers).status_code == 200
    staff_headers = auth_headers(staff)
    comment(client, mine["code"], "Petugas DPU akan datang.", staff_headers)
    note = {"text": f"Sudah telepon {person.phone}"}
    assert (
        client.post(f"{REQUESTS}/{mine['code']}/notes", json=note, headers=staff_headers).status_code == 201
    )
    _partner_files_for(client, person, admin)
    db.session.add(PushSubscription(endpoint=person.device, p256dh="kunci", auth="rahasia", user_id=user.id))
    db.session.commit()
    consent = client.put("/api/v1/me/consents", json={"location": True}, headers=headers)
    assert consent.status_code == 200
    start_session(user, person.user_agent)
    assert client.post("/api/v1/auth/code", json={"login": person.email}).status_code == 202


def answer_on(client, person: Person, neighbour: Person) -> None:
    """The neighbour comments on the person's report and supports it."""
    code, headers = person.requests[0], auth_headers(neighbour.user)
    neighbour.texts.append(
        comment(client, code, f"Komentar dari {neighbour.name} untuk tetangganya", headers)
    )
    assert client.post(f"{REQUESTS}/{code}/support", headers=headers).status_code == 200


def comment(client, code: str, text: str, headers: dict) -> str:
    assert client.post(f"{REQUESTS}/{code}/comments", json={"text": text}, headers=headers).status_code == 201
    return text


def _partner_files_for(client, person: Person, admin) -> None:
    """A partner app files a report for them, giving their name, e-mail and phone as its contact."""
    first, last = person.name.split(" ", 1)
    response = client.post(
        "/open311/v2/requests.json",
        data={
            "api_key": issue_key(f"Mitra {first}", admin)[1],
            "service_code": "tanah-longsor",
            "lat": "-1.24",
            "long": "116.86",
            "description": f"Longsor, pelapor {person.name}",
            "first_name": first,
            "last_name": last,
            "email": person.email,
            "phone": person.local_phone,
            "attribute[dampak][]": ["menutup_jalan"],
        },
    )
    assert response.status_code == 200, response.get_data(as_text=True)
