"""Chunking invariants over both renderings of plan 65 and the demo plan."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import pytest

from index.chunk import Chunk, chunk_plan, title_path
from index.parse import Plan

SIZES = [(1000, 150), (300, 100), (300, 0), (120, 30)]


@pytest.fixture(params=["web", "pdf", "demo"])
def plan(request: pytest.FixtureRequest) -> Plan:
    return request.getfixturevalue(request.param)


@pytest.fixture(params=SIZES, ids=[f"size{s}-overlap{o}" for s, o in SIZES])
def sized(plan: Plan, request: pytest.FixtureRequest) -> tuple[Plan, int, list[Chunk]]:
    size, overlap = request.param
    return plan, size, chunk_plan(plan, size, overlap)


def by_section(chunks: list[Chunk]) -> dict[str, list[Chunk]]:
    out: dict[str, list[Chunk]] = defaultdict(list)
    for c in chunks:
        out[c.section].append(c)
    return out


def test_offsets_are_truth(sized: tuple[Plan, int, list[Chunk]]) -> None:
    plan, _, chunks = sized
    for c in chunks:
        assert plan.text[c.start : c.end] == c.text, (c.section, c.part)
        assert c.doc == plan.source


def test_no_empty_chunk_and_size_bound(sized: tuple[Plan, int, list[Chunk]]) -> None:
    _, size, chunks = sized
    assert chunks
    for c in chunks:
        assert c.text.strip(), (c.section, c.part)
        assert len(c.text) <= size, (c.section, c.part, len(c.text))


def test_chunks_never_cross_their_section(sized: tuple[Plan, int, list[Chunk]]) -> None:
    plan, _, chunks = sized
    for c in chunks:
        section = plan.section(c.section)
        assert section is not None
        assert section.start <= c.start < c.end <= section.end, (c.section, c.part)


def test_parts_are_numbered_one_to_n_in_document_order(sized: tuple[Plan, int, list[Chunk]]) -> None:
    _, _, chunks = sized
    for sid, pieces in by_section(chunks).items():
        assert [c.part for c in pieces] == list(range(1, len(pieces) + 1)), sid
        starts = [c.start for c in pieces]
        assert starts == sorted(starts) and len(set(starts)) == len(starts), sid
    starts = [c.start for c in chunks]
    assert starts == sorted(starts)


def test_every_section_with_a_body_has_chunks_and_only_those(sized: tuple[Plan, int, list[Chunk]]) -> None:
    plan, _, chunks = sized
    with_body = {s.id for s in plan.sections if s.has_body}
    assert set(by_section(chunks)) == with_body


def test_chunks_lose_no_text(sized: tuple[Plan, int, list[Chunk]]) -> None:
    plan, _, chunks = sized
    covered = bytearray(len(plan.text))
    for c in chunks:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    for s in plan.sections:
        if not s.has_body:
            continue
        lost = "".join(ch for i, ch in enumerate(plan.text[s.start : s.end], s.start) if not covered[i])
        assert not lost.strip(), (s.id, lost[:80])


def test_small_size_splits_long_sections(plan: Plan) -> None:
    chunks = chunk_plan(plan, 300, 100)
    pieces = by_section(chunks)
    long_sections = [s for s in plan.sections if s.has_body and s.end - s.start > 300]
    assert long_sections
    for s in long_sections:
        assert len(pieces[s.id]) >= 2, s.id
    short = [s for s in plan.sections if s.has_body and s.end - s.start <= 300]
    for s in short:
        assert [(c.start, c.end) for c in pieces[s.id]] == [(s.start, s.end)], s.id


def test_consecutive_pieces_overlap(plan: Plan) -> None:
    chunks = chunk_plan(plan, 300, 100)
    for sid, pieces in by_section(chunks).items():
        for a, b in pairwise(pieces):
            assert b.start < a.end, f"{sid} parts {a.part} and {b.part} share no text"


def test_title_path_and_embed_text(web: Plan, pdf: Plan) -> None:
    expected = (
        "III. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN › "
        "6. Nâng cao phúc lợi xã hội toàn dân, bảo đảm mọi người dân được tiếp cận"
    )
    for plan in (web, pdf):
        path = title_path(plan, "III.6.đ")
        assert path.startswith(expected)
        assert path.endswith(" › đ) Về nhà ở")
        chunk = next(c for c in chunk_plan(plan) if c.section == "III.6.đ")
        assert chunk.title == path
        assert chunk.embed_text().startswith(path + "\n")
        assert chunk.embed_text().endswith(chunk.clean)
        assert chunk.clean.startswith("đ) Về nhà ở: Nêu cao tinh thần trách nhiệm")


def test_clean_text_has_no_markdown_or_line_breaks(pdf: Plan) -> None:
    for c in chunk_plan(pdf):
        assert "**" not in c.clean and "<sup>" not in c.clean and "\n" not in c.clean, (c.section, c.part)
