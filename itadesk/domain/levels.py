"""The level of an overall result under the year's thresholds.

Until 2565 a letter grade (AA–F) follows from the overall score alone. From
2566 the named levels also ask that every tool reach a floor: ผ่านดีเยี่ยม needs
overall and each tool ≥ 95, ผ่านดี each ≥ 85; ผ่าน is ≥ 85 with a tool below.
Levels are tried in order, so the year's table decides; users may edit it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Level


def compute_level(overall: float | None, tool_scores: Iterable[float | None], levels: list[Level]) -> str | None:
    """Name of the first level whose conditions hold, or None without a score."""
    if overall is None or not levels:
        return None
    tools = [t for t in tool_scores if t is not None]
    for level in sorted(levels, key=lambda lv: lv.sort):
        if overall < level.min - 1e-9:
            continue
        if level.tool_min is not None and (not tools or min(tools) < level.tool_min - 1e-9):
            continue
        return level.name
    return None


def weighted_overall(tool_scores: dict[str, float | None], weights: dict[str, float | None]) -> float | None:
    """IIT·30 % + EIT·30 % + OIT·40 % (weights as stored for the year), rounded to 2 places.

    None unless every weighted tool has a score.
    """
    total = 0.0
    weight_sum = 0.0
    for code, weight in weights.items():
        if not weight:
            continue
        score = tool_scores.get(code)
        if score is None:
            return None
        total += score * weight
        weight_sum += weight
    if weight_sum == 0:
        return None
    return round(total / weight_sum, 2)
