"""Grounded, cited answers about the catalog: understand -> retrieve -> compose, in a session."""

from assistant.answer import Answer, Citation, RetrievedDoc
from assistant.core import Assistant, AssistantSettings
from assistant.query import Intent, Query
from assistant.session import Session

__all__ = ["Answer", "Assistant", "AssistantSettings", "Citation", "Intent", "Query", "RetrievedDoc", "Session"]
