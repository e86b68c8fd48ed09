"""Normalising the ways a person identifies themselves: e-mail and Indonesian phone numbers."""

import phonenumbers


class InvalidPhone(ValueError):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def normalise_phone(phone: str) -> str:
    """An Indonesian number in E.164 (+62...); accepts 08..., 628..., +62 8... with spaces or dashes."""
    try:
        number = phonenumbers.parse(phone, "ID")
    except phonenumbers.NumberParseException as error:
        raise InvalidPhone(phone) from error
    if number.country_code != 62 or not phonenumbers.is_valid_number(number):
        raise InvalidPhone(phone)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def login_identifier(login: str) -> tuple[str, str]:
    """Tell an e-mail from a phone number in a login field: ("email" | "phone", normalised value)."""
    if "@" in login:
        return "email", normalise_email(login)
    try:
        return "phone", normalise_phone(login)
    except InvalidPhone:
        return "phone", login.strip()
