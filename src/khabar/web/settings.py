"""What a server is started with, and the one rule about binding: beyond the
loopback interface, writing needs a token."""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

TOKEN_ENV = "KHABAR_TOKEN"
LOOPBACK_NAMES = ("localhost",)


class SettingsError(ValueError):
    """A server that must not start as asked (a usage error)."""


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'."""
    host = host.strip("[]")
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class Settings:
    """A web app's configuration. `token` guards writes (required beyond loopback);
    `secret` signs form tokens (random per process unless given)."""

    db: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    writes_per_minute: int = 30
    write_burst: int = 10
    page_size: int = 20

    def __post_init__(self) -> None:
        self.db = Path(self.db)
        if self.token is not None and not self.token.strip():
            self.token = None
        if self.token is not None and len(self.token) < 8:
            raise SettingsError("the token must be at least 8 characters")
        if not is_loopback(self.host) and self.token is None:
            raise SettingsError(
                f"bound to {self.host}, beyond 127.0.0.1: give a token for writing notes "
                f"(--token or the {TOKEN_ENV} environment variable)"
            )

    @property
    def local_only(self) -> bool:
        """Bound to loopback: the Host header must name this machine."""
        return is_loopback(self.host)


def token_from_env(given: str | None) -> str | None:
    """The token given on the command line, else the environment's."""
    return given if given else os.environ.get(TOKEN_ENV) or None
