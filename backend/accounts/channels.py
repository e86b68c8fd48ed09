"""Where a one-time code or a note goes: e-mail over SMTP, SMS or WhatsApp through the city's HTTP
gateway, or the server log in development. Each channel is one `send(message)`.

The gateway contract (README, "Accounts: codes, verification and recovery"): a POST of
{"channel": "sms"|"whatsapp", "to": "+62...", "text": "...", "reference": "..."} with
`Authorization: Bearer OTP_GATEWAY_TOKEN`; any 2xx answer means accepted.
"""

import json
import logging
import smtplib
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.error import URLError

from flask import current_app

log = logging.getLogger(__name__)

PHONE_CHANNELS = ("sms", "whatsapp")


class SendFailed(RuntimeError):
    """The channel did not take the message (the job fails and is logged)."""


@dataclass
class Message:
    channel: str  # email | sms | whatsapp
    to: str
    subject: str
    text: str
    reference: str


def send_mail(message: Message) -> None:
    """One plain-text e-mail through MAIL_SERVER (STARTTLS and login when configured)."""
    config = current_app.config
    mail = EmailMessage()
    mail["From"] = config["MAIL_DEFAULT_SENDER"]
    mail["To"] = message.to
    mail["Subject"] = message.subject
    mail.set_content(message.text)
    timeout = config["OTP_SEND_TIMEOUT_SECONDS"]
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=timeout) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
            smtp.send_message(mail)
    except (smtplib.SMTPException, OSError) as error:
        raise SendFailed(f"SMTP: {error}") from error


def send_through_gateway(message: Message) -> None:
    """One SMS or WhatsApp message through OTP_GATEWAY_URL."""
    config = current_app.config
    body = {"channel": message.channel, "to": message.to, "text": message.text}
    token = config["OTP_GATEWAY_TOKEN"] or ""
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    request = urllib.request.Request(  # noqa: S310 (the URL is the operator's configuration)
        config["OTP_GATEWAY_URL"],
        data=json.dumps(body | {"reference": message.reference}).encode(),
        headers=headers,
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=config["OTP_SEND_TIMEOUT_SECONDS"]) as answer:  # noqa: S310
            answer.read()
    except (URLError, OSError) as error:
        raise SendFailed(f"Gateway: {error}") from error


def write_to_log(message: Message) -> None:
    """Development without SMTP or a gateway: the message is printed to the server log. Production
    never prints it (a code in a log is a code anyone reading the logs can use)."""
    if current_app.config["ENV_NAME"] == "production":
        log.error("No %s channel is configured; a message to %s was not sent.", message.channel, message.to)
        return
    log.warning("[%s to %s] %s\n%s", message.channel, message.to, message.subject, message.text)


def send(message: Message) -> None:
    """Send by the message's channel, or to the log when that channel is not configured."""
    config = current_app.config
    if message.channel == "email" and config["MAIL_SERVER"]:
        send_mail(message)
    elif message.channel in PHONE_CHANNELS and config["OTP_GATEWAY_URL"]:
        send_through_gateway(message)
    else:
        write_to_log(message)
