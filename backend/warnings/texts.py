"""What a warning says, in Indonesian and in English: its article and its push messages.

A weather warning speaks in BMKG's own words (the CAP documents of both languages); an earthquake's
text is written here from BMKG's figures (magnitude, depth, distance, felt intensity and its tsunami
statement), which come in one language only.
"""

import re

from ..places.services import city_timezone, get_city
from .models import OfficialWarning, WarningKind

WORDS = {
    "id": {
        "area": "Kelurahan terdampak",
        "city_wide": "seluruh kota",
        "until": "Berlaku hingga",
        "time": "%d/%m/%Y %H.%M %Z",
        "quake": "Gempa M{magnitude} berjarak {distance} km dari {city}",
        "quake_lead": (
            "Gempa bumi bermagnitudo {magnitude} pada kedalaman {depth} km, {distance} km dari {city}."
        ),
        "when": "Waktu",
        "depth": "Kedalaman",
        "distance": "Jarak dari {city}",
        "felt": "Dirasakan (MMI)",
        "tsunami": "Potensi tsunami",
        "withdrawn": (
            "Dicabut: {headline}",
            "BMKG telah mencabut peringatan ini. Peringatan tersebut tidak berlaku lagi.",
        ),
        "left_the_city": (
            "Tidak berlaku lagi: {headline}",
            "Menurut pembaruan BMKG, peringatan ini tidak lagi mencakup wilayah {city}.",
        ),
    },
    "en": {
        "area": "Affected kelurahan",
        "city_wide": "the whole city",
        "until": "Valid until",
        "time": "%d/%m/%Y %H:%M %Z",
        "quake": "Earthquake M{magnitude}, {distance} km from {city}",
        "quake_lead": (
            "A magnitude {magnitude} earthquake at a depth of {depth} km, {distance} km from {city}."
        ),
        "when": "Time",
        "depth": "Depth",
        "distance": "Distance from {city}",
        "felt": "Felt (MMI)",
        "tsunami": "Tsunami potential",
        "withdrawn": ("Withdrawn: {headline}", "BMKG has withdrawn this warning. It no longer applies."),
        "left_the_city": (
            "No longer in force: {headline}",
            "BMKG's update of this warning no longer covers {city}.",
        ),
    },
}
# BMKG's tsunami statements (`Potensi`), which it gives in Indonesian only.
TSUNAMI_EN = (
    ("tidak berpotensi tsunami", "No tsunami potential"),
    ("berpotensi tsunami", "A tsunami is possible"),
    ("dirasakan untuk diteruskan", "The earthquake was felt; please pass this on"),
)
MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~!])")


def _plain(text: str) -> str:
    """BMKG's text shown as it is, never read as Markdown."""
    return MARKDOWN.sub(r"\\\1", text.strip())


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _number(value, language: str, digits: int = 1) -> str:
    shown = f"{float(value or 0):.{digits}f}"
    return shown.replace(".", ",") if language == "id" else shown


def _local(at, language: str) -> str:
    """A time in the city's time zone: 24/09/2026 17.27 WITA."""
    return at.astimezone(city_timezone()).strftime(WORDS[language]["time"])


def _tsunami(statement: str, language: str) -> str:
    if language == "id" or not statement:
        return statement
    lowered = statement.lower()
    return next((english for key, english in TSUNAMI_EN if key in lowered), f"BMKG: {statement}")


def _weather(warning: OfficialWarning, language: str, area: str, until: str) -> dict | None:
    text = warning.texts.get(language)
    if not text:
        return None
    words = WORDS[language]
    description, instruction = text.get("description", ""), text.get("instruction", "")
    section = [_plain(part) for part in (description, instruction) if part.strip()]
    return {
        "headline": _shorten(text.get("headline") or warning.event, 200),
        "lead": _shorten(description, 500),
        "lines": [*section, f"**{words['area']}:** {area}.  \n**{words['until']}:** {until}."],
        "push": f"{area}. {words['until']} {until}. {description}",
    }


def _earthquake(warning: OfficialWarning, language: str) -> dict:
    words, details, city = WORDS[language], warning.details, get_city().short_name
    figures = {
        "magnitude": _number(details.get("magnitude"), language),
        "depth": _number(details.get("depth_km"), language, 0),
        "distance": _number(details.get("distance_km"), language, 0),
        "city": city,
    }
    facts = [
        f"- {words['when']}: {_local(warning.sent_at, language)}",
        f"- {words['depth']}: {figures['depth']} km",
        f"- {words['distance'].format(city=city)}: {figures['distance']} km",
    ]
    if details.get("felt"):
        facts.append(f"- {words['felt']}: {_plain(details['felt'])}")
    if details.get("tsunami"):
        facts.append(f"- {words['tsunami']}: {_plain(_tsunami(details['tsunami'], language))}")
    lead = words["quake_lead"].format(**figures)
    where = warning.texts.get("id", {}).get("description", "")  # BMKG's `Wilayah`, Indonesian only
    tsunami = _tsunami(details.get("tsunami") or "", language).rstrip(".")
    push = f"{lead} {tsunami}." if tsunami else lead
    return {
        "headline": words["quake"].format(**figures),
        "lead": lead,
        "lines": [lead, "\n".join(facts), *([_plain(where)] if where and language == "id" else [])],
        "push": push,
    }


def _parts(warning: OfficialWarning, language: str, area_names: list[str] | None) -> dict | None:
    if warning.kind == WarningKind.EARTHQUAKE:
        return _earthquake(warning, language)
    words = WORDS[language]
    ends_at = _local(warning.expires_at, language)
    area = ", ".join(area_names) if area_names else words["city_wide"]
    return _weather(warning, language, area, ends_at)


def article(warning: OfficialWarning, area_names: list[str] | None) -> dict:
    """Title, summary and Markdown body: the Indonesian text, then the English, then the source."""
    indonesian, english = (_parts(warning, language, area_names) for language in ("id", "en"))
    body = list(indonesian["lines"])
    if english:
        body += ["---", f"## English\n\n### {_plain(english['headline'])}", *english["lines"]]
    source = f"Sumber: [BMKG]({warning.document_url})" if warning.document_url else "Sumber: BMKG"
    body += ["---", source]
    return {"title": indonesian["headline"], "summary": indonesian["lead"], "body": "\n\n".join(body)}


def push(warning: OfficialWarning, area_names: list[str] | None) -> dict:
    """The notification in both languages (English only when the warning has an English text)."""
    indonesian, english = (_parts(warning, language, area_names) for language in ("id", "en"))
    texts = {"title": _shorten(indonesian["headline"], 100), "body": _shorten(indonesian["push"], 300)}
    if english:
        texts |= {"title_en": _shorten(english["headline"], 100), "body_en": _shorten(english["push"], 300)}
    return texts


def withdrawal(original: OfficialWarning, reason: str = "withdrawn") -> dict:
    """The short message that follows a warning no longer in force, in both languages: BMKG
    withdrew it ("withdrawn", a Cancel) or its update no longer covers the city ("left_the_city")."""
    texts, city = {}, get_city().short_name
    for language, suffix in (("id", ""), ("en", "_en")):
        parts = _parts(original, language, None) or _parts(original, "id", None)
        title, body = WORDS[language][reason]
        texts[f"title{suffix}"] = _shorten(title.format(headline=parts["headline"]), 100)
        texts[f"body{suffix}"] = body.format(city=city)
    return texts
