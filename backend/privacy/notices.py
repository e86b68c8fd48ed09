"""The privacy notice: its versions are data in the city pack (citypacks._PrivacyPack); the last one
listed is current. Placeholders in the text are filled from the same pack, so the retention months
and the controller are stated once."""

from ..errors import Invalid
from ..news.markdown import render
from ..places.services import privacy_settings

OLD_VERSION = "This is not the current privacy notice (version {current}). Read it and accept it again."
UNKNOWN_VERSION = "Unknown privacy notice version. Read the current notice (version {current}) and accept it."
CONTROLLER_FIELDS = ("code", "name", "short_name", "email", "phone", "address")


def current_version() -> str:
    return privacy_settings()["notices"][-1]["version"]


def current_notice() -> dict:
    """The current notice with its text (Markdown) and HTML in both languages."""
    settings = privacy_settings()
    notice = settings["notices"][-1]
    controller = settings["controller"]
    values = {"city": settings["city"], "controller": controller["name"], **settings["retention"]}
    texts = {language: text.format_map(values) for language, text in notice["text"].items()}
    return {
        "version": notice["version"],
        "published": notice["published"],
        "controller": {key: controller.get(key) for key in CONTROLLER_FIELDS},
        "retention": settings["retention"],
        "text": texts,
        "html": {language: render(text) for language, text in texts.items()},
    }


def require_current(version: str, field: str = "privacy_version") -> None:
    """Refuse an acceptance of any notice but the current one, telling an old version apart."""
    current = current_version()
    if version == current:
        return
    known = {notice["version"] for notice in privacy_settings()["notices"]}
    message = OLD_VERSION if version in known else UNKNOWN_VERSION
    raise Invalid(errors={field: [message.format(current=current)]})
