"""Flask commands: seed, create-admin, publish-due, vapid-keys, storage migrate, warnings poll."""

import click
from flask import Flask, current_app

from . import demo as demo_data
from . import demo_requests
from .accounts import services as accounts
from .catalog import services as catalog
from .citypacks import load_pack
from .news import services as news
from .places import services as places
from .push import vapid
from .security import Role
from .storage import LocalStorage, S3Storage, migrate_local_files, storage
from .warnings import intake as warnings_intake


@click.command("seed")
@click.option("--demo", "with_demo", is_flag=True, help="Also add demo data (refused in production).")
def seed_command(with_demo: bool) -> None:
    """Load the city pack (CITY_PACK) idempotently; --demo adds demo accounts, articles and a month of
    requests."""
    if with_demo and current_app.config["ENV_NAME"] == "production":
        raise click.UsageError("Demo data is refused in production.")
    pack = load_pack(current_app.config["CITY_PACK"])
    places.seed_places(pack)
    catalog.seed_catalog(pack)
    click.echo(
        f"Seeded {pack['city']['name']}: {len(pack['kecamatan'])} kecamatan, {len(pack['opds'])} OPD, "
        f"{len(pack['services'])} services."
    )
    if with_demo:
        articles = demo_data.seed_demo_articles(current_app.config["CITY_PACK"])
        click.echo(f"Demo articles added: {articles}.")
        accounts = demo_data.seed_demo_accounts()
        # After the accounts: some requests are the demo resident's.
        click.echo(f"Demo requests added: {demo_requests.seed_demo_requests()}.")
        click.echo(f"Demo accounts (password: {demo_data.DEMO_PASSWORD}):")
        for role, email in accounts:
            click.echo(f"  {role:<10} {email}")
        click.echo(
            "The admin and operator sign in with two-factor codes: add the secret "
            f"{demo_data.DEMO_TOTP_SECRET} to an authenticator app (Google Authenticator, Aegis, 2FAS...)."
        )


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


@click.command("publish-due")
def publish_due_command() -> None:
    """Publish the scheduled articles whose time has come (announcing each once)."""
    published = news.publish_due_articles()
    click.echo(f"Published {len(published)} scheduled article(s).")


@click.command("vapid-keys")
@click.option("--save", is_flag=True, help="Development: keep a pair in the instance folder (made once).")
def vapid_keys_command(save: bool) -> None:
    """Make a VAPID key pair and print the configuration lines."""
    if save:
        made = vapid.save_instance_keys(current_app)
        click.echo(
            "VAPID keys saved in the instance folder."
            if made
            else "VAPID keys already in the instance folder."
        )
        return
    for name, value in vapid.generate_keys().items():
        click.echo(f"{name}={value}")
    click.echo("VAPID_SUBJECT=mailto:diskominfo@your-city.go.id")


@click.group("storage")
def storage_group() -> None:
    """Where photos are stored."""


@storage_group.command("migrate")
@click.option("--keep-local", is_flag=True, help="Leave the files on disk after copying them.")
def storage_migrate_command(keep_local: bool) -> None:
    """Move the photos under UPLOAD_DIR into the STORAGE_S3_BUCKET bucket; safe to run again."""
    target = storage()
    if not isinstance(target, S3Storage):
        raise click.UsageError("Set STORAGE_S3_BUCKET (and S3_ENDPOINT_URL, AWS_*) to migrate photos to it.")
    counts = migrate_local_files(LocalStorage(current_app.config["UPLOAD_DIR"]), target, keep_local)
    click.echo(
        f"Copied {counts.copied} file(s) to bucket {target.bucket}; {counts.already_there} already there; "
        f"{counts.removed} removed from {current_app.config['UPLOAD_DIR']}."
    )


@click.group("warnings")
def warnings_group() -> None:
    """Official warnings (BMKG)."""


@warnings_group.command("poll")
def warnings_poll_command() -> None:
    """Poll every warning source now, whatever its schedule, and say what each gave."""
    reports = warnings_intake.poll_sources(force=True)
    for report in reports:
        click.echo(report.line())
    if not reports:
        click.echo("No warning source is configured (the city pack's warnings URLs are empty).")


def register_commands(app: Flask) -> None:
    app.cli.add_command(seed_command)
    app.cli.add_command(publish_due_command)
    app.cli.add_command(vapid_keys_command)
    app.cli.add_command(create_admin_command)
    app.cli.add_command(storage_group)
    app.cli.add_command(warnings_group)
