"""Domain events: what happened, told to whoever listens (push notifications, later the dashboard).

Services send a signal after their commit; listeners must be quick (enqueue a job, not do the work).
Built on blinker, which Flask already depends on.
"""

from blinker import Namespace

_signals = Namespace()

# sender: the ServiceRequest; kwargs: event (RequestEvent)
request_created = _signals.signal("request-created")
request_status_changed = _signals.signal("request-status-changed")
request_commented = _signals.signal("request-commented")
request_rerouted = _signals.signal("request-rerouted")

# sender: the Article, once it is readable (published now, or its scheduled time has passed)
article_published = _signals.signal("article-published")
