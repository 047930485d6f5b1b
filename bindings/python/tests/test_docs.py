"""docs/python.md runs as a doctest: every example of the guide gives the output it shows
(the pandas lines are skipped: pandas is not a dependency)."""

import doctest

from conftest import ROOT


def test_the_python_guide_runs_as_written() -> None:
    result = doctest.testfile(
        str(ROOT / "docs" / "python.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        verbose=False,
    )
    assert result.attempted >= 30
    assert result.failed == 0


def test_the_readme_python_example_runs() -> None:
    import re

    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks, "the README has a Python example"
    for block in blocks:
        names: dict = {}  # type: ignore[type-arg]
        exec(compile(block, "README.md", "exec"), names)
        card = names["card"]
        assert (card.percentage_rounded, card.tier.label) == (74, "Silver-strong")
