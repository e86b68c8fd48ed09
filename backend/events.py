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

# sender: the User whose account is being deleted, before the commit. Each area's listener erases
# what it holds of the person in the caller's transaction (it must not commit); one that fails (a
# photo store out of reach) fails the deletion, to be tried again.
account_deleted = _signals.signal("account-deleted")

# sender: the Article, once it is readable (published now, or its scheduled time has passed)
article_published = _signals.signal("article-published")
