"""The mail server and the SMS/WhatsApp gateway the one-time code tests send through."""

import pytest

from .code_servers import gateway_server, mail_server  # noqa: F401 (session fixtures)


@pytest.fixture
def mailbox(app, mail_server, monkeypatch):  # noqa: F811 (the imported fixture)
    """The app sends its mail to the test's SMTP server; the mailbox starts empty."""
    mail_server.mails.clear()
    for name, value in mail_server.config().items():
        monkeypatch.setitem(app.config, name, value)
    return mail_server


@pytest.fixture
def gateway(app, gateway_server, monkeypatch):  # noqa: F811 (the imported fixture)
    """The app sends SMS and WhatsApp messages through the test's gateway."""
    gateway_server.received.clear()
    gateway_server.delay = 0.0
    for name, value in gateway_server.config().items():
        monkeypatch.setitem(app.config, name, value)
    return gateway_server
