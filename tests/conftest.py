"""Shared paths and parsed plans: the two renderings of plan 65 and the demo plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.parse import Plan, parse_plan

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
WEB = ROOT / "corpus" / "plan-65-web.txt"
PDF = DATA / "plan-65-pdf.md"
DEMO = DATA / "plan-demo.txt"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def web() -> Plan:
    return parse_plan(read(WEB), WEB.name)


@pytest.fixture(scope="session")
def pdf() -> Plan:
    return parse_plan(read(PDF), PDF.name)


@pytest.fixture(scope="session")
def demo() -> Plan:
    return parse_plan(read(DEMO), DEMO.name)
