"""One year as the window and every document see it (plain Python, no Qt, no SQL).

Built by ``itadesk.store.year_view.load_year`` in a fixed handful of queries;
the renderers take it on a worker thread and never touch the database. Every
fact derived from the stored rows has its one rule here:

* **the previous year** is the latest earlier year *with scores recorded*, with
  its real year number (2568 compares with 2566 when 2567 was never entered);
* **a measure's status in a round** (see :meth:`MeasureState.update_in`);
* **behind schedule** (see :meth:`MeasureState.behind`);
* strengths and weaknesses against the office's threshold;
* the drafted texts (analysis sentences, memo paragraphs) through ``drafting``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from . import drafting as d
from .evidence import ItemEvidence
from .models import (
    Analysis,
    Framework,
    Issue,
    Limitation,
    Measure,
    Memo,
    Office,
    Scores,
    Signer,
    StatusUpdate,
    Unit,
)
from .plans import Plan
from .results import YearResult
from .vocab import Round, SignerRole, Status

# a measure that started this many days ago with nothing reported is late
SILENT_DAYS = 60


@dataclass(frozen=True)
class PreviousYear:
    year: int
    scores: Scores
    level: str | None


@dataclass
class MeasureState:
    """A measure with its status history (oldest first, by date then entry order)."""

    measure: Measure
    history: list[StatusUpdate] = field(default_factory=list)

    def update_in(self, round: Round | str | None = None) -> StatusUpdate | None:  # noqa: A002
        """The update that tells the measure's status — THE rule, used everywhere.

        * no round: the newest update of any round;
        * round 6: the newest update reported for the 6-month round;
        * round 12: the newest update of the 12- or the 6-month round — what was
          reported at six months stands until the 12-month report says otherwise;
        * round "other" (interim): the newest update of any round.

        "Newest" is by date, then by the order the updates were entered.
        ``None`` means nothing was reported: the measure has not started.
        """
        if round in (None, Round.OTHER):
            pool = self.history
        elif round == Round.SIX:
            pool = [u for u in self.history if u.round == Round.SIX]
        else:
            pool = [u for u in self.history if u.round in (Round.SIX, Round.TWELVE)]
        return pool[-1] if pool else None

    def status_in(self, round: Round | str | None = None) -> Status:  # noqa: A002
        u = self.update_in(round)
        return Status(u.status) if u else Status.NOT_STARTED

    def behind(self, today: _dt.date) -> bool:
        """Behind schedule: past its end and not done, or started more than
        ``SILENT_DAYS`` ago with nothing reported."""
        latest = self.update_in(None)
        m = self.measure
        if latest is not None and latest.status == Status.DONE:
            return False
        if m.end and m.end < today:
            return True
        return bool(m.start and m.start < today and latest is None and (today - m.start).days > SILENT_DAYS)


@dataclass
class YearView:
    year: int
    office: Office
    signers: list[Signer]
    units: list[Unit]
    framework: Framework
    scores: Scores
    level: str | None
    previous: PreviousYear | None
    analyses: list[Analysis]
    limitations: list[Limitation]
    states: list[MeasureState]
    memos: list[Memo]
    texts: dict[str, str]
    thai_digits: bool = True
    strength_threshold: float = 90.0
    # the result under the year's rules beside what was published (``level`` above is the
    # one printed: the stated level when there is one, else the computed one)
    result: YearResult | None = None
    evidence: dict[str, ItemEvidence] = field(default_factory=dict)  # item code → its links, published, steps
    plan: Plan | None = None  # the plan across years spanning this year's measures
    # stored values the program cannot use as they are (store.problems.StoredProblem): shown to the
    # clerk with how to fix them; every document still exports meanwhile
    problems: list = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # assessment issues grouping the measures (see domain.plan)

    # ------------------------------------------------------------ look-ups
    @property
    def measures(self) -> list[Measure]:
        return [s.measure for s in self.states]

    @property
    def history(self) -> dict[int, list[StatusUpdate]]:
        return {s.measure.id: s.history for s in self.states}

    def state(self, measure_id: int) -> MeasureState | None:
        return next((s for s in self.states if s.measure.id == measure_id), None)

    def signer(self, role: SignerRole | str) -> Signer | None:
        return next((s for s in self.signers if s.role == role), None)

    @property
    def previous_scores(self) -> Scores | None:
        return self.previous.scores if self.previous else None

    @property
    def previous_level(self) -> str | None:
        return self.previous.level if self.previous else None

    # ------------------------------------------------------------- status
    def counts(self, round: Round | str | None = None) -> dict[Status, int]:  # noqa: A002
        """How many measures are in each status in ``round`` (the memo's table and text agree)."""
        out = dict.fromkeys(Status, 0)
        for s in self.states:
            out[s.status_in(round)] += 1
        return out

    def behind_schedule(self, today: _dt.date) -> list[Measure]:
        return [s.measure for s in self.states if s.behind(today)]

    # ----------------------------------------------------------- analysis
    def strengths(self) -> list[d.RankedIndicator]:
        return d.strengths(self.framework, self.scores, self.strength_threshold)

    def weaknesses(self) -> list[d.RankedIndicator]:
        return d.weaknesses(self.framework, self.scores, self.strength_threshold)

    def indicator_analysis(self, no: int) -> str:
        return d.indicator_analysis(self.framework, self.scores, no, threshold=self.strength_threshold,
                                    pass_mark=self.framework.pass_mark, previous=self.previous_scores,
                                    thai=self.thai_digits)

    def ranking_sentence(self) -> str:
        return d.ranking_sentence(self.framework, self.scores, thai=self.thai_digits)

    def change_sentence(self) -> str:
        if self.previous is None:
            return ""
        return d.change_sentence(self.scores, self.previous.scores, self.previous.year, thai=self.thai_digits)

    # --------------------------------------------------------------- memo
    def memo_paragraphs(self, round: Round | str = Round.SIX) -> list[str]:  # noqa: A002
        return d.memo_paragraphs(self, Round(round))

    def memo_fields(self) -> dict[str, str]:
        return d.memo_fields(self)

    # ------------------------------------------------------------ typesetting
    def proper_names(self) -> tuple[list[str], list[str]]:
        """The office's own names, which a printed line never breaks inside:
        (office, district, province and unit names; signers' names)."""
        places = [self.office.name, self.office.amphoe, self.office.province, *(u.name for u in self.units)]
        people = [s.name for s in self.signers] + [m.signer_name for m in self.memos]
        return [p for p in places if p], [p for p in people if p]
