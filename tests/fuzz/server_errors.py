"""The exceptions behind the served app's 5xx answers during a Schemathesis run, for its report."""

import logging
import re

from flask import got_request_exception, has_request_context, request

# A Flask rule as the OpenAPI document writes its path: /requests/<code> is /requests/{code}.
RULE_VARIABLE = re.compile(r"<(?:\w+:)?(\w+)>")
PATH_TEMPLATE = r"{\1}"


class ServerErrors(logging.Handler):
    """Collects, by operation, the exceptions the app's error handlers caught (logged by
    backend.errors) and those raised inside an error handler (got_request_exception)."""

    def __init__(self, app):
        super().__init__(logging.ERROR)
        self.app = app
        self.seen: list[tuple[str, BaseException]] = []

    def __enter__(self):
        logging.getLogger("backend.errors").addHandler(self)
        got_request_exception.connect(self._raised, self.app)
        return self

    def __exit__(self, *exc_info):
        got_request_exception.disconnect(self._raised, self.app)
        logging.getLogger("backend.errors").removeHandler(self)

    def emit(self, record):
        if record.exc_info:
            self._add(record.exc_info[1])

    def _raised(self, sender, exception, **extra):
        self._add(exception)

    def _add(self, error: BaseException) -> None:
        operation = "outside a request"
        if has_request_context():
            rule = request.url_rule.rule if request.url_rule else request.path
            operation = f"{request.method} {RULE_VARIABLE.sub(PATH_TEMPLATE, rule)}"
        self.seen.append((operation, error))

    def clear(self) -> None:
        self.seen.clear()

    def describe(self) -> str:
        lines = [f"  {operation}: {type(error).__name__}: {error}" for operation, error in self.seen]
        return "\nExceptions in the app:\n" + "\n".join(lines) if lines else ""
