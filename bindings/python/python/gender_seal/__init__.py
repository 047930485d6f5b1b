"""Exact scoring of UN Gender Equality Seal self-assessments.

Load a framework and an office's assessment, score it, ask what-if questions of a plan, and
run regression expectations. Every number is exact: decimals come back as ``decimal.Decimal``
and a ``float`` in an input is refused. The guide is docs/python.md in the repository.

>>> import gender_seal as gs
>>> card = gs.score("fixtures/mali-2020.json")          # doctest: +SKIP
>>> card.percentage_rounded, card.tier.label              # doctest: +SKIP
(Decimal('74'), 'Silver-strong')
"""

from ._gender_seal import (
    Answer,
    Assessment,
    BenchmarkRow,
    CheckReport,
    DimensionRow,
    Explanation,
    Framework,
    GateFailure,
    Plan,
    Planner,
    Problem,
    Rank,
    Scorecard,
    ScoreWarning,
    SealError,
    Shortfall,
    Tier,
    __version__,
    check,
    explain,
    score,
)

__all__ = [
    "Answer",
    "Assessment",
    "BenchmarkRow",
    "CheckReport",
    "DimensionRow",
    "Explanation",
    "Framework",
    "GateFailure",
    "Plan",
    "Planner",
    "Problem",
    "Rank",
    "ScoreWarning",
    "Scorecard",
    "SealError",
    "Shortfall",
    "Tier",
    "__version__",
    "check",
    "explain",
    "score",
]
