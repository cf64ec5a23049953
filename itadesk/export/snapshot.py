"""Everything one document needs, read from the store in one go.

Export runs in two steps (GUI thread: snapshot; worker: render), so the
renderers take this plain object and never touch the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.models import Analysis, Framework, Limitation, Measure, Memo, Office, Scores, Signer, StatusUpdate
from ..store.store import Store


@dataclass
class YearSnapshot:
    year: int
    office: Office
    signers: list[Signer]
    framework: Framework
    scores: Scores
    level: str | None
    previous: Scores | None
    previous_level: str | None
    analyses: list[Analysis]
    limitations: list[Limitation]
    measures: list[Measure]
    history: dict[int, list[StatusUpdate]]
    memos: list[Memo]
    texts: dict[str, str]
    thai_digits: bool = True
    strength_threshold: float = 90.0
    extra: dict = field(default_factory=dict)

    def signer(self, role: str) -> Signer | None:
        return next((s for s in self.signers if s.role == role), None)


TEXT_KEYS = ("foreword", "principles", "strengths", "weaknesses", "ranking", "recommend_IIT", "recommend_EIT",
             "recommend_OIT", "recommend_general", "foreword_signer")


def take_snapshot(store: Store, year: int) -> YearSnapshot:
    store.require_year(year)
    earlier = [y for y in store.years() if y < year]
    prev = earlier[-1] if earlier else None
    measures = store.measures(year)
    return YearSnapshot(
        year=year,
        office=store.office(),
        signers=store.signers(),
        framework=store.framework(year),
        scores=store.scores(year),
        level=store.level(year),
        previous=store.scores(prev) if prev else None,
        previous_level=store.level(prev) if prev else None,
        analyses=store.analyses(year),
        limitations=store.limitations(year),
        measures=measures,
        history={m.id: store.status_updates(m.id) for m in measures},
        memos=store.memos(year),
        texts={k: store.text(year, k) for k in TEXT_KEYS},
        thai_digits=store.thai_digits,
        strength_threshold=store.strength_threshold,
    )
