"""The exceptions behind the served app's 5xx answers during a Schemathesis run, and which of them are
known problems being fixed on another branch: a run that hits only those does not fail the fuzz test."""

import logging
import re
import traceback

from flask import got_request_exception, has_request_context, request

# Fixed on branch `inputs` (issue 12: error keys kept as strings); where that fix is in, these never
# happen and this module can go.
KNOWN_PROBLEMS = {
    "error keys of mixed types (an int index or a None name next to field names), which the JSON "
    "provider cannot sort": lambda error, frames: (
        isinstance(error, TypeError)
        and "not supported between instances" in str(error)
        and "error_response" in frames
    ),
}
# What such a crash is to Schemathesis: a 5xx, in Werkzeug's HTML page when it happened inside an
# error handler.
CRASH_FAILURES = {"ST101", "ST105"}
# A Flask rule as the OpenAPI document writes its path: /requests/<code> is /requests/{code}.
RULE_VARIABLE = re.compile(r"<(?:\w+:)?(\w+)>")
PATH_TEMPLATE = r"{\1}"


def known_problem(error: BaseException) -> str | None:
    frames = {frame.name for frame in traceback.extract_tb(error.__traceback__)}
    return next((name for name, matches in KNOWN_PROBLEMS.items() if matches(error, frames)), None)


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

    def explain(self, summary: dict) -> list[str]:
        """The known problems behind every failure in a run's JSON summary; empty when anything else
        failed, or when the app failed for any other reason."""
        known: dict[str, set[str]] = {}
        for operation, error in self.seen:
            problem = known_problem(error)
            if problem is None:
                return []
            known.setdefault(problem, set()).add(operation)
        crashed = set().union(*known.values())
        failures = summary.get("failures") or []
        if not failures or summary.get("errors"):
            return []
        for group in failures:
            if group["code"] not in CRASH_FAILURES or not set(group["operations"]) <= crashed:
                return []
        return [f"{problem} ({', '.join(sorted(operations))})" for problem, operations in known.items()]
