"""City packs: everything city-specific, as data. One JSON file per city.

CITY_PACK names a bundled pack ("balikpapan") or gives the path of a JSON file.
The pack is validated on load, so a broken pack fails loudly at seed time.
"""

import json
from pathlib import Path

from marshmallow import Schema, ValidationError, fields, post_load, validate

from ..catalog.models import Datatype
from ..places.boundaries import read_boundaries

PACK_DIR = Path(__file__).parent


class _KelurahanPack(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^\d{4}$"))
    name = fields.String(required=True)
    common_name = fields.String(load_default=None)


class _KecamatanPack(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^\d{2}$"))
    name = fields.String(required=True)
    kelurahan = fields.List(fields.Nested(_KelurahanPack), required=True, validate=validate.Length(min=1))


class _OpdPack(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^[A-Z0-9_-]+$"))
    name = fields.String(required=True)
    short_name = fields.String(required=True)
    email = fields.String(load_default=None)
    phone = fields.String(load_default=None)
    address = fields.String(load_default=None)


class _CityPack(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^\d{2}\.\d{2}$"))
    name = fields.String(required=True)
    short_name = fields.String(required=True)
    request_prefix = fields.String(required=True, validate=validate.Regexp(r"^[A-Z]{2,5}$"))
    timezone = fields.String(required=True)
    default_language = fields.String(load_default="id", validate=validate.OneOf(["id", "en"]))
    center = fields.Dict(required=True)
    bbox = fields.List(fields.Float(), required=True, validate=validate.Length(equal=4))


class _Text(Schema):
    id = fields.String(required=True)
    en = fields.String()


class _ValuePack(Schema):
    key = fields.String(required=True)
    name = fields.Nested(_Text, required=True)


class _AttributePack(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9_]+$"))
    datatype = fields.String(required=True, validate=validate.OneOf([d.value for d in Datatype]))
    required = fields.Boolean(required=True)
    label = fields.Nested(_Text, required=True)
    description = fields.Nested(_Text)
    pattern = fields.String()
    public = fields.Boolean(required=True)
    values = fields.List(fields.Nested(_ValuePack))


class _SlaPack(Schema):
    response_hours = fields.Integer(required=True, validate=validate.Range(min=1))
    resolution_hours = fields.Integer(required=True, validate=validate.Range(min=1))


class _ServicePack(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9-]{2,40}$"))
    group = fields.String(required=True)
    name = fields.Nested(_Text, required=True)
    description = fields.Nested(_Text, required=True)
    keywords = fields.List(fields.String(), load_default=list)
    opd = fields.String(required=True)
    sla = fields.Nested(_SlaPack, required=True)
    needs_location = fields.Boolean(required=True)
    allows_anonymous = fields.Boolean(required=True)
    public = fields.Boolean(required=True)
    attributes = fields.List(fields.Nested(_AttributePack), load_default=list)


class _GroupPack(Schema):
    code = fields.String(required=True)
    name = fields.Nested(_Text, required=True)


class _EarthquakeRulePack(Schema):
    """A city-wide alert for an earthquake this strong this near, or felt in one of these places."""

    min_magnitude = fields.Float(load_default=5.0, validate=validate.Range(min=0, max=10))
    max_distance_km = fields.Float(load_default=300, validate=validate.Range(min=0))
    felt_names = fields.List(fields.String(), load_default=list)  # matched in BMKG's `Dirasakan`


_SEND_WHEN = validate.OneOf(["now", "draft"])  # sent at once, or a draft waiting for an operator


class _SendPolicyPack(Schema):
    weather = fields.Dict(keys=fields.String(), values=fields.String(validate=_SEND_WHEN), load_default=dict)
    earthquake = fields.String(load_default="now", validate=_SEND_WHEN)


class _WarningsPack(Schema):
    """Where the official warnings come from and what happens to them (warnings/)."""

    nowcast_url = fields.Url(load_default=None)  # BMKG's RSS list; BMKG_NOWCAST_URL overrides it
    earthquake_url = fields.Url(load_default=None)  # folder of autogempa.json etc.; BMKG_EARTHQUAKE_URL
    province_code = fields.String(load_default=None, validate=validate.Regexp(r"^\d{2}$"))
    poll_seconds = fields.Integer(load_default=120, validate=validate.Range(min=60))
    earthquake_rule = fields.Nested(_EarthquakeRulePack, load_default=lambda: _EarthquakeRulePack().load({}))
    # Weather by CAP severity (Extreme, Severe, Moderate, Minor, Unknown; unlisted: "draft").
    send = fields.Nested(_SendPolicyPack, load_default=lambda: _SendPolicyPack().load({}))
    # The OPD (code) whose name the warnings' articles carry; the pack's first OPD when not given.
    opd = fields.String(load_default=None)


class _IncidentsPack(Schema):
    """When a surge of reports opens an incident (incidents/detection.py): at least `min_reports` new
    reports of one service group in one kelurahan within `window_minutes`, and at least `factor`
    times the usual count (the same window at the same time of the week over `baseline_weeks`)."""

    window_minutes = fields.Integer(load_default=60, validate=validate.Range(min=5, max=24 * 60))
    baseline_weeks = fields.Integer(load_default=4, validate=validate.Range(min=1, max=52))
    min_reports = fields.Integer(load_default=5, validate=validate.Range(min=2))
    factor = fields.Float(load_default=3.0, validate=validate.Range(min=1))
    every_seconds = fields.Integer(load_default=60, validate=validate.Range(min=30))
    update_hours = fields.Integer(load_default=24, validate=validate.Range(min=1))  # a status update's life


class _RetentionPack(Schema):
    """How long the city keeps records (UU PDP 27/2022: no longer than their purpose needs).
    `reporter_contacts_months`: reporters' contacts on requests closed this long ago are removed;
    `audit_trail_months`: the audit trail's rows, deleted by the retention job once older
    (privacy/retention.py). The privacy notice says both."""

    reporter_contacts_months = fields.Integer(load_default=24, validate=validate.Range(min=1, max=1200))
    audit_trail_months = fields.Integer(load_default=60, validate=validate.Range(min=1, max=1200))


class _NoticePack(Schema):
    """One version of the privacy notice: Markdown per language, with {placeholders} filled from the
    pack (privacy/notices.py) so that the months and the controller are said in one place."""

    version = fields.String(required=True, validate=validate.Regexp(r"^[A-Za-z0-9._-]{1,20}$"))
    published = fields.Date(required=True)
    text = fields.Nested(_Text, required=True)


class _PrivacyPack(Schema):
    """UU PDP: who controls the data (an OPD of the pack, the city's Diskominfo) and every version
    of the privacy notice ever published, oldest first: the last one counts."""

    controller = fields.String(load_default=None)  # an OPD code; the pack's first OPD when not given
    notices = fields.List(fields.Nested(_NoticePack), required=True, validate=validate.Length(min=1))


class CityPackSchema(Schema):
    city = fields.Nested(_CityPack, required=True)
    kecamatan = fields.List(fields.Nested(_KecamatanPack), required=True, validate=validate.Length(min=1))
    opds = fields.List(fields.Nested(_OpdPack), required=True, validate=validate.Length(min=1))
    service_groups = fields.List(fields.Nested(_GroupPack), load_default=list)
    services = fields.List(fields.Nested(_ServicePack), load_default=list)
    # A GeoJSON file beside the pack with its kelurahan polygons (places/boundaries.py).
    boundaries = fields.String(load_default=None)
    warnings = fields.Nested(_WarningsPack, load_default=lambda: _WarningsPack().load({}))
    incidents = fields.Nested(_IncidentsPack, load_default=lambda: _IncidentsPack().load({}))
    retention = fields.Nested(_RetentionPack, load_default=lambda: _RetentionPack().load({}))
    privacy = fields.Nested(_PrivacyPack, required=True)

    @post_load
    def _warnings_opd(self, pack, **kwargs):
        codes = [opd["code"] for opd in pack["opds"]]
        warnings = pack["warnings"]
        warnings["opd"] = warnings["opd"] or codes[0]
        if warnings["opd"] not in codes:
            raise ValidationError(f"opd is not one of the pack's OPDs: {warnings['opd']}.", "warnings")
        return pack

    @post_load
    def _privacy_controller(self, pack, **kwargs):
        codes = [opd["code"] for opd in pack["opds"]]
        privacy = pack["privacy"]
        privacy["controller"] = privacy["controller"] or codes[0]
        if privacy["controller"] not in codes:
            message = f"controller is not one of the pack's OPDs: {privacy['controller']}."
            raise ValidationError(message, "privacy")
        versions = [notice["version"] for notice in privacy["notices"]]
        if len(set(versions)) != len(versions):
            raise ValidationError("Each privacy notice needs its own version.", "privacy")
        dates = [notice["published"] for notice in privacy["notices"]]
        if dates != sorted(dates):
            raise ValidationError("List the privacy notices oldest first.", "privacy")
        return pack


class CityPackError(Exception):
    pass


def pack_path(name_or_path: str) -> Path:
    if name_or_path.endswith(".json") or "/" in name_or_path:
        return Path(name_or_path)
    return PACK_DIR / f"{name_or_path}.json"


def load_pack(name_or_path: str) -> dict:
    """Read and validate a city pack."""
    path = pack_path(name_or_path)
    if not path.is_file():
        raise CityPackError(f"City pack not found: {path}")
    try:
        pack = CityPackSchema().load(json.loads(path.read_text(encoding="utf-8")))
        if pack["boundaries"]:
            pack["boundaries"] = read_boundaries(path.parent / pack["boundaries"], _kelurahan_names(pack))
    except (ValueError, ValidationError) as error:  # BoundaryError included
        raise CityPackError(f"City pack {path} is not valid: {error}") from error
    return pack


def _kelurahan_names(pack: dict) -> dict[str, str]:
    city = pack["city"]["code"]
    return {
        f"{city}.{kecamatan['code']}.{kelurahan['code']}": kelurahan["name"]
        for kecamatan in pack["kecamatan"]
        for kelurahan in kecamatan["kelurahan"]
    }
