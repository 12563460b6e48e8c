"""http(s) URLs: fetched with a timeout and a size cap, never from private addresses.

A server-side fetcher pointed at ``http://169.254.169.254/`` or an intranet
host is a classic SSRF hole, so every host — the first and every redirect
target — is resolved and refused when any address it resolves to is
loopback, private, link-local, reserved, multicast or unspecified, unless the
caller allows private addresses.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from pactlens.errors import InputError
from pactlens.ingest.util import one_line

TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
USER_AGENT = "pactlens (+https://github.com/pactlens/pactlens)"


@dataclass
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str  # without parameters, lower case; "" when the server sent none


def check_host(url: str, *, allow_private: bool = False) -> None:
    """Refuse URLs that are not http(s) or whose host resolves to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: only http(s) URLs with a host name can be read")
    if allow_private:
        return
    for address in resolve(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)):
        if not is_public(address):
            raise InputError(f"{url}: refusing to fetch from a non-public address ({address}); "
                             "use --allow-private to permit it")


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (literal IPs resolve to themselves)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{host}: cannot resolve host ({one_line(exc)})") from None
    return sorted({info[4][0] for info in infos})


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
                                 or ip.is_multicast or ip.is_unspecified)


def fetch(url: str, *, max_bytes: int, allow_private: bool = False, timeout: float = TIMEOUT_S) -> Fetched:
    """GET ``url`` following redirects by hand (each target checked), reading at most ``max_bytes``."""
    import httpx

    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
            for _ in range(MAX_REDIRECTS + 1):
                check_host(url, allow_private=allow_private)
                with client.stream("GET", url) as response:
                    _check_peer(response, url, allow_private)
                    if response.is_redirect and response.headers.get("location"):
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise InputError(f"{url}: the server answered HTTP {response.status_code}")
                    data = _read_capped(response, url, max_bytes)
                    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    return Fetched(data=data, url=str(response.url), content_type=ctype)
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {one_line(exc)})") from None
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _check_peer(response, url: str, allow_private: bool) -> None:
    """Check the address actually connected to, before reading a byte of the body.

    The host was checked before the request, but DNS may answer differently
    the second time (DNS rebinding); the socket's peer is the final word —
    unless a proxy is configured, whose own address says nothing of the target.
    """
    from urllib.request import getproxies

    if allow_private or getproxies():
        return
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer and not is_public(str(peer[0])):
        raise InputError(f"{url}: refusing to read from a non-public address ({peer[0]}); "
                         "use --allow-private to permit it")


def _read_capped(response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url}: the document is larger than the limit of {max_bytes} bytes")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: the document is larger than the limit of {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
