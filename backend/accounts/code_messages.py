"""What the one-time code messages say, in Bahasa Indonesia and English: a subject (e-mail) and a
text short enough for one SMS."""

from .models import CodePurpose

APP = "SatuPintu"

CODES = {
    "id": {
        CodePurpose.REGISTER: ("Kode pendaftaran {app}", "Kode pendaftaran {app} Anda: {code}."),
        CodePurpose.SIGN_IN: ("Kode masuk {app}", "Kode masuk {app} Anda: {code}."),
        CodePurpose.RESET: ("Kode atur ulang kata sandi {app}", "Kode atur ulang kata sandi {app}: {code}."),
        CodePurpose.CONTACT: ("Kode verifikasi {app}", "Kode verifikasi kontak baru {app} Anda: {code}."),
    },
    "en": {
        CodePurpose.REGISTER: ("Your {app} registration code", "Your {app} registration code: {code}."),
        CodePurpose.SIGN_IN: ("Your {app} sign-in code", "Your {app} sign-in code: {code}."),
        CodePurpose.RESET: ("Your {app} password reset code", "Your {app} password reset code: {code}."),
        CodePurpose.CONTACT: ("Your {app} verification code", "Your {app} new contact code: {code}."),
    },
}
VALIDITY = {
    "id": " Berlaku {minutes} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.",
    "en": " Valid for {minutes} minutes. Never give this code to anyone, staff included.",
}

NOTES = {
    "id": {
        CodePurpose.REGISTER: (
            "Pendaftaran {app} dengan kontak Anda",
            "Ada yang mencoba mendaftar {app} dengan kontak ini, padahal Anda sudah punya akun. "
            'Silakan masuk, atau pilih "Lupa kata sandi?". Jika bukan Anda, abaikan pesan ini.',
        ),
        CodePurpose.CONTACT: (
            "Kontak Anda di {app}",
            "Ada yang mencoba menambahkan kontak ini ke akun {app} lain. Kontak ini tetap milik akun Anda; "
            "tidak ada yang perlu dilakukan.",
        ),
    },
    "en": {
        CodePurpose.REGISTER: (
            "{app} registration with your contact",
            "Someone tried to register with {app} using this contact, but you already have an account. "
            'Sign in, or choose "Forgot password?". If it was not you, ignore this message.',
        ),
        CodePurpose.CONTACT: (
            "Your contact on {app}",
            "Someone tried to add this contact to another {app} account. It stays with your account; "
            "there is nothing to do.",
        ),
    },
}


def _language(locale: str) -> str:
    return locale if locale in CODES else "id"


def code_message(purpose: str, locale: str, code: str, minutes: int) -> tuple[str, str]:
    """(subject, text) of a message carrying a code."""
    language = _language(locale)
    subject, text = CODES[language][CodePurpose(purpose)]
    text += VALIDITY[language]
    return subject.format(app=APP), text.format(app=APP, code=code, minutes=minutes)


def note_message(purpose: str, locale: str) -> tuple[str, str]:
    """(subject, text) telling an account's owner that someone used their contact."""
    subject, text = NOTES[_language(locale)][CodePurpose(purpose)]
    return subject.format(app=APP), text.format(app=APP)
