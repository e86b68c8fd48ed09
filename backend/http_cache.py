"""HTTP caching for public reads: ETag, Cache-Control and 304 answers."""

from functools import wraps

from flask import make_response, request


def cacheable(max_age: int, public: bool = True):
    """Give a GET answer a strong ETag and Cache-Control, and answer 304 when the client has it."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            response = make_response(view(*args, **kwargs))
            if request.method != "GET" or response.status_code != 200:
                return response
            response.add_etag()
            # An answer given to a logged-in caller may differ from the anonymous one: never share it.
            scope = "public" if public and "Authorization" not in request.headers else "private"
            cache_control = f"{scope}, max-age={max_age}, stale-while-revalidate={max_age}"
            response.headers["Cache-Control"] = cache_control
            response.headers.add("Vary", "Accept-Language, Authorization")
            return response.make_conditional(request)

        return wrapper

    return decorator
