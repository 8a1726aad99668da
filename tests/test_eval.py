"""eval.questions, eval.metrics, eval.stats: loaders, validator, hand-computed metrics, ir_measures."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import ir_measures
import pytest
from ir_measures import RR, R, nDCG

from eval.__main__ import main
from eval.metrics import (
    abstention,
    fact_key,
    list_complete,
    missing_facts,
    ndcg_at,
    ranking_metrics,
    recall_at,
    rr_at,
)
from eval.questions import (
    Question,
    QuestionsError,
    load_beir,
    load_jsonl,
    load_questions,
    plan_sections,
    validate,
)
from eval.stats import abstention_ci, mean_ci, paired_permutation

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "eval" / "questions.jsonl"
PLAN = ROOT / "corpus" / "plan-65-web.txt"


@pytest.fixture(scope="module")
def sections() -> set[str]:
    return plan_sections(PLAN)


def _write(path: Path, records: Sequence[Mapping[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


GOOD: list[dict[str, object]] = [
    {"id": "a1", "q": "Sở nào chủ trì nhiệm vụ về nhà ở?", "style": "vi", "kind": "lead",
     "gold": ["III.6.đ"], "answer_has": ["Sở Xây dựng"], "all_of": []},
    {"id": "a2", "q": "so nao chu tri nhiem vu 6d", "style": "vi_nodiac", "kind": "lead", "gold": ["III.6.d"]},
    {"id": "a3", "q": "Which tasks does Sở Y tế lead?", "style": "en", "kind": "aggregate",
     "gold": ["III.4.a", "III.5.b", "III.6.b"], "answer_has": [], "all_of": ["III.4.a", "III.5.b", "III.6.b"]},
    {"id": "a4", "q": "Thời tiết ngày mai?", "style": "vi", "kind": "oos", "gold": []},
    {"id": "a5", "q": "ai ky ke hoach", "style": "ref", "kind": "meta", "gold": ["signature"]},
]


# -- loading and validation ------------------------------------------------------
def test_real_question_set_is_valid(sections: set[str]) -> None:
    questions = load_questions(QUESTIONS)
    assert len(questions) >= 300
    assert validate(questions, sections) == []


def test_plan_sections_keep_vietnamese_letters(sections: set[str]) -> None:
    assert {"header", "III.6.đ", "III.6.d", "recipients", "signature"} <= sections


def test_good_file_passes(tmp_path: Path, sections: set[str]) -> None:
    questions = load_jsonl(_write(tmp_path / "q.jsonl", GOOD))
    assert [q.id for q in questions] == ["a1", "a2", "a3", "a4", "a5"]
    assert questions[1].answer_has == () and questions[1].all_of == ()
    assert questions[0] == Question("a1", str(GOOD[0]["q"]), "vi", "lead", ("III.6.đ",), ("Sở Xây dựng",), ())
    assert validate(questions, sections) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"gold": ["III.9.a"]}, "unknown section id(s) in gold: III.9.a"),
        ({"all_of": ["III.6.g"]}, "unknown section id(s) in all_of: III.6.g"),
        ({"id": "a1"}, "duplicate id"),
        ({"q": "  SỞ NÀO chủ trì   nhiệm vụ về nhà ở "}, "duplicate question"),
        ({"style": "fr"}, "unknown style 'fr'"),
        ({"kind": "trivia"}, "unknown kind 'trivia'"),
        ({"gold": []}, "empty gold for kind 'lead'"),
        ({"q": "   "}, "empty question"),
    ],
)
def test_each_bad_record_is_rejected(tmp_path: Path, sections: set[str], change: dict[str, object],
                                     problem: str) -> None:
    bad = {"id": "b1", "q": "Một câu hỏi khác hẳn?", "style": "vi", "kind": "lead", "gold": ["III.3"], **change}
    problems = validate(load_jsonl(_write(tmp_path / "q.jsonl", [*GOOD, bad])), sections)
    assert len(problems) == 1 and problem in problems[0], problems


def test_oos_needs_no_gold(sections: set[str]) -> None:
    assert validate([Question("x", "Giá vé máy bay?", "vi", "oos", ())], sections) == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"id": "x", "q": "?", "style": "vi"}', "missing field(s) kind, gold"),
        ('{"id": "x", "q": "?", "style": "vi", "kind": "lead", "gold": "III.3"}', "'gold' must be a list"),
        ("[1, 2]", "expected a JSON object"),
    ],
)
def test_malformed_lines_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    f = tmp_path / "q.jsonl"
    f.write_text(json.dumps(GOOD[0], ensure_ascii=False) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(QuestionsError, match=re.escape(message)) as exc:
        load_jsonl(f)
    assert f"{f}:2" in str(exc.value)


def test_validate_cli_exits_2_and_prints_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path / "bad.jsonl", [*GOOD, {**GOOD[0], "id": "a9", "q": "Khác?", "gold": ["X.1"]}])
    assert main(["validate", "--questions", str(bad), "--plan", str(PLAN)]) == 2
    assert "unknown section id(s) in gold: X.1" in capsys.readouterr().out
    good = _write(tmp_path / "good.jsonl", GOOD)
    assert main(["validate", "--questions", str(good), "--plan", str(PLAN)]) == 0
    assert main(["validate", "--questions", str(tmp_path / "missing.jsonl"), "--plan", str(PLAN)]) == 2


def test_beir_folder(tmp_path: Path, sections: set[str]) -> None:
    (tmp_path / "qrels").mkdir()
    _write(tmp_path / "queries.jsonl", [
        {"_id": "b1", "text": "Ai chủ trì nhiệm vụ 6đ?"},
        {"_id": "b2", "text": "Which tasks does Sở Y tế lead?", "metadata": {"style": "en", "kind": "aggregate"}},
        {"_id": "b3", "text": "Một câu không có nhãn"},
        {"_id": "b4", "text": "Thời tiết?", "metadata": {"kind": "oos"}},
    ])
    (tmp_path / "qrels" / "test.tsv").write_text(
        "query-id\tcorpus-id\tscore\nb1\tIII.6.đ\t1\nb2\tIII.4.a\t1\nb2\tIII.5.b\t2\nb2\tIII.1.a\t0\n",
        encoding="utf-8",
    )
    questions = load_questions(tmp_path)
    assert [(q.id, q.style, q.kind, q.gold) for q in questions] == [
        ("b1", "vi", "content", ("III.6.đ",)),
        ("b2", "en", "aggregate", ("III.4.a", "III.5.b")),
        ("b4", "vi", "oos", ()),
    ]
    assert validate(questions, sections) == []
    assert load_beir(tmp_path)[0].q == "Ai chủ trì nhiệm vụ 6đ?"


def test_beir_folder_without_qrels_is_refused(tmp_path: Path) -> None:
    (tmp_path / "queries.jsonl").write_text('{"_id": "1", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(QuestionsError, match=r"test\.tsv is missing"):
        load_questions(tmp_path)


# -- metrics on a tiny run computed by hand --------------------------------------
RUN = {"q1": ["a", "b", "c", "d"], "q2": ["z", "y"], "q3": []}
GOLD = {"q1": ["b", "d", "x"], "q2": ["z"], "q3": ["a"]}
# q1: b at rank 2, d at rank 4, x never retrieved.
L3, L5 = 1 / math.log2(3), 1 / math.log2(5)
HAND = {
    "q1": {"R@1": 0.0, "R@3": 1 / 3, "R@5": 2 / 3, "R@10": 2 / 3, "MRR@10": 0.5,
           "nDCG@10": (L3 + L5) / (1 + L3 + 0.5)},
    "q2": {"R@1": 1.0, "R@3": 1.0, "R@5": 1.0, "R@10": 1.0, "MRR@10": 1.0, "nDCG@10": 1.0},
    "q3": {"R@1": 0.0, "R@3": 0.0, "R@5": 0.0, "R@10": 0.0, "MRR@10": 0.0, "nDCG@10": 0.0},
}


def test_ranking_metrics_by_hand() -> None:
    for qid, expected in HAND.items():
        got = ranking_metrics(RUN[qid], GOLD[qid])
        assert got == pytest.approx(expected, abs=1e-12), qid
    assert HAND["q1"]["nDCG@10"] == pytest.approx(0.498189, abs=1e-6)
    # Means over the three questions: R@5 = (2/3 + 1 + 0) / 3, MRR@10 = (0.5 + 1 + 0) / 3.
    assert sum(recall_at(RUN[q], GOLD[q], 5) for q in RUN) / 3 == pytest.approx(5 / 9)
    assert sum(rr_at(RUN[q], GOLD[q]) for q in RUN) / 3 == pytest.approx(0.5)


def test_rank_cutoffs() -> None:
    deep = [str(i) for i in range(20)]
    assert rr_at(deep, ["12"]) == 0.0 and rr_at(deep, ["9"]) == pytest.approx(0.1)
    assert ndcg_at(deep, ["15"]) == 0.0
    assert recall_at(["a", "a"], ["a"], 1) == 1.0


MEASURES = {"R@1": R @ 1, "R@3": R @ 3, "R@5": R @ 5, "R@10": R @ 10, "MRR@10": RR @ 10, "nDCG@10": nDCG @ 10}


def ir_measures_values(run: dict[str, list[str]], gold: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """Per-query values from ir_measures; a query it skips (no retrieved section) scores 0."""
    qrels = [ir_measures.Qrel(q, d, 1) for q, ds in gold.items() for d in ds]
    scored = [ir_measures.ScoredDoc(q, d, float(len(ds) - i)) for q, ds in run.items() for i, d in enumerate(ds)]
    out = {q: dict.fromkeys(MEASURES, 0.0) for q in gold}
    names = {str(m): name for name, m in MEASURES.items()}
    for m in ir_measures.iter_calc(list(MEASURES.values()), qrels, scored):
        out[m.query_id][names[str(m.measure)]] = m.value
    return out


def test_metrics_agree_with_ir_measures_on_hand_run() -> None:
    ref = ir_measures_values(RUN, GOLD)
    for qid in GOLD:
        ours = ranking_metrics(RUN[qid], GOLD[qid])
        for name in MEASURES:
            assert abs(ours[name] - ref[qid][name]) < 1e-9, (qid, name)


def test_metrics_agree_with_ir_measures_on_a_larger_run() -> None:
    import random

    rnd = random.Random(7)
    docs = ["III.6.đ", "III.6.d", "III.1.a", "II.2.a", "header", *(f"s{i}" for i in range(30))]
    run = {f"q{i}": rnd.sample(docs, rnd.randint(0, 15)) for i in range(60)}
    gold = {f"q{i}": rnd.sample(docs, rnd.randint(1, 6)) for i in range(60)}
    ref = ir_measures_values(run, gold)
    for qid in gold:
        ours = ranking_metrics(run[qid], gold[qid])
        for name in MEASURES:
            assert abs(ours[name] - ref[qid][name]) < 1e-9, (qid, name)


# -- answers ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Cơ quan chủ trì: Sở Lao động-Thương binh và Xã hội.", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Lao động – Thương binh và Xã hội", "sở lao động - thương binh và xã hội"),
        ("Tỷ lệ hộ nghèo giảm; Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
        ("chuyển đổi số, công nghiệp hoá", "công nghiệp hóa"),
        ("Kế hoạch số 65/KH-UBND", "65/KH - UBND"),
        ("ngày 20 tháng 3\nnăm 2024", "20 tháng 3 năm 2024"),
        ("THƯỜNG XUYÊN", "Thường xuyên"),
        ("Cơ quan: S\u01a1\u0309 X\u00e2y d\u01b0\u0323ng", "Sở Xây dựng"),  # decomposed marks
    ],
)
def test_fact_found_after_normalising(answer: str, expected: str) -> None:
    assert missing_facts(answer, [expected]) == []


def test_missing_facts_are_listed() -> None:
    assert missing_facts("Cơ quan chủ trì: Sở Xây dựng.", ["Sở Xây dựng", "Sở Y tế", "2025"]) == ["Sở Y tế", "2025"]
    assert missing_facts("Sở Y tế", ["Sở Y tế cấp"]) == ["Sở Y tế cấp"]
    assert fact_key("  A  -B ") == "a - b"


def test_list_completeness_and_abstention() -> None:
    assert list_complete(["III.4.a", "III.5.b", "III.6.b", "III.1.a"], ["III.4.a", "III.6.b"])
    assert not list_complete(["III.4.a"], ["III.4.a", "III.6.b"])
    assert abstention([True, True, False, False], [True, False, True, False]) == (0.5, 0.5)
    p, r = abstention([False, False], [True, False])
    assert math.isnan(p) and r == 0.0


# -- uncertainty -----------------------------------------------------------------
def test_bootstrap_interval_is_reproducible_and_brackets_the_mean() -> None:
    values = [1.0] * 30 + [0.0] * 10
    mean, lo, hi = mean_ci(values)
    assert mean == 0.75 and lo < mean < hi and 0.5 < lo and hi < 0.9
    assert mean_ci(values) == (mean, lo, hi)
    assert mean_ci([1.0] * 5) == (1.0, 1.0, 1.0)
    assert all(math.isnan(x) for x in mean_ci([]))


def test_abstention_interval() -> None:
    (p, plo, phi), (r, _, rhi) = abstention_ci([True] * 8 + [False] * 12, [True] * 6 + [False] * 14)
    assert p == 0.75 and r == 1.0 and plo <= p <= phi and rhi == 1.0


def test_paired_permutation() -> None:
    a = [1.0] * 40
    assert paired_permutation(a, a) == 1.0
    assert paired_permutation(a, [0.0] * 40) < 0.001
    mixed = [1.0, 0.0] * 20
    p = paired_permutation(mixed, [0.0, 1.0] * 20)
    assert p > 0.5 and p == paired_permutation(mixed, [0.0, 1.0] * 20)
