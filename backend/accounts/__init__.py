"""Accounts: users, roles, login sessions with rotating refresh tokens."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint("accounts", __name__, description="Registration, login, tokens and profiles.")
