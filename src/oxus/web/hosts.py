"""Which ``Host`` (and ``Origin``) the app answers for, given the address it listens on.

A page on another site can steer the analyst's browser at a server on loopback by DNS
rebinding (``rebind.evil.example`` made to resolve to 127.0.0.1); the browser then
treats the server's answers as that site's. The ``Host`` header still names the
attacker's domain, so the app only answers for the names it was bound to, loopback
names when it listens on loopback, and any names given with ``--allow-host``. A server
listening on every interface also answers for any address literal (no DNS, so nothing
to rebind) and for the machine's own name.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

WILDCARDS = frozenset({"", "0.0.0.0", "::", "[::]", "*"})
"""Ways to spell "every interface" (uvicorn binds all of them for each)."""
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address ``host`` spells (brackets allowed), else None."""
    try:
        address = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def resolve(host: str) -> set[str]:
    """Every address a host name resolves to (empty when it does not resolve)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return set()
    return {str(info[4][0]) for info in infos}


def is_loopback(host: str) -> bool:
    """True only when listening on ``host`` is reachable from this machine alone.

    The empty host and the wildcard addresses listen on every interface; a host name
    counts as loopback only when every address it resolves to is a loopback address.
    """
    host = host.strip().lower().rstrip(".")
    if host in WILDCARDS:
        return False
    if host in LOOPBACK_NAMES:
        return True
    address = ip_literal(host)
    if address is not None:
        return address.is_loopback
    addresses = [ip_literal(a) for a in resolve(host)]
    return bool(addresses) and all(a is not None and a.is_loopback for a in addresses)


def host_of(value: str) -> str | None:
    """The host part of a ``Host`` header (``name``, ``name:port``, ``[v6]:port``), folded."""
    value = value.strip().lower()
    if not value or any(c.isspace() or c in "/\\@?#" for c in value):
        return None
    if value.startswith("["):
        end = value.find("]")
        if end < 0 or (value[end + 1 :] and not value[end + 1 :].startswith(":")):
            return None
        host, port = value[1:end], value[end + 2 :]
    elif value.count(":") > 1:
        host, port = value, ""  # a bare IPv6 literal
    else:
        host, _, port = value.partition(":")
    if port and not port.isdigit():
        return None
    return host.rstrip(".") or None


@dataclass(frozen=True)
class HostPolicy:
    """The host names and addresses one running app answers for."""

    names: frozenset[str]
    any_address: bool = False
    """Listening on every interface: any address literal is the server itself."""
    loopback_addresses: bool = False

    @classmethod
    def for_bind(cls, host: str, allow: Iterable[str] = ()) -> HostPolicy:
        bound = host.strip().lower().rstrip(".")
        names = {n for n in (host_of(a) for a in allow) if n}
        names.update(LOOPBACK_NAMES if is_loopback(bound) or bound in WILDCARDS else ())
        if bound in WILDCARDS:
            names.update(n.lower() for n in (socket.gethostname(), socket.getfqdn()) if n)
            return cls(frozenset(names), any_address=True, loopback_addresses=True)
        address = ip_literal(bound)
        names.add(str(address) if address is not None else bound)
        if address is None:
            names.update(resolve(bound))
        return cls(frozenset(names), loopback_addresses=is_loopback(bound))

    def allows(self, host: str | None) -> bool:
        """Whether a request naming ``host`` (a header value, port included) is for us."""
        name = host_of(host or "")
        if name is None:
            return False
        if name in self.names:
            return True
        address = ip_literal(name)
        if address is None:
            return False
        return (
            self.any_address
            or str(address) in self.names
            or (self.loopback_addresses and address.is_loopback)
        )

    def allows_origin(self, origin: str) -> bool:
        """Whether a browser ``Origin`` header names a page served by this app's hosts."""
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        return parts.scheme in ("http", "https") and self.allows(parts.netloc)
