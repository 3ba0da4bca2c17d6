"""`flask notify due [--date YYYY-MM-DD]`: the notifications that fall due on a day, for a daily
cron job or systemd timer. Running it twice on one day sends nothing twice."""
from datetime import date

import click

from tracker.audit import cli_actor
from tracker.db import db
from tracker.notifications import services


@click.group("notify")
def notify_group():
    """Notifications."""


@notify_group.command("due")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The day to run for (default: today).")
def due(day):
    """Send the notifications that fall due on the day (once per day and recipient)."""
    day = day.date() if day else date.today()
    with cli_actor("cli:notify-due"):
        added = services.send_due(day)
        db.session.commit()  # e-mail copies leave after this commit
    click.echo(f"{added} notification(s) for {day.isoformat()}.")
