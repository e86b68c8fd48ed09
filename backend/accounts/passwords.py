"""Password hashing (Argon2id) and the password policy."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

from ..errors import Invalid

MIN_LENGTH = 8
MAX_LENGTH = 128
# The most common choices in leaked Indonesian and global password lists.
COMMON_PASSWORDS = frozenset(
    {
        "12345678", "123456789", "1234567890", "password", "password1", "qwerty123", "qwertyuiop",
        "11111111", "00000000", "87654321", "iloveyou", "sayangku", "bismillah", "indonesia",
        "balikpapan", "admin123", "rahasia123", "abc12345", "passw0rd", "12341234",
    }
)  # fmt: skip


def _hasher() -> PasswordHasher:
    config = current_app.config
    return PasswordHasher(
        time_cost=config["PASSWORD_HASH_TIME_COST"], memory_cost=config["PASSWORD_HASH_MEMORY_COST"]
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def burn_verification_time() -> None:
    """Spend what a real check costs, so a login for an unknown account takes as long as any other."""
    verify_password(_dummy_hash(), "not the password")


def _dummy_hash() -> str:
    cache = current_app.extensions.setdefault("satupintu_dummy_hash", {})
    if "hash" not in cache:
        cache["hash"] = hash_password("dummy password for timing")
    return cache["hash"]


def password_problem(password: str) -> str | None:
    """Why a new password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return "The password must be at least 8 characters."
    if password.lower() in COMMON_PASSWORDS or len(set(password)) < 3:
        return "The password is too common. Choose another one."
    return None


def require_acceptable(password: str, field: str = "password") -> None:
    """Refuse (422 on `field`) a password the policy does not accept."""
    problem = password_problem(password)
    if problem:
        raise Invalid(errors={field: [problem]})
