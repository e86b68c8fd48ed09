"""Accounts: users, roles, login sessions with rotating refresh tokens."""

from flask_smorest import Blueprint

bp = Blueprint("accounts", __name__, description="Registration, login, tokens and profiles.")
