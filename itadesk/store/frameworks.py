"""The shipped reference of ITA frameworks, read once from the bundled resources."""

from __future__ import annotations

import json
from functools import lru_cache

from .. import paths
from ..domain.framework import from_reference
from ..domain.models import Framework


@lru_cache(maxsize=1)
def reference() -> dict:
    with open(paths.resource("ita-frameworks.json"), encoding="utf-8") as fh:
        return json.load(fh)


def default_framework(year: int, *, eit_parts: bool = False) -> Framework:
    """The default framework of BE ``year`` (every default marked unverified)."""
    return from_reference(reference(), year, eit_parts=eit_parts)
