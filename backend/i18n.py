"""Messages a person reads: written in English in the code, shown in Bahasa Indonesia by default.

English text is the message id (as with gettext). `translate` looks it up in the Indonesian
catalogue, first exactly, then against templates with {placeholders} such as marshmallow's
"Longer than maximum length {max}.".
"""

import re
from functools import lru_cache

from flask import has_request_context, request
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

INDONESIAN = {
    # HTTP errors
    "The request could not be understood.": "Permintaan tidak dapat dipahami.",
    "Please log in first.": "Silakan masuk terlebih dahulu.",
    "You are not allowed to do this.": "Anda tidak diizinkan melakukan ini.",
    "Not found.": "Tidak ditemukan.",
    "This method is not allowed here.": "Metode ini tidak diizinkan di sini.",
    "This conflicts with the current state.": "Permintaan ini bertentangan dengan keadaan saat ini.",
    "The upload is too large.": "Unggahan terlalu besar.",
    "The address (URL) is too long.": "Alamat (URL) terlalu panjang.",
    "This content type is not supported.": "Jenis konten ini tidak didukung.",
    "Some fields are not valid.": "Beberapa isian tidak valid.",
    "{count} more problems are not listed.": "{count} masalah lainnya tidak ditampilkan.",
    "Too many attempts. Please wait and try again.": (
        "Terlalu banyak percobaan. Silakan tunggu lalu coba lagi."
    ),
    "The request headers are too large.": "Header permintaan terlalu besar.",
    "The JSON is nested too deeply.": "JSON bersarang terlalu dalam.",
    "Contains a character that is not valid text (a lone surrogate).": (
        "Berisi karakter yang bukan teks yang sah (surrogate tunggal)."
    ),
    "Send the data as JSON (Content-Type: application/json).": (
        "Kirim data sebagai JSON (Content-Type: application/json)."
    ),
    "Send the fields as a JSON object.": "Kirim isian sebagai objek JSON.",
    "Something went wrong on our side. Please try again later.": (
        "Terjadi kesalahan di sistem kami. Silakan coba lagi nanti."
    ),
    "Photos cannot be reached right now. Please try again in a moment.": (
        "Foto sedang tidak dapat dijangkau. Silakan coba lagi sebentar lagi."
    ),
    "The service is busy right now. Please try again in a few seconds.": (
        "Layanan sedang sibuk. Silakan coba lagi dalam beberapa detik."
    ),
    "This Idempotency-Key was already used for a different campaign.": (
        "Idempotency-Key ini sudah dipakai untuk kampanye lain."
    ),
    "No device would receive this campaign: choose another target, or wait for subscribers.": (
        "Tidak ada perangkat yang akan menerima kampanye ini: pilih sasaran lain, atau tunggu pelanggan."
    ),
    # Privacy notice and consents
    "This is not the current privacy notice (version {current}). Read it and accept it again.": (
        "Ini bukan Pemberitahuan Privasi yang berlaku (versi {current}). Baca lalu setujui kembali."
    ),
    "Unknown privacy notice version. Read the current notice (version {current}) and accept it.": (
        "Versi Pemberitahuan Privasi tidak dikenal. Baca pemberitahuan yang berlaku (versi {current}) "
        "lalu setujui."
    ),
    # Tokens and sessions
    "Your session has expired. Please log in again.": "Sesi Anda telah berakhir. Silakan masuk kembali.",
    "Your session is not valid. Please log in again.": "Sesi Anda tidak valid. Silakan masuk kembali.",
    "Your session has ended. Please log in again.": "Sesi Anda telah diakhiri. Silakan masuk kembali.",
    "The security token is missing or wrong. Please reload the page.": (
        "Token keamanan tidak ada atau salah. Silakan muat ulang halaman."
    ),
    # Accounts
    "The login or password is wrong.": "Login atau kata sandi salah.",
    "Too many failed logins with this e-mail or phone number. Please wait {seconds} s and try again.": (
        "Terlalu banyak percobaan masuk yang gagal dengan e-mail atau nomor telepon ini. "
        "Silakan tunggu {seconds} detik lalu coba lagi."
    ),
    "This account has been deactivated.": "Akun ini telah dinonaktifkan.",
    "This e-mail address is already registered.": "Alamat e-mail ini sudah terdaftar.",
    "This phone number is already registered.": "Nomor telepon ini sudah terdaftar.",
    "Give an e-mail address or a phone number.": "Isi alamat e-mail atau nomor telepon.",
    "Not a valid Indonesian phone number.": "Nomor telepon Indonesia tidak valid.",
    "The password must be at least 8 characters.": "Kata sandi minimal 8 karakter.",
    "The password is too common. Choose another one.": "Kata sandi terlalu umum. Pilih yang lain.",
    "The current password is wrong.": "Kata sandi saat ini salah.",
    # One-time codes
    "The code is wrong or has expired. Check it, or ask for a new one.": (
        "Kode salah atau sudah kedaluwarsa. Periksa kembali, atau minta kode baru."
    ),
    "This code was tried too many times. Ask for a new one.": (
        "Kode ini sudah terlalu sering dicoba. Minta kode baru."
    ),
    "A code was sent a moment ago. Please wait {seconds} s before asking for another.": (
        "Kode baru saja dikirim. Silakan tunggu {seconds} detik sebelum meminta kode lain."
    ),
    "Too many codes were sent to this contact today. Please try again in {hours} h.": (
        "Terlalu banyak kode dikirim ke kontak ini hari ini. Silakan coba lagi dalam {hours} jam."
    ),
    "No more codes can be sent by SMS or WhatsApp today. Use an e-mail address, or try tomorrow.": (
        "Hari ini tidak ada lagi kode yang dapat dikirim lewat SMS atau WhatsApp. "
        "Gunakan alamat e-mail, atau coba besok."
    ),
    "Enter the 6-digit code.": "Masukkan kode 6 angka.",
    "Give the phone number the code should go to.": "Isi nomor telepon tujuan kode.",
    "Staff of an OPD need an OPD.": "Staf OPD harus memiliki OPD.",
    "Unknown OPD.": "OPD tidak dikenal.",
    # Staff invitations and two-factor sign-in
    "This e-mail address already has an account: change its role instead.": (
        "Alamat e-mail ini sudah punya akun: ubah perannya saja."
    ),
    "This e-mail address already has a pending invitation: send it again or revoke it.": (
        "Alamat e-mail ini sudah punya undangan yang menunggu: kirim ulang atau batalkan."
    ),
    "This invitation link is not valid any more. Ask an admin to send a new one.": (
        "Tautan undangan ini sudah tidak berlaku. Minta admin mengirim yang baru."
    ),
    "This invitation was already accepted or revoked.": "Undangan ini sudah diterima atau dibatalkan.",
    "Two-factor sign-in is already set up. Ask an admin to reset it if you lost your app.": (
        "Verifikasi dua langkah sudah aktif. Minta admin mengatur ulangnya jika aplikasi Anda hilang."
    ),
    "Start the two-factor setup first.": "Mulai pengaturan verifikasi dua langkah terlebih dahulu.",
    "Two-factor sign-in is for staff accounts.": "Verifikasi dua langkah untuk akun petugas.",
    "The code is wrong or was already used. Enter the current code from your app.": (
        "Kode salah atau sudah dipakai. Masukkan kode terbaru dari aplikasi Anda."
    ),
    "This recovery code is wrong or was already used.": "Kode pemulihan ini salah atau sudah dipakai.",
    "The sign-in took too long. Please enter your password again.": (
        "Proses masuk terlalu lama. Silakan masukkan kata sandi Anda lagi."
    ),
    "Your role requires two-factor sign-in; it cannot be turned off.": (
        "Peran Anda mewajibkan verifikasi dua langkah; tidak dapat dimatikan."
    ),
    "Set up two-factor sign-in first: your role requires it.": (
        "Atur verifikasi dua langkah terlebih dahulu: peran Anda mewajibkannya."
    ),
    "Another admin must reset your own two-factor sign-in.": (
        "Verifikasi dua langkah Anda sendiri harus diatur ulang oleh admin lain."
    ),
    "Too many wrong codes. Please wait {seconds} s and try again.": (
        "Terlalu banyak kode salah. Silakan tunggu {seconds} detik lalu coba lagi."
    ),
    "Enter the code from your authenticator app, or a recovery code.": (
        "Masukkan kode dari aplikasi autentikator, atau kode pemulihan."
    ),
    "Unknown kecamatan.": "Kecamatan tidak dikenal.",
    "An OPD with this code already exists.": "OPD dengan kode ini sudah ada.",
    "You cannot change your own role or deactivate yourself.": (
        "Anda tidak dapat mengubah peran atau menonaktifkan akun Anda sendiri."
    ),
    "The cursor is not valid. Start again from the first page.": (
        "Kursor tidak valid. Mulai lagi dari halaman pertama."
    ),
    # Catalogue and requests
    "Unknown service.": "Layanan tidak dikenal.",
    "Unknown service group.": "Kelompok layanan tidak dikenal.",
    "Unknown attribute.": "Atribut tidak dikenal.",
    "Unknown kelurahan.": "Kelurahan tidak dikenal.",
    "Unknown request.": "Laporan tidak ditemukan.",
    "A service with this code already exists.": "Layanan dengan kode ini sudah ada.",
    "An attribute with this code already exists.": "Atribut dengan kode ini sudah ada.",
    "Each attribute needs its own code.": "Setiap atribut harus memiliki kode sendiri.",
    "Must not be shorter than the response time.": "Tidak boleh lebih singkat dari waktu tanggapan.",
    "A list needs at least two values.": "Daftar pilihan perlu minimal dua nilai.",
    "Only list datatypes have values.": "Hanya jenis daftar yang memiliki pilihan.",
    "Only string attributes have a pattern.": "Hanya atribut teks singkat yang memiliki pola.",
    "Not a valid regular expression.": "Ekspresi reguler tidak valid.",
    "Use 2-40 lowercase letters, digits, - or _.": "Gunakan 2-40 huruf kecil, angka, - atau _.",
    "Does not match the expected format.": "Tidak sesuai format yang diminta.",
    "Unknown attributes ({count}): {codes}.": "Atribut tidak dikenal ({count}): {codes}.",
    "Only number attributes have a minimum and maximum.": (
        "Hanya atribut angka yang memiliki nilai minimum dan maksimum."
    ),
    "The minimum must not be greater than the maximum.": (
        "Nilai minimum tidak boleh lebih besar dari nilai maksimum."
    ),
    "Please log in to file this request.": "Silakan masuk untuk mengajukan permohonan ini.",
    "Give both latitude and longitude.": "Isi lintang dan bujur sekaligus.",
    "This service needs a location.": "Layanan ini memerlukan lokasi.",
    "The location is outside the city.": "Lokasi berada di luar wilayah kota.",
    "The location is outside every kelurahan of the city (at sea or past its border).": (
        "Lokasi berada di luar semua kelurahan kota (di laut atau melewati batas kota)."
    ),
    "This city has no kelurahan boundaries.": "Kota ini tidak memiliki batas kelurahan.",
    "The location is in Kelurahan {name} ({code}), not {picked}.": (
        "Lokasi berada di Kelurahan {name} ({code}), bukan {picked}."
    ),
    "This Idempotency-Key was already used for a different request.": (
        "Idempotency-Key ini sudah dipakai untuk laporan lain."
    ),
    "At most {count} photos.": "Paling banyak {count} foto.",
    "The file is larger than 10 MB.": "Berkas lebih besar dari 10 MB.",
    "The file is not an image we can read (use JPEG, PNG or WebP).": (
        "Berkas bukan gambar yang dapat kami baca (gunakan JPEG, PNG, atau WebP)."
    ),
    "The image file is damaged or incomplete.": "Berkas gambar rusak atau tidak lengkap.",
    "The image is too large in pixels.": "Ukuran piksel gambar terlalu besar.",
    "The file is empty.": "Berkas kosong.",
    "A request that is {status} cannot become {to}. Allowed: {allowed}.": (
        "Laporan berstatus {status} tidak dapat menjadi {to}. Yang diizinkan: {allowed}."
    ),
    "Say what was done.": "Jelaskan apa yang telah dikerjakan.",
    "Say why it is rejected.": "Jelaskan alasan penolakan.",
    "Only a rejection names a duplicate.": "Hanya penolakan yang dapat menyebut laporan ganda.",
    "A request cannot duplicate itself.": "Laporan tidak dapat menjadi duplikat dirinya sendiri.",
    "Only the reporter can reopen a request.": "Hanya pelapor yang dapat membuka kembali laporan.",
    "Only a resolved request can be reopened.": "Hanya laporan yang sudah selesai yang dapat dibuka kembali.",
    "A request can only be reopened within 7 days of being resolved.": (
        "Laporan hanya dapat dibuka kembali dalam 7 hari setelah diselesaikan."
    ),
    "Only an open request can be rerouted.": "Hanya laporan yang masih terbuka yang dapat dialihkan.",
    "The request is already with this OPD.": "Laporan sudah berada di OPD ini.",
    "Only the reporter can rate a request.": "Hanya pelapor yang dapat memberi penilaian.",
    "A request can be rated once it is resolved.": "Laporan dapat dinilai setelah diselesaikan.",
    "This request has already been rated.": "Laporan ini sudah dinilai.",
    "Give south,west,north,east in degrees.": "Isi selatan,barat,utara,timur dalam derajat.",
    "The api_key is missing or not valid.": "api_key tidak ada atau tidak valid.",
    "Give lat and long, or address_string.": "Isi lat dan long, atau address_string.",
    # News
    "Unknown article.": "Artikel tidak ditemukan.",
    "Unknown image.": "Gambar tidak ditemukan.",
    "An agenda needs the event's date and place.": "Agenda memerlukan tanggal dan tempat acara.",
    "A warning needs an expiry time.": "Peringatan memerlukan waktu berakhir.",
    "The event cannot end before it starts.": "Acara tidak dapat berakhir sebelum dimulai.",
    "The start must come before the end.": "Awal harus sebelum akhir.",
    "You can only write for your own OPD.": "Anda hanya dapat menulis untuk OPD Anda sendiri.",
    "At most {limit} articles can be pinned. Unpin one first.": (
        "Paling banyak {limit} artikel dapat disematkan. Lepaskan satu terlebih dahulu."
    ),
    "An archived article cannot be published again.": "Artikel yang diarsipkan tidak dapat diterbitkan lagi.",
    # Push
    "The message is too long for a push notification.": "Pesan terlalu panjang untuk notifikasi push.",
    "Not a push service endpoint this server sends to.": (
        "Bukan endpoint layanan push yang dilayani server ini."
    ),
    "Must be a 65-byte uncompressed P-256 public key.": "Harus kunci publik P-256 tak terkompresi 65 byte.",
    "Must be a 16-byte secret.": "Harus rahasia 16 byte.",
    "Unknown subscription.": "Langganan tidak dikenal.",
    "Unknown campaign.": "Kampanye tidak dikenal.",
    "Unknown device.": "Perangkat tidak dikenal.",
    "Only a scheduled or sending campaign can be cancelled.": (
        "Hanya kampanye terjadwal atau yang sedang dikirim yang dapat dibatalkan."
    ),
    "Push notifications are not set up on this server.": "Notifikasi push belum disiapkan di server ini.",
    "Use a path inside the app, such as /berita/...": (
        "Gunakan alamat di dalam aplikasi, misalnya /berita/..."
    ),
    "Choose at least one.": "Pilih minimal satu.",
    "Unknown code: {codes}.": "Kode tidak dikenal: {codes}.",
    "This service is not available right now.": "Layanan ini sedang tidak tersedia.",
    "The original must be a public request.": "Laporan asal harus laporan publik.",
    "This article is already published.": "Artikel ini sudah diterbitkan.",
    # marshmallow and webargs
    "Missing data for required field.": "Wajib diisi.",
    "Field may not be null.": "Tidak boleh kosong.",
    "Unknown field.": "Isian tidak dikenal.",
    "Invalid input type.": "Jenis masukan tidak valid.",
    "Invalid JSON body.": "Isi JSON tidak valid.",
    "Not a valid string.": "Harus berupa teks.",
    "Not a valid integer.": "Harus berupa bilangan bulat.",
    "Not a valid number.": "Harus berupa angka.",
    "Special numeric values (nan or infinity) are not permitted.": (
        "Nilai angka khusus (nan atau tak hingga) tidak diizinkan."
    ),
    "Not a valid boolean.": "Harus berupa benar/salah.",
    "Not a valid email address.": "Alamat e-mail tidak valid.",
    "Not a valid datetime.": "Tanggal dan waktu tidak valid.",
    "Not a valid date.": "Tanggal tidak valid.",
    "Not a valid list.": "Harus berupa daftar.",
    "Not a valid mapping type.": "Harus berupa objek.",
    "Not a valid URL.": "URL tidak valid.",
    "Not a valid UUID.": "UUID tidak valid.",
    "Invalid value.": "Nilai tidak valid.",
    "Shorter than minimum length {min}.": "Lebih pendek dari panjang minimum {min}.",
    "Longer than maximum length {max}.": "Lebih panjang dari panjang maksimum {max}.",
    "Length must be between {min} and {max}.": "Panjang harus antara {min} dan {max}.",
    "Must be one of: {choices}.": "Harus salah satu dari: {choices}.",
    "Must be greater than or equal to {min}.": "Harus lebih besar atau sama dengan {min}.",
    "Must be less than or equal to {max}.": "Harus lebih kecil atau sama dengan {max}.",
    "Must be greater than or equal to {min} and less than or equal to {max}.": (
        "Harus antara {min} dan {max}."
    ),
}


def _template_pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
    return re.compile(f"^{regex}$")


# Longest first, so that "... {min} and less than or equal to {max}." is not taken for "... {min}.".
_TEMPLATES = [
    (_template_pattern(key), INDONESIAN[key])
    for key in sorted((key for key in INDONESIAN if "{" in key), key=len, reverse=True)
]


def preferred_language() -> str:
    """The caller's language: Bahasa Indonesia unless Accept-Language prefers English."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    return language_of(request)


def language_of(req) -> str:
    """The language a request (Flask's, or a plain Werkzeug one outside Flask) prefers."""
    return _best_language(req.environ.get("HTTP_ACCEPT_LANGUAGE", ""))


@lru_cache(maxsize=1024)
def _best_language(accept_language: str) -> str:
    """Kept per header: phones send few different ones, and parsing one costs more than a cache hit."""
    return parse_accept_header(accept_language, LanguageAccept).best_match(
        LANGUAGES, default=DEFAULT_LANGUAGE
    )


def translate(text: str, language: str | None = None) -> str:
    """The message in the caller's language; unknown messages stay as they are."""
    language = language or preferred_language()
    if language == "en" or not isinstance(text, str):
        return text
    if text in INDONESIAN:
        return INDONESIAN[text]
    for pattern, translation in _TEMPLATES:
        match = pattern.match(text)
        if match:
            return translation.format(**match.groupdict())
    return text
