"""The trainer: a multiple-choice quiz drawn from the task and target tables, and the lesson order."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.targets import Target
from index.parse import Plan, Section, Task
from webapp.texts import t

# Targets whose unit makes a fair blank: percentages and counted things, not ages or ranks.
QUIZ_UNITS = {"%", "căn", "hộ", "nhà", "giường", "m2"}


@dataclass(frozen=True, slots=True)
class QuizQuestion:
    kind: str  # lead | task_of | target
    args: tuple[tuple[str, str], ...]  # fills the prompt text of `kind`
    choices: tuple[str, ...]
    answer: int  # index of the correct choice
    doc: str
    section: str
    highlight: tuple[int, int]  # the evidence, as offsets into the plan text

    def prompt(self, lang: str) -> str:
        return t(lang, f"quiz_{self.kind}", **dict(self.args))

    @property
    def correct(self) -> str:
        return self.choices[self.answer]


@dataclass(frozen=True, slots=True)
class QuizState:
    questions: tuple[QuizQuestion, ...] = ()
    i: int = 0
    score: int = 0
    answered: bool = False
    picked: str = ""

    @property
    def current(self) -> QuizQuestion | None:
        return self.questions[self.i] if self.i < len(self.questions) else None

    @property
    def done(self) -> bool:
        return bool(self.questions) and self.i >= len(self.questions) - 1 and self.answered


def _question(
    kind: str,
    args: dict[str, str],
    right: str,
    wrong: Sequence[str],
    doc: str,
    section: str,
    hl: tuple[int, int],
    rng: random.Random,
) -> QuizQuestion:
    choices = [right, *wrong]
    rng.shuffle(choices)
    return QuizQuestion(kind, tuple(args.items()), tuple(choices), choices.index(right), doc, section, hl)


def _label(task: Task) -> str:
    return f"{task.id} — {task.title}"


def quiz_pool(plans: Sequence[Plan], targets: Sequence[Target], rng: random.Random) -> list[QuizQuestion]:
    """Every question the tables support, choices shuffled by `rng`."""
    tasks = [(p, task) for p in plans for task in p.work()]
    leads = sorted({"; ".join(task.lead) for _, task in tasks if task.lead})
    pool: list[QuizQuestion] = []
    for p, task in tasks:
        right = "; ".join(task.lead)
        # A distractor sharing an agency with the answer would be half right.
        others = [x for x in leads if not set(x.split("; ")) & set(task.lead)]
        if right and len(others) >= 3:
            pool.append(
                _question(
                    "lead",
                    {"id": task.id, "title": task.title},
                    right,
                    rng.sample(others, 3),
                    p.source,
                    task.id,
                    task.spans[0],
                    rng,
                )
            )
    by_agency: dict[str, list[tuple[Plan, Task]]] = {}
    for p, task in tasks:
        for name in task.lead:
            by_agency.setdefault(name, []).append((p, task))
    for name, led in sorted(by_agency.items()):
        p, task = rng.choice(led)
        others = [_label(x) for _, x in tasks if name not in x.lead]
        if len(others) >= 3:
            pool.append(
                _question(
                    "task_of",
                    {"agency": name},
                    _label(task),
                    rng.sample(others, 3),
                    p.source,
                    task.id,
                    task.spans[0],
                    rng,
                )
            )
    for tg in targets:
        if tg.unit not in QUIZ_UNITS or tg.value not in tg.indicator:
            continue
        others = sorted({x.value for x in targets if x.unit == tg.unit and x.value != tg.value})
        if len(others) < 2:
            continue
        clause = tg.indicator.replace(tg.value, "____", 1)
        pool.append(
            _question(
                "target",
                {"year": str(tg.year), "clause": clause},
                tg.value,
                rng.sample(others, min(3, len(others))),
                tg.doc,
                tg.section,
                (tg.start, tg.end),
                rng,
            )
        )
    return pool


def new_quiz(plans: Sequence[Plan], targets: Sequence[Target], n: int, seed: int | None = None) -> QuizState:
    """A quiz of `n` distinct questions in random order (fewer if the plan has fewer)."""
    rng = random.Random(seed)
    pool = quiz_pool(plans, targets, rng)
    return QuizState(tuple(rng.sample(pool, max(1, min(n, len(pool))))) if pool else ())


def answer(state: QuizState, choice: str | None) -> QuizState:
    """Record the answer to the current question (once); a missing choice changes nothing."""
    q = state.current
    if q is None or state.answered or not choice:
        return state
    return replace(state, answered=True, picked=choice, score=state.score + (choice == q.correct))


def advance(state: QuizState) -> QuizState:
    if not state.answered or state.i + 1 >= len(state.questions):
        return state
    return replace(state, i=state.i + 1, answered=False, picked="")


def lesson_sections(plan: Plan) -> list[Section]:
    """The plan in reading order, header to signature."""
    return sorted(plan.sections, key=lambda s: s.start)
