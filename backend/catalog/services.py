"""Catalogue use cases: reading, seeding from the city pack, and admin edits."""

from sqlalchemy import select

from ..database import set_if_changed
from ..errors import Conflict, Invalid, NotFound
from ..extensions import db
from ..lookups import by_code
from ..places.models import Opd
from .models import LIST_DATATYPES, Datatype, Service, ServiceAttribute, ServiceGroup, bounds_problems

UNKNOWN_SERVICE = "Unknown service."


def list_services(group: str | None = None, include_inactive: bool = False) -> list[Service]:
    query = (
        select(Service).join(Service.group).order_by(ServiceGroup.position, Service.position, Service.code)
    )
    if group:
        query = query.where(ServiceGroup.code == group)
    if not include_inactive:
        query = query.where(Service.is_active.is_(True))
    return list(db.session.scalars(query))


def list_groups() -> list[ServiceGroup]:
    return list(db.session.scalars(select(ServiceGroup).order_by(ServiceGroup.position)))


def get_service(code: str, include_inactive: bool = False) -> Service:
    service = db.session.scalar(select(Service).where(Service.code == code))
    if service is None or (not service.is_active and not include_inactive):
        raise NotFound(UNKNOWN_SERVICE)
    return service


def _group(code: str) -> ServiceGroup:
    return by_code(ServiceGroup, code, "group", "Unknown service group.")


def _opd(code: str) -> Opd:
    return by_code(Opd, code, "opd", "Unknown OPD.")


def _apply_service_changes(service: Service, changes: dict) -> None:
    for name, value in changes.items():
        if name == "group":
            service.group = _group(value)
        elif name == "opd":
            service.opd = _opd(value)
        elif name != "attributes":
            setattr(service, name, value)
    if service.sla_response_hours and service.sla_resolution_hours < service.sla_response_hours:
        raise Invalid(errors={"sla_resolution_hours": ["Must not be shorter than the response time."]})


def create_service(data: dict) -> Service:
    if db.session.scalar(select(Service.id).where(Service.code == data["code"])) is not None:
        raise Conflict("A service with this code already exists.")
    service = Service(code=data["code"])
    with db.session.no_autoflush:
        _apply_service_changes(service, data)
    db.session.add(service)
    for position, attribute in enumerate(data.get("attributes", [])):
        service.attributes.append(ServiceAttribute(**({"position": position} | attribute)))
    db.session.commit()
    return service


def update_service(code: str, changes: dict) -> Service:
    service = get_service(code, include_inactive=True)
    _apply_service_changes(service, changes)
    db.session.commit()
    return service


def add_attribute(code: str, data: dict) -> Service:
    service = get_service(code, include_inactive=True)
    if any(attribute.code == data["code"] for attribute in service.attributes):
        raise Conflict("An attribute with this code already exists.")
    position = data.pop("position", len(service.attributes))
    service.attributes.append(ServiceAttribute(position=position, **data))
    db.session.commit()
    return service


def update_attribute(code: str, attribute_code: str, changes: dict) -> Service:
    """Edit or deactivate an attribute; the datatype and code never change, so old values stay readable."""
    service = get_service(code, include_inactive=True)
    attribute = next((a for a in service.attributes if a.code == attribute_code), None)
    if attribute is None:
        raise NotFound("Unknown attribute.")
    if "values" in changes and attribute.datatype in LIST_DATATYPES and len(changes["values"] or []) < 2:
        raise Invalid(errors={"values": ["A list needs at least two values."]})
    if changes.get("pattern") and attribute.datatype != Datatype.STRING:
        raise Invalid(errors={"pattern": ["Only string attributes have a pattern."]})
    minimum, maximum = changes.get("minimum", attribute.minimum), changes.get("maximum", attribute.maximum)
    problems = bounds_problems(attribute.datatype, minimum, maximum)
    if problems:
        raise Invalid(errors=problems)
    for name, value in changes.items():
        setattr(attribute, name, value)
    db.session.commit()
    return service


def seed_catalog(pack: dict) -> None:
    """Load the pack's groups and services; running it again changes nothing, edits are applied."""
    for position, group_data in enumerate(pack.get("service_groups", [])):
        group = db.session.scalar(select(ServiceGroup).where(ServiceGroup.code == group_data["code"]))
        if group is None:
            group = ServiceGroup(code=group_data["code"])
            db.session.add(group)
        set_if_changed(group, {"name": group_data["name"], "position": position})
    db.session.flush()
    for position, data in enumerate(pack.get("services", [])):
        _seed_service(data, position)
    db.session.commit()


def _seed_service(data: dict, position: int) -> None:
    values = {
        "name": data["name"],
        "description": data["description"],
        "keywords": data["keywords"],
        "group": _group(data["group"]),
        "opd": _opd(data["opd"]),
        "sla_response_hours": data["sla"]["response_hours"],
        "sla_resolution_hours": data["sla"]["resolution_hours"],
        "needs_location": data["needs_location"],
        "allows_anonymous": data["allows_anonymous"],
        "is_public": data["public"],
        "position": position,
    }
    service = db.session.scalar(select(Service).where(Service.code == data["code"]))
    if service is None:
        service = Service(code=data["code"])
        db.session.add(service)
    set_if_changed(service, values)
    existing = {attribute.code: attribute for attribute in service.attributes}
    for attribute_position, attribute_data in enumerate(data["attributes"]):
        attribute = existing.get(attribute_data["code"])
        if attribute is None:
            attribute = ServiceAttribute(code=attribute_data["code"])
            service.attributes.append(attribute)
        set_if_changed(
            attribute,
            {
                "datatype": attribute_data["datatype"],
                "required": attribute_data["required"],
                "position": attribute_position,
                "label": attribute_data["label"],
                "description": attribute_data.get("description"),
                "pattern": attribute_data.get("pattern"),
                "values": attribute_data.get("values"),
                "is_public": attribute_data["public"],
            },
        )
