"""Optional phrasing backend: an OpenAI-compatible chat endpoint may reword a composed answer.

Off by default. A rewrite is accepted only if it states no fact the composer did not: every
number, every ``[n]`` marker, every catalog model name and every link in it must occur in the
composed answer, and every marker of the composed answer must survive. Otherwise (or on any
error) the composed answer is shown unchanged.
"""

from __future__ import annotations

import json
import os
import re
import urllib.request

from pydantic import BaseModel, ConfigDict, Field

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*[MBTK]?\b")
_MARKER = re.compile(r"\[\d+\]")
_LINK = re.compile(r"https?://[^\s)>\]]+")
_FENCE = re.compile(r"```.*?```", re.S)


class PhrasingSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    enabled: bool = Field(False, description="Send composed answers to the endpoint for rewording")
    base_url: str = Field("", description="OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1")
    model: str = Field("", description="Model name sent to the endpoint")
    api_key_env: str = Field("CATALOG_ASSISTANT_PHRASING_KEY", description="Environment variable holding the API key")
    timeout: float = Field(10.0, gt=0)

    @classmethod
    def from_env(cls) -> "PhrasingSettings":
        url = os.environ.get("CATALOG_ASSISTANT_PHRASING_URL", "")
        return cls(enabled=bool(url), base_url=url, model=os.environ.get("CATALOG_ASSISTANT_PHRASING_MODEL", ""))


def accept(composed: str, rewrite: str, model_names: list[str]) -> bool:
    """True when the rewrite introduces no number, marker, link or model name absent from the composed text."""
    if not rewrite.strip():
        return False
    base = composed
    for pattern in (_NUMBER, _MARKER, _LINK):
        if not set(pattern.findall(_FENCE.sub("", rewrite))) <= set(pattern.findall(base)):
            return False
    if set(_MARKER.findall(_FENCE.sub("", composed))) - set(_MARKER.findall(rewrite)):
        return False
    low_rewrite, low_base = rewrite.lower(), composed.lower()
    return all(name.lower() in low_base for name in model_names if name.lower() in low_rewrite)


def rephrase(composed: str, model_names: list[str], settings: PhrasingSettings) -> str:
    """The endpoint's rewording if it passes ``accept``; the composed text otherwise."""
    if not settings.enabled or not settings.base_url:
        return composed
    body = json.dumps({
        "model": settings.model,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": "Reword the answer for readability. Keep every fact, number, "
             "citation marker like [1], link and code block exactly; add nothing."},
            {"role": "user", "content": composed},
        ],
    }).encode()
    req = urllib.request.Request(settings.base_url.rstrip("/") + "/chat/completions", data=body,
                                 headers={"Content-Type": "application/json",
                                          "Authorization": f"Bearer {os.environ.get(settings.api_key_env, '')}"})
    try:
        with urllib.request.urlopen(req, timeout=settings.timeout) as resp:  # noqa: S310 (configured URL)
            text = json.loads(resp.read())["choices"][0]["message"]["content"]
    except Exception:
        return composed
    return text if accept(composed, text, model_names) else composed
