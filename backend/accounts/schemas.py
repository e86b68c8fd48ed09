"""Marshmallow schemas for accounts."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..privacy.services import accepted_notice
from ..schemas import OpdBriefSchema, PageArgsSchema, UserNameSchema, limit_field, page_of
from ..security import STAFF, Role
from .channels import PHONE_CHANNELS
from .identifiers import InvalidPhone, normalise_email, normalise_phone
from .one_time_codes import pending_contacts
from .passwords import MAX_LENGTH
from .two_factor import is_required

PHONE_INVALID = "Not a valid Indonesian phone number."
CONTACT_REQUIRED = "Give an e-mail address or a phone number."
LOCALES = ["id", "en"]
CHANNELS = ["email", "sms", "whatsapp"]
PHONE_FOR_CHANNEL = "Give the phone number the code should go to."
CODE_FORMAT = "Enter the 6-digit code."
SECOND_FACTOR_NEEDED = "Enter the code from your authenticator app, or a recovery code."


class PhoneField(fields.String):
    """An Indonesian phone number, loaded as E.164 (+62...)."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return normalise_phone(text)
        except InvalidPhone:
            raise ValidationError(PHONE_INVALID) from None


class EmailField(fields.Email):
    """An e-mail address, loaded lower-cased so that uniqueness ignores case."""

    def _deserialize(self, value, attr, data, **kwargs):
        return normalise_email(super()._deserialize(value, attr, data, **kwargs))


class CodeField(fields.String):
    """A one-time code: 6 digits, spaces and dashes of a pasted "123 456" ignored."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        digits = "".join(text.split()).replace("-", "")
        if len(digits) != 6 or not digits.isascii() or not digits.isdigit():
            raise ValidationError(CODE_FORMAT)
        return digits


def _channel():
    return fields.String(
        validate=validate.OneOf(CHANNELS),
        metadata={"description": "Where the code goes: e-mail, or for a phone sms (default) or whatsapp"},
    )


def _login():
    return fields.String(
        required=True, validate=validate.Length(min=1, max=254), metadata={"description": "E-mail or phone"}
    )


def _password(**kwargs):
    return fields.String(required=True, validate=validate.Length(max=MAX_LENGTH), load_only=True, **kwargs)


class UserSchema(Schema):
    """A person's own profile."""

    id = fields.Integer()
    name = fields.String()
    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    role = fields.String()
    opd = fields.Nested(OpdBriefSchema, allow_none=True)
    locale = fields.String()
    created_at = fields.DateTime()
    two_factor_enabled = fields.Boolean(attribute="has_two_factor")
    two_factor_required = fields.Function(is_required, metadata={"description": "The role requires it"})


def _accepted_notice_version(user) -> str | None:
    accepted = accepted_notice(user)
    return accepted.notice_version if accepted else None


class ProfileSchema(UserSchema):
    """One's own profile with the new contacts waiting for their code and the privacy notice version
    accepted (a newer current one is shown to accept)."""

    pending_email = fields.Function(lambda user: pending_contacts(user).get("email"), allow_none=True)
    pending_phone = fields.Function(lambda user: pending_contacts(user).get("phone"), allow_none=True)
    privacy_version = fields.Function(_accepted_notice_version, allow_none=True)


class AdminUserSchema(UserSchema):
    is_active = fields.Boolean()
    last_login_at = fields.DateTime(allow_none=True)


AdminUserPageSchema = page_of(AdminUserSchema, "AdminUserPage")


class RegisterSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=2, max=120))
    email = EmailField(validate=validate.Length(max=254))
    phone = PhoneField()
    password = _password()
    locale = fields.String(load_default="id", validate=validate.OneOf(LOCALES))
    channel = _channel()
    privacy_version = fields.String(
        required=True,
        validate=validate.Length(max=20),
        metadata={"description": "The version of the privacy notice (GET /privacy) the person accepted"},
    )

    @validates_schema
    def _contact_required(self, data, **kwargs):
        if not data.get("email") and not data.get("phone"):
            raise ValidationError({"email": [CONTACT_REQUIRED], "phone": [CONTACT_REQUIRED]})
        if data.get("channel") in PHONE_CHANNELS and not data.get("phone"):
            raise ValidationError({"phone": [PHONE_FOR_CHANNEL]})


class CodeSentSchema(Schema):
    """The same answer whether or not the login has an account."""

    login = fields.String(metadata={"description": "The contact the code was sent to, normalised"})
    channel = fields.String(metadata={"description": "email, sms or whatsapp"})
    expires_in = fields.Integer(metadata={"description": "Seconds the code stays valid"})
    resend_in = fields.Integer(metadata={"description": "Seconds before another code may be asked for"})


class CodeRequestSchema(Schema):
    login = _login()
    channel = _channel()
    locale = fields.String(
        validate=validate.OneOf(LOCALES), metadata={"description": "Language of the message"}
    )


class CodeConfirmSchema(Schema):
    login = _login()
    code = CodeField(required=True)


class PasswordResetConfirmSchema(CodeConfirmSchema):
    new_password = _password()


class LoginSchema(Schema):
    login = _login()
    password = _password()


class TokenSchema(Schema):
    access_token = fields.String()
    user = fields.Nested(ProfileSchema)


class ChallengeSchema(Schema):
    token = fields.String(metadata={"description": "Give it back with the code to /auth/second-factor"})
    expires_in = fields.Integer(metadata={"description": "Seconds it stays valid"})


class SignInSchema(TokenSchema):
    """The session, or (the account has two-factor sign-in) only `second_factor`: the next step."""

    second_factor = fields.Nested(ChallengeSchema)


class SecondFactorSchema(Schema):
    token = fields.String(required=True, validate=validate.Length(max=1000))
    code = CodeField(metadata={"description": "The 6 digits the authenticator app shows"})
    recovery_code = fields.String(validate=validate.Length(max=40))

    @validates_schema
    def _one_of_them(self, data, **kwargs):
        if ("code" in data) == ("recovery_code" in data):
            raise ValidationError({"code": [SECOND_FACTOR_NEEDED]})


class TwoFactorStatusSchema(Schema):
    enabled = fields.Boolean()
    required = fields.Boolean(metadata={"description": "The role requires it: it cannot be turned off"})
    recovery_codes_left = fields.Integer()


class TwoFactorSetupSchema(Schema):
    """Shown once, while it is set up: afterwards the secret is never answered again."""

    secret = fields.String(metadata={"description": "Base32, to type into the app"})
    otpauth_uri = fields.String()
    qr_svg = fields.String(metadata={"description": "The otpauth address as a QR code (SVG)"})


class TwoFactorConfirmSchema(Schema):
    code = CodeField(required=True)


class RecoveryCodesSchema(Schema):
    recovery_codes = fields.List(fields.String(), metadata={"description": "Shown this once only"})


class TwoFactorDisableSchema(Schema):
    password = _password()


class InvitationCreateSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=2, max=120))
    email = EmailField(required=True, validate=validate.Length(max=254))
    role = fields.String(required=True, validate=validate.OneOf([role.value for role in STAFF]))
    opd = fields.String(allow_none=True, validate=validate.Length(max=32))


class InvitationSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    email = fields.String()
    role = fields.String()
    opd = fields.Nested(OpdBriefSchema, allow_none=True)
    invited_by = fields.Nested(UserNameSchema, allow_none=True)
    sent_at = fields.DateTime()
    expires_at = fields.DateTime()


class InvitationListSchema(Schema):
    items = fields.List(fields.Nested(InvitationSchema))


class InvitationPreviewSchema(Schema):
    """What the invitee sees before choosing a password."""

    name = fields.String()
    email = fields.String()
    role = fields.String()
    opd = fields.Nested(OpdBriefSchema, allow_none=True)
    expires_at = fields.DateTime()


class InvitationTokenSchema(Schema):
    token = fields.String(required=True, validate=validate.Length(min=20, max=100))


class InvitationAcceptSchema(InvitationTokenSchema):
    password = _password()


class ProfileUpdateSchema(Schema):
    name = fields.String(validate=validate.Length(min=2, max=120))
    email = EmailField(allow_none=True, validate=validate.Length(max=254))
    phone = PhoneField(allow_none=True)
    locale = fields.String(validate=validate.OneOf(LOCALES))
    channel = _channel()


class PasswordChangeSchema(Schema):
    current_password = _password()
    new_password = _password()


class AccountDeleteSchema(Schema):
    password = _password()


class UserQueryArgsSchema(PageArgsSchema):
    q = fields.String(validate=validate.Length(max=100))
    role = fields.String(validate=validate.OneOf([role.value for role in Role]))
    opd = fields.String(validate=validate.Length(max=32))
    cursor = fields.String(validate=validate.Length(max=200))
    limit = limit_field(default=50, maximum=200)


class AdminUserUpdateSchema(Schema):
    role = fields.String(validate=validate.OneOf([role.value for role in Role]))
    opd = fields.String(allow_none=True, validate=validate.Length(max=32))
    is_active = fields.Boolean()
