"""Property-based run of the OpenAPI document: generated requests never get a 5xx.

Bounded (a few examples per operation) so it stays a unit-test-sized run.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from pactlens.store import open_library
from pactlens.web import create_app
from test_web_support import anz, nato

_DIR = Path(tempfile.mkdtemp(prefix="pactlens-schemathesis-"))
_LIB = open_library(str(_DIR / "lib.db"))
for _make in (nato, anz):
    _LIB.add(_make())
APP = create_app(library=_LIB, max_upload_bytes=100_000)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _cleanup():
    yield
    _LIB.close()
    shutil.rmtree(_DIR, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_responses_match_the_schema(case):
    response = case.call()
    assert response.status_code < 500, response.text
    # A schema cannot say which uploads are PDFs or how many ids name stored documents, so a
    # schema-valid request may rightly get 413/415/422: that one check is left out.
    case.validate_response(response, excluded_checks=[positive_data_acceptance])
