"""What a notification says, in the device's language, and the JSON the service worker receives."""

import json

from ..errors import Invalid
from ..service_requests.models import STATUS_LABELS

MAX_PAYLOAD_BYTES = 3993  # the largest plaintext that fits one 4,096-byte aes128gcm record
MAX_ENDPOINT = 1024  # the longest endpoint a subscription may have
ICON = "/icons/icon-192.png"
BADGE = "/icons/badge-72.png"

TEXTS = {
    "id": {
        "status": ("Laporan {code} diperbarui", "Status: {status}."),
        "comment": ("Komentar baru pada laporan {code}", "{text}"),
        "reroute": ("Laporan {code} dialihkan", "Sekarang ditangani oleh {opd}."),
    },
    "en": {
        "status": ("Report {code} updated", "Status: {status}."),
        "comment": ("New comment on report {code}", "{text}"),
        "reroute": ("Report {code} was passed on", "Now handled by {opd}."),
    },
}


def payload(
    title: str, body: str, url: str, tag: str, campaign_id: int | None = None, endpoint: str | None = None
) -> bytes:
    """The JSON the service worker shows: title, body, icon, badge, tag and where a tap leads.
    A campaign's message also carries the device's own endpoint, so that the worker can report a
    tap as that subscription's even when the browser no longer hands out the subscription."""
    data = {"title": title, "body": body, "url": url, "tag": tag, "icon": ICON, "badge": BADGE}
    if campaign_id is not None:
        data["campaign"] = campaign_id
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return encoded if endpoint is None else with_endpoint(encoded, endpoint)


def with_endpoint(encoded: bytes, endpoint: str) -> bytes:
    """A payload with the device's endpoint added last, without encoding the rest again."""
    return encoded[:-1] + b',"endpoint":' + json.dumps(endpoint, ensure_ascii=False).encode() + b"}"


def check_size(encoded: bytes) -> None:
    if len(encoded) > MAX_PAYLOAD_BYTES:
        raise Invalid(errors={"body": ["The message is too long for a push notification."]})


def request_update(
    kind: str, locale: str, code: str, message: str | None = None, **values
) -> tuple[str, str]:
    """Title and body of a request update, in the device's language; staff's message to the
    resident, when they wrote one, follows the body in their own words."""
    language = locale if locale in TEXTS else "id"
    title, body = TEXTS[language][kind]
    if "status" in values:
        values["status"] = STATUS_LABELS[language][values["status"]]
    text = body.format(code=code, **values)
    if message and message.strip():
        text = f"{text} {message.strip()}"
    return title.format(code=code), text[:200]
