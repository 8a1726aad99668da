"""The answer composers, one module per kind of answer, joined in one Composer.

Each kind writes one route of the route table (assistant/routes.py): role, list, duties, target,
document, passage, refusal. The route of the answer a thread last wrote is kept, so every answer
reports the route it took.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from assistant.compose.document import DocumentAnswers
from assistant.compose.indicators import TargetAnswers
from assistant.compose.lists import ListAnswers
from assistant.compose.roles import RoleAnswers

# The route of each composer that writes an answer; helpers (find_task, mention_tasks …) have none.
KINDS = {
    "task_answer": "role", "tasks_answer": "role", "task_summary": "role", "cost_answer": "role",
    "focus_answer": "role", "agency_answer": "list", "task_list": "list", "place_list": "list", "unit_list": "list", "lead_count_list": "list", "mention_list": "list", "unit_mention_list": "list",
    "duties": "duties", "places_passing": "list", "target_answer": "target", "better_objective": "target", "meta_answer": "document",
    "content_answer": "passage", "quote": "passage", "units_answer": "passage", "abstain": "refusal",
}


class Composer(RoleAnswers, ListAnswers, TargetAnswers, DocumentAnswers):
    @property
    def route(self) -> str:
        """The route of the answer this thread last wrote: role, list, duties, target, document, passage."""
        return str(getattr(self._local, "route", ""))

    @route.setter
    def route(self, value: str) -> None:
        self._local.route = value


def _routed(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Record the route of the outermost composer that writes a non-empty answer."""
    route = KINDS[fn.__name__]

    @functools.wraps(fn)
    def wrapper(self: Composer, *args: Any, **kwargs: Any) -> Any:
        local = self._local
        local.depth = getattr(local, "depth", 0) + 1
        try:
            result = fn(self, *args, **kwargs)
        finally:
            local.depth -= 1
        if local.depth == 0 and result and result[0]:
            local.route = route
        return result

    return wrapper


for _name in KINDS:
    setattr(Composer, _name, _routed(getattr(Composer, _name)))

__all__ = ["KINDS", "Composer"]
