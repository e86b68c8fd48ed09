"""Flask commands: seed, create-admin."""

import click
from flask import Flask, current_app
from sqlalchemy import select

from .accounts import services as accounts
from .accounts.models import Role, User
from .catalog import services as catalog
from .citypacks import load_pack
from .extensions import db
from .places import services as places
from .places.models import Opd

# Documented in the README; refused in production.
DEMO_PASSWORD = "satupintu-demo"
DEMO_ACCOUNTS = [
    ("Warga Demo", "warga@demo.satupintu.id", Role.RESIDENT, None),
    ("Staf DPU Demo", "staf.dpu@demo.satupintu.id", Role.OPD_STAFF, "DPU"),
    ("Staf DLH Demo", "staf.dlh@demo.satupintu.id", Role.OPD_STAFF, "DLH"),
    ("Operator Demo", "operator@demo.satupintu.id", Role.OPERATOR, None),
    ("Admin Demo", "admin@demo.satupintu.id", Role.ADMIN, None),
]


def seed_demo_accounts() -> list[tuple[str, str]]:
    """One account per role with a known password; existing ones are left alone."""
    created = []
    for name, email, role, opd_code in DEMO_ACCOUNTS:
        if db.session.scalar(select(User.id).where(User.email == email)) is None:
            opd = db.session.scalar(select(Opd).where(Opd.code == opd_code)) if opd_code else None
            accounts.create_user(
                {"name": name, "email": email, "role": role, "opd": opd, "password": DEMO_PASSWORD}
            )
        created.append((role.value, email))
    return created


@click.command("seed")
@click.option("--demo", is_flag=True, help="Also add demo accounts (refused in production).")
def seed_command(demo: bool) -> None:
    """Load the city pack (CITY_PACK) idempotently; --demo adds demo data."""
    if demo and current_app.config["ENV_NAME"] == "production":
        raise click.UsageError("Demo data is refused in production.")
    pack = load_pack(current_app.config["CITY_PACK"])
    places.seed_places(pack)
    catalog.seed_catalog(pack)
    click.echo(
        f"Seeded {pack['city']['name']}: {len(pack['kecamatan'])} kecamatan, {len(pack['opds'])} OPD, "
        f"{len(pack['services'])} services."
    )
    if demo:
        click.echo(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for role, email in seed_demo_accounts():
            click.echo(f"  {role:<10} {email}")


@click.command("create-admin")
@click.option("--name", prompt="Name")
@click.option("--email", prompt="E-mail")
@click.password_option()
def create_admin_command(name: str, email: str, password: str) -> None:
    """Create an admin account."""
    from .accounts.passwords import password_problem

    problem = password_problem(password)
    if problem:
        raise click.UsageError(problem)
    user = accounts.create_user(
        {"name": name, "email": email.strip().lower(), "role": Role.ADMIN, "password": password}
    )
    click.echo(f"Admin {user.email} created.")


def register_commands(app: Flask) -> None:
    app.cli.add_command(seed_command)
    app.cli.add_command(create_admin_command)
