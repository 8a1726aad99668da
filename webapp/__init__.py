"""The Gradio web app over `assistant`: chat with citations, plan browser, trainer, feedback."""

from webapp.server import main, start

__all__ = ["main", "start"]
