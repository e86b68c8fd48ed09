"""The mail server and the SMS/WhatsApp gateway the one-time code tests send through."""

import pytest

from .code_servers import Gateway, MailServer


@pytest.fixture(scope="session")
def mail_server():
    server = MailServer()
    server.controller.start()
    yield server
    server.controller.stop()


@pytest.fixture(scope="session")
def gateway_server():
    server = Gateway()
    yield server
    server.close()


@pytest.fixture
def mailbox(app, mail_server, monkeypatch):
    """The app sends its mail to the test's SMTP server; the mailbox starts empty."""
    mail_server.mails.clear()
    for name, value in mail_server.config().items():
        monkeypatch.setitem(app.config, name, value)
    return mail_server


@pytest.fixture
def gateway(app, gateway_server, monkeypatch):
    """The app sends SMS and WhatsApp messages through the test's gateway."""
    gateway_server.received.clear()
    gateway_server.delay = 0.0
    for name, value in gateway_server.config().items():
        monkeypatch.setitem(app.config, name, value)
    return gateway_server
