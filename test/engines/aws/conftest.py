"""Shared by the AWS request-shape checks: the exported plans (--plans <dir>)."""

import json
from pathlib import Path

import pytest


def pytest_addoption(parser):
    parser.addoption("--plans", required=True, help="folder of exported plan JSON files")


def load_plans(folder):
    return [json.loads(p.read_text()) for p in sorted(Path(folder).glob("*.json"))]


@pytest.fixture(scope="session")
def plans(request):
    return load_plans(request.config.getoption("--plans"))
