"""Mandates: who a resolution asks to do what, by when (core, no MkDocs)."""

from .find import find_mandates, paragraph_text
from .model import ACTIONS, Due, Mandate

__all__ = ["ACTIONS", "Due", "Mandate", "find_mandates", "paragraph_text"]
