"""Question answering over the plan: query understanding, retrieval, answers with citations."""

from assistant.answer import Answer, Choice, Citation
from assistant.core import Assistant, QuestionError
from assistant.retrieve import Hit
from assistant.settings import Settings

__all__ = ["Answer", "Assistant", "Choice", "Citation", "Hit", "QuestionError", "Settings"]
