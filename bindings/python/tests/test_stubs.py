"""The type stubs (__init__.pyi) describe the compiled module exactly: every public class,
method, property and function, with the runtime's parameter names; __all__ lists them."""

import ast
import inspect
from pathlib import Path
from typing import Dict, Set

import gender_seal as gs

STUBS = Path(gs.__file__).with_name("__init__.pyi")


def stub_tree() -> ast.Module:
    return ast.parse(STUBS.read_text())


def public(names: Set[str]) -> Set[str]:
    return {n for n in names if not n.startswith("_") or n == "__init__"}


def test_stubs_and_typed_marker_are_installed() -> None:
    assert STUBS.exists()
    assert STUBS.with_name("py.typed").exists()


def test_all_lists_every_public_name() -> None:
    runtime = {n for n in dir(gs) if not n.startswith("_")} - {"annotations"}
    assert set(gs.__all__) - {"__version__"} == runtime
    for name in gs.__all__:
        assert hasattr(gs, name)


def test_every_stub_class_matches_the_runtime_class() -> None:
    classes: Dict[str, ast.ClassDef] = {
        n.name: n for n in stub_tree().body if isinstance(n, ast.ClassDef)
    }
    runtime_classes = {n for n in gs.__all__ if inspect.isclass(getattr(gs, n))}
    assert set(classes) == runtime_classes
    for name, node in classes.items():
        cls = getattr(gs, name)
        if issubclass(cls, BaseException):
            continue
        declared = {
            n.name
            for n in node.body
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        members = set(vars(cls))
        assert public(declared) - {"__init__"} == public(members), name
        for fn in node.body:
            if not isinstance(fn, ast.FunctionDef) or fn.name.startswith("__"):
                continue
            attr = inspect.getattr_static(cls, fn.name)
            if isinstance(attr, (staticmethod, classmethod)):
                attr = attr.__func__
            if not callable(attr) or isinstance(attr, property) or type(attr).__name__ == "getset_descriptor":
                continue
            stub_params = [a.arg for a in fn.args.args + fn.args.kwonlyargs if a.arg != "self"]
            runtime_params = [
                p for p in inspect.signature(attr).parameters if p not in ("self", "$self")
            ]
            assert stub_params == runtime_params, (name, fn.name)


def test_every_stub_function_matches_the_runtime_function() -> None:
    for node in stub_tree().body:
        if isinstance(node, ast.FunctionDef):
            stub_params = [a.arg for a in node.args.args + node.args.kwonlyargs]
            runtime = inspect.signature(getattr(gs, node.name))
            assert stub_params == list(runtime.parameters), node.name


def test_planner_constructor_parameters() -> None:
    init = next(
        f
        for n in stub_tree().body
        if isinstance(n, ast.ClassDef) and n.name == "Planner"
        for f in n.body
        if isinstance(f, ast.FunctionDef) and f.name == "__init__"
    )
    stub_params = [a.arg for a in init.args.args + init.args.kwonlyargs if a.arg != "self"]
    assert stub_params == list(inspect.signature(gs.Planner).parameters)
