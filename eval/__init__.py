"""Evaluation of the plan assistant: questions, metrics, runner, comparisons (`python -m eval`)."""

from eval.metrics import fact_key, missing_facts, ndcg_at, recall_at, rr_at
from eval.questions import Question, QuestionsError, load_questions, plan_sections, validate

__all__ = [
    "Question",
    "QuestionsError",
    "fact_key",
    "load_questions",
    "missing_facts",
    "ndcg_at",
    "plan_sections",
    "recall_at",
    "rr_at",
    "validate",
]
