"""Explaining from Python: the Mali 2020 result rests on the same sets as the command line's
`explain`; to_dict() and the reports equal its output in both languages; a bad target raises
SealError with the command line's message."""

from decimal import Decimal

import pytest

import gender_seal as gs
from conftest import assessment_fixtures, cli

MALI = "fixtures/mali-2020.json"


def test_mali_explained() -> None:
    e = gs.explain(MALI)
    assert e.office == gs.score(MALI).office
    assert e.percentage_rounded == Decimal("74")
    assert isinstance(e.percentage, Decimal)
    assert e.to_raise == ["GR2", "MS1", "PR3"]
    assert e.to_hold == ["CK2"]
    assert e["raise"]["target"] == "gold"
    assert e["raise"]["result"]["rank"]["label"] == "Gold"
    assert e["hold"]["result"]["rank"]["label"] == "Silver"
    assert repr(e).startswith("<Explanation office=")


def test_to_dict_and_reports_equal_the_command_line() -> None:
    for lang in ("en", "fr"):
        e = gs.explain(MALI, lang=lang)
        assert e.to_dict() == cli("explain", MALI, "--format", "json", "--lang", lang).json()
        for fmt in ("text", "markdown"):
            run = cli("explain", MALI, "--format", fmt, "--lang", lang)
            assert run.code == 0, run.stderr
            assert e.report(fmt) == run.stdout


@pytest.mark.parametrize("path,framework", assessment_fixtures())
def test_every_fixture_explained_as_the_command_line(path: str, framework: str) -> None:
    args = ["explain", path, "--format", "json"]
    if framework:
        args += ["--framework", framework]
    run = cli(*args)
    if run.code != 0:
        with pytest.raises(gs.SealError) as err:
            gs.explain(path, framework)
        assert str(err.value) == run.error()
        return
    assert gs.explain(path, framework).to_dict() == run.json()


def test_target_by_label_and_a_bad_one() -> None:
    e = gs.explain(MALI, target="argent:fort", lang="fr")
    assert e.to_raise == []
    with pytest.raises(gs.SealError) as err:
        gs.explain(MALI, target="platinum")
    run = cli("explain", MALI, "--target", "platinum")
    assert str(err.value) == run.error()
