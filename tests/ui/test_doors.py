"""The web layer's doors, one test each, against the real server on loopback (issue 17, item 5).

Each of these failed on the Gradio-only server: no body limit, bodies echoed in 422s,
text/plain cross-site posts accepted, uploads open to any origin, a spoofed Host reflected
with an allow-origin for a foreign Origin, and monitoring on."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest

from tests.ui.webclient import call

ASK = {"data": ["who built BERT?", []]}


@pytest.fixture(scope="module")
def url(served):
    return served[1]


def _netloc(url: str) -> str:
    return urlsplit(url).netloc


@pytest.mark.parametrize("path", ["/gradio_api/call/ask", "/api/ask", "/gradio_api/queue/join", "/mcp"])
def test_oversized_body_is_refused_with_413_on_every_route(url, path):
    r = call(url, "POST", path, b'{"data": ["' + b"x" * 2_000_000 + b'"]}', {"Content-Type": "application/json"})
    assert r.status == 413 and "larger than" in r.json()["error"]
    assert call(url, "GET", "/health").status == 200


def test_oversized_chunked_body_is_refused_too(url):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        chunks = (b"x" * 65536 for _ in range(40))  # 2.5 MB, no Content-Length
        conn.request("POST", "/api/ask", body=chunks, headers={"Content-Type": "application/json"},
                     encode_chunked=True)
        r = conn.getresponse()
        assert r.status == 413
    finally:
        conn.close()


def test_validation_errors_never_echo_the_body(url):
    marker = "ECHO-ME-" * 2000
    r = call(url, "POST", "/gradio_api/call/ask", {"data": marker})
    assert r.status == 400
    assert b"ECHO-ME" not in r.body and len(r.body) < 1000


def test_cross_site_text_plain_post_is_refused(url):
    body = json.dumps(ASK).encode()
    r = call(url, "POST", "/gradio_api/call/ask", body, {"Content-Type": "text/plain"})
    assert r.status == 415
    r = call(url, "POST", "/api/ask", json.dumps({"question": "who built BERT?"}).encode(),
             {"Content-Type": "text/plain;charset=UTF-8", "Origin": "https://evil.example"})
    assert r.status == 403
    assert call(url, "POST", "/api/ask", {"question": "x"}, headers={"Sec-Fetch-Site": "cross-site"}).status == 403


def test_uploads_are_off(url):
    boundary = "b0undary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\nhello\r\n--{boundary}--\r\n").encode()
    for origin in ({}, {"Origin": url.rstrip("/")}):
        r = call(url, "POST", "/gradio_api/upload", body,
                 {"Content-Type": f"multipart/form-data; boundary={boundary}", **origin})
        assert r.status == 403 and "uploads are off" in r.json()["error"]


def test_spoofed_host_is_refused(url):
    port = urlsplit(url).port
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}"):
        r = call(url, "GET", "/", headers={"Host": host})
        assert r.status == 400, host
        assert b"evil.example" not in r.body
    assert call(url, "GET", "/", headers={"Host": f"localhost:{port}"}).status == 200


def test_dns_rebinding_gets_no_allow_origin(url):
    port = urlsplit(url).port
    r = call(url, "GET", "/config", headers={"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}"})
    assert r.status in (400, 403) and "access-control-allow-origin" not in r.headers
    for origin in ("http://evil.example", "null", f"http://localhost:{port + 1}"):
        r = call(url, "GET", "/config", headers={"Origin": origin})
        assert r.status == 403 and "access-control-allow-origin" not in r.headers, origin


def test_same_origin_requests_still_work(url):
    r = call(url, "GET", "/config", headers={"Origin": url.rstrip("/")})
    assert r.status == 200
    r = call(url, "POST", "/api/ask", {"question": "who built BERT?"}, headers={"Origin": url.rstrip("/")})
    assert r.status == 200 and r.json()["models"] == ["bert"]


@pytest.mark.parametrize("path", ["/monitoring", "/monitoring/summary", "/gradio_api/monitoring"])
def test_monitoring_is_off(url, path):
    r = call(url, "GET", path)
    assert r.status in (403, 404)
    assert b"Monitoring URL" not in r.body and b"functions" not in r.body
