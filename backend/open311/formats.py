"""Open311 answers in JSON or XML, and errors in the spec's format."""

from xml.etree.ElementTree import Element, SubElement, tostring

from flask import Response, jsonify

# The element name of one item of each list, as the GeoReport v2 XML examples write them.
ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "errors": "error",
}


def _fill(element: Element, value) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(SubElement(element, key), child)
    elif isinstance(value, list):
        for child in value:
            _fill(SubElement(element, ITEM_TAGS.get(element.tag, "item")), child)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = str(value)


def to_xml(root: str, value) -> bytes:
    element = Element(root)
    _fill(element, value)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(element, encoding="unicode").encode()


def render(value, root: str, fmt: str, status: int = 200) -> Response:
    """`value` as JSON, or as XML under the element `root`."""
    if fmt == "xml":
        return Response(to_xml(root, value), status=status, mimetype="text/xml")
    response = jsonify(value)
    response.status_code = status
    return response


def render_error(code: int, description: str, fmt: str) -> Response:
    return render([{"code": code, "description": description}], "errors", fmt, status=code)
