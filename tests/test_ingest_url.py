"""URL reading without any network: DNS and HTTP are replaced by fakes."""

from __future__ import annotations

import socket

import httpx
import pytest

from conftest import FIXTURES
from pactlens import ingest
from pactlens.errors import InputError
from pactlens.ingest import url as url_mod

CRS = (FIXTURES / "ingest-crs-r48787-excerpt.html").read_bytes()
PUBLIC = "93.184.215.14"


@pytest.fixture
def dns(monkeypatch):
    """A fake resolver: host name → address; unknown names fail like real DNS does."""
    table: dict[str, str] = {}

    def getaddrinfo(host, port, *args, **kwargs):
        address = table.get(host, host)
        try:
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            socket.inet_pton(family, address)
        except OSError:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known") from None
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(url_mod.socket, "getaddrinfo", getaddrinfo)
    return table


@pytest.fixture
def web(monkeypatch):
    """Routes requests to a handler instead of the network; records every URL requested."""
    routes: dict[str, httpx.Response] = {}
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return routes.get(str(request.url), httpx.Response(404))

    real_client = httpx.Client

    def client(*args, **kwargs):
        return real_client(*args, transport=httpx.MockTransport(handler), **kwargs)

    monkeypatch.setattr(httpx, "Client", client)
    return routes, seen


@pytest.mark.parametrize("target", [
    "http://127.0.0.1/report.html",
    "http://10.1.2.3/report.html",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:8080/",
    "http://192.168.0.10/",
    "http://0.0.0.0/",
])
def test_private_addresses_are_refused(dns, web, target):
    routes, seen = web
    with pytest.raises(InputError, match="non-public address"):
        ingest.load(target)
    assert seen == []


def test_a_name_resolving_to_a_private_address_is_refused(dns, web):
    dns["intranet.example.org"] = "10.0.0.5"
    with pytest.raises(InputError, match=r"non-public address \(10\.0\.0\.5\)"):
        ingest.load("https://intranet.example.org/brief.html")
    assert web[1] == []


def test_redirect_targets_are_checked_again(dns, web):
    routes, seen = web
    dns["news.example.org"] = PUBLIC
    dns["internal.example.org"] = "172.16.0.9"
    routes["https://news.example.org/a"] = httpx.Response(302, headers={"location": "http://internal.example.org/x"})
    with pytest.raises(InputError, match="non-public address"):
        ingest.load("https://news.example.org/a")
    assert seen == ["https://news.example.org/a"]


def test_public_page_is_read_by_content_type(dns, web):
    routes, seen = web
    dns["crs.example.org"] = PUBLIC
    routes["https://crs.example.org/reports/R48787"] = httpx.Response(
        200, headers={"content-type": "text/html; charset=utf-8"}, content=CRS)
    norm = ingest.load("https://crs.example.org/reports/R48787")
    assert norm.media_type == "text/html"
    assert norm.source == "https://crs.example.org/reports/R48787"
    assert "(NAFTA).[1] Congress" in norm.text


def test_allow_private(dns, web):
    routes, _ = web
    routes["http://127.0.0.1/brief.txt"] = httpx.Response(200, headers={"content-type": "text/plain"},
                                                          content=b"The Parties shall consult.")
    assert ingest.load("http://127.0.0.1/brief.txt", allow_private=True).text == "The Parties shall consult."


def test_size_cap_while_streaming(dns, web):
    routes, _ = web
    dns["big.example.org"] = PUBLIC
    routes["https://big.example.org/x"] = httpx.Response(200, headers={"content-type": "text/plain"},
                                                         content=b"word " * 1000)
    with pytest.raises(InputError, match="larger than the limit of 100 bytes"):
        ingest.load("https://big.example.org/x", max_bytes=100)  # refused on its Content-Length
    routes["https://big.example.org/chunked"] = httpx.Response(
        200, headers={"content-type": "text/plain"}, content=iter([b"word " * 10] * 100))
    with pytest.raises(InputError, match="larger than the limit of 100 bytes"):
        ingest.load("https://big.example.org/chunked", max_bytes=100)  # no length: counted while streaming


def test_http_errors_and_bad_hosts(dns, web):
    dns["news.example.org"] = PUBLIC
    with pytest.raises(InputError, match="HTTP 404"):
        ingest.load("https://news.example.org/missing")
    with pytest.raises(InputError, match="cannot resolve host"):
        ingest.load("https://no-such-host.invalid/")


def test_connected_peer_is_checked_again(dns, web, monkeypatch):
    """DNS rebinding: the name passed the check, but the socket reached a private address."""
    routes, _ = web
    dns["rebind.example.org"] = PUBLIC
    monkeypatch.setattr("urllib.request.getproxies", dict)  # no proxy between us and the peer

    class Stream:
        def get_extra_info(self, key):
            return ("10.0.0.7", 443) if key == "server_addr" else None

    routes["https://rebind.example.org/"] = httpx.Response(200, content=b"secret", extensions={"network_stream": Stream()})
    with pytest.raises(InputError, match=r"non-public address \(10\.0\.0\.7\)"):
        ingest.load("https://rebind.example.org/")
