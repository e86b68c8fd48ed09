"""Staff invitations: an admin invites an OPD staff member, operator or admin by e-mail, and the
invitee chooses their own password from the link (nobody else ever knows it).

The link carries a random token after a "#", so it never reaches a server log; only its SHA-256 is
stored. It works once, for INVITATION_TTL_HOURS, until revoked; sending it again makes a new token
(the old link stops working). The mail leaves in a job, in both languages.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from ..audit.services import record
from ..database import utcnow
from ..errors import Conflict, Invalid, NotFound
from ..extensions import db
from ..jobs import job
from ..places.models import Opd
from ..security import Role
from . import channels, passwords, sessions
from .code_messages import APP
from .models import Invitation, User

ALREADY_REGISTERED = "This e-mail address already has an account: change its role instead."
ALREADY_INVITED = "This e-mail address already has a pending invitation: send it again or revoke it."
LINK_INVALID = "This invitation link is not valid any more. Ask an admin to send a new one."
NOT_PENDING = "This invitation was already accepted or revoked."
OPD_NEEDED = "Staff of an OPD need an OPD."

ROLE_NAMES = {
    "id": {Role.OPD_STAFF: "staf OPD", Role.OPERATOR: "operator pusat komando", Role.ADMIN: "admin"},
    "en": {Role.OPD_STAFF: "OPD staff", Role.OPERATOR: "command center operator", Role.ADMIN: "admin"},
}
MAIL_SUBJECT = "Undangan ke {app} / Invitation to {app}"
MAIL_TEXT = {
    "id": (
        "Halo {name},\n\n{inviter} mengundang Anda ke {app} sebagai {role}{opd}. Buka tautan ini untuk "
        "membuat kata sandi Anda sendiri. Tautan berlaku {hours} jam dan hanya sekali pakai:\n\n{link}\n\n"
        "Jika Anda tidak mengharapkan undangan ini, abaikan e-mail ini."
    ),
    "en": (
        "Hello {name},\n\n{inviter} invites you to {app} as {role}{opd}. Open this link to choose your "
        "own password. It works once, for {hours} hours:\n\n{link}\n\n"
        "If you did not expect this invitation, ignore this e-mail."
    ),
}


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _ttl() -> timedelta:
    return timedelta(hours=current_app.config["INVITATION_TTL_HOURS"])


def _opd_for(role: str, code: str | None) -> Opd | None:
    if role != Role.OPD_STAFF:
        return None
    opd = db.session.scalar(select(Opd).where(Opd.code == code)) if code else None
    if opd is None:
        raise Invalid(errors={"opd": [OPD_NEEDED if not code else "Unknown OPD."]})
    return opd


def invite(admin: User, data: dict, base_url: str) -> Invitation:
    """Invite a person by e-mail; the mail leaves in a job."""
    email = data["email"]
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict(ALREADY_REGISTERED, errors={"email": [ALREADY_REGISTERED]})
    pending = select(Invitation.id).where(
        Invitation.email == email, Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None)
    )
    if db.session.scalar(pending) is not None:
        raise Conflict(ALREADY_INVITED, errors={"email": [ALREADY_INVITED]})
    invitation = Invitation(
        name=data["name"],
        email=email,
        role=data["role"],
        opd=_opd_for(data["role"], data.get("opd")),
        invited_by=admin,
        token_hash="",
        expires_at=utcnow(),
    )
    db.session.add(invitation)
    db.session.flush()
    return _send(invitation, base_url, "invitation.sent")


def resend(invitation_id: int, base_url: str) -> Invitation:
    """A new link, valid from now; the previous one stops working."""
    return _send(_pending(invitation_id), base_url, "invitation.resent")


def _send(invitation: Invitation, base_url: str, action: str) -> Invitation:
    token = secrets.token_urlsafe(32)
    invitation.token_hash = _digest(token)
    invitation.sent_at = utcnow()
    invitation.expires_at = invitation.sent_at + _ttl()
    details = {
        "email": invitation.email,
        "role": invitation.role,
        "opd": invitation.opd and invitation.opd.code,
    }
    record(action, target_type="invitation", target_id=invitation.id, details=details)
    db.session.commit()
    deliver.enqueue(invitation.id, base_url, token)
    return invitation


def revoke(invitation_id: int) -> None:
    invitation = _pending(invitation_id)
    invitation.revoked_at = utcnow()
    record(
        "invitation.revoked",
        target_type="invitation",
        target_id=invitation.id,
        details={"email": invitation.email},
    )
    db.session.commit()


def _pending(invitation_id: int) -> Invitation:
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None:
        raise NotFound()
    if not invitation.is_pending:
        raise Conflict(NOT_PENDING)
    return invitation


def pending_invitations() -> list[Invitation]:
    """Not yet accepted nor revoked, newest first; expired ones too (to send again)."""
    query = (
        select(Invitation)
        .where(Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None))
        .order_by(Invitation.sent_at.desc(), Invitation.id.desc())
    )
    return list(db.session.scalars(query))


def find(token: str, lock: bool = False) -> Invitation:
    """The pending, unexpired invitation of a link's token; 404 otherwise."""
    query = select(Invitation).where(Invitation.token_hash == _digest(token))
    invitation = db.session.scalar(query.with_for_update(of=Invitation) if lock else query)
    if invitation is None or not invitation.is_pending or invitation.expires_at <= utcnow():
        raise NotFound(LINK_INVALID)
    return invitation


def accept(token: str, password: str, user_agent: str | None) -> sessions.Tokens:
    """The invitee's own password makes the account, signed in at once (a role that requires
    two-factor sign-in sets it up next)."""
    passwords.require_acceptable(password)
    invitation = find(token, lock=True)
    if db.session.scalar(select(User.id).where(User.email == invitation.email)) is not None:
        raise Conflict(ALREADY_REGISTERED)
    user = User(
        name=invitation.name,
        email=invitation.email,
        role=invitation.role,
        opd=invitation.opd,
        password_hash=passwords.hash_password(password),
    )
    db.session.add(user)
    db.session.flush()
    invitation.accepted_at = utcnow()
    invitation.user_id = user.id
    record("invitation.accepted", target_type="invitation", target_id=invitation.id, actor=user)
    return sessions.sign_in(user, user_agent, "invitation")


def mail_text(invitation: Invitation, link: str) -> str:
    """The invitation in Bahasa Indonesia, then in English."""
    inviter = invitation.invited_by.name if invitation.invited_by else APP
    hours = current_app.config["INVITATION_TTL_HOURS"]
    opd = f" ({invitation.opd.name})" if invitation.opd else ""
    parts = [
        text.format(
            name=invitation.name,
            inviter=inviter,
            app=APP,
            role=ROLE_NAMES[language][invitation.role],
            opd=opd,
            hours=hours,
            link=link,
        )
        for language, text in MAIL_TEXT.items()
    ]
    return "\n\n---\n\n".join(parts)


@job
def deliver(invitation_id: int, base_url: str, token: str) -> None:
    """Mail the link, unless the invitation was accepted, revoked or sent again meanwhile."""
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or not invitation.is_pending:
        return
    if not hmac.compare_digest(invitation.token_hash, _digest(token)):
        return
    link = f"{base_url.rstrip('/')}/undangan#{token}"
    subject = MAIL_SUBJECT.format(app=APP)
    message = channels.Message(
        "email", invitation.email, subject, mail_text(invitation, link), f"invitation-{invitation.id}"
    )
    channels.send(message)
