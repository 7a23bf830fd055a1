"""Find every regular expression skillgap compiles, and time it on long adversarial strings.

Patterns are collected two ways so new ones are covered without registering them: compiled
``re.Pattern`` objects held by modules and their classes (including tuples, lists and dict
values of them), and string literals passed to ``re.compile`` / ``re.search`` / ... in the
source (found with ``ast``).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import random
import re
import time
from types import ModuleType

_RE_FUNCS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}
_FLAG_NAMES = {name: getattr(re, name) for name in ("I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "X", "VERBOSE", "A", "ASCII", "U", "UNICODE")}
#: Characters every pattern is attacked with, besides the literal characters of its own source.
BASE_ALPHABET = " \t\n.,:-/|()•*#'a A0é\u00a0\u200b"
LENGTH = 50_000


def skillgap_modules(skip: frozenset[str] = frozenset()) -> list[ModuleType]:
    """Every importable module of the package (optional extras that are not installed are left out)."""
    import skillgap

    modules = []
    for info in pkgutil.walk_packages(skillgap.__path__, "skillgap."):
        if info.name in skip or info.name.endswith(".__main__"):  # __main__ runs the CLI on import
            continue
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError:
            continue
    return modules


def _patterns_in(value: object) -> list[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        return [value] if isinstance(value.pattern, str) else []
    if isinstance(value, (tuple, list, frozenset, set)):
        return [p for v in value for p in _patterns_in(v)]
    if isinstance(value, dict):
        return [p for v in value.values() for p in _patterns_in(v)]
    return []


def compiled_patterns(module: ModuleType) -> list[tuple[str, str, int]]:
    """(where, pattern, flags) of compiled patterns held by the module or its classes."""
    found = []
    for name, value in vars(module).items():
        for pattern in _patterns_in(value):
            found.append((f"{module.__name__}.{name}", pattern.pattern, pattern.flags))
        if inspect.isclass(value) and value.__module__ == module.__name__:
            for attr, inner in vars(value).items():
                found += [(f"{module.__name__}.{name}.{attr}", p.pattern, p.flags) for p in _patterns_in(inner)]
    return found


def literal_patterns(module: ModuleType) -> list[tuple[str, str, int]]:
    """(where, pattern, flags) of string literals given to ``re.<function>`` in the module's source."""
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError):
        return []
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _RE_FUNCS):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            flags = 0
            for sub in ast.walk(node):
                if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id == "re" and sub.attr in _FLAG_NAMES:
                    flags |= _FLAG_NAMES[sub.attr]
            try:
                flags = re.compile(first.value, flags).flags  # the flags a compiled twin reports
            except re.error:
                continue
            found.append((f"{module.__name__}:{node.lineno}", first.value, flags))
    return found


def taxonomy_patterns(taxonomy: object) -> list[tuple[str, str, int]]:
    """(where, pattern, flags) of the ``REGEX`` values in a taxonomy's token patterns (spaCy
    searches them in every token, and a token of a long unbroken line is that long)."""
    found = []

    def walk(value: object, where: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "REGEX" and isinstance(inner, str):
                    found.append((where, inner, re.compile(inner).flags))
                else:
                    walk(inner, where)
        elif isinstance(value, (list, tuple)):
            for inner in value:
                walk(inner, where)

    for skill in taxonomy:  # type: ignore[attr-defined]
        walk(skill.patterns, f"taxonomy:{skill.id}")
    return found


def adversarial_inputs(pattern: str, length: int = LENGTH, seed: int = 0) -> list[str]:
    """Long runs of each character of the pattern's own alphabet (and a base set), of pairs of
    them, and seeded random mixtures; each ends in a NUL so a greedy run must give back."""
    own = [c for c in dict.fromkeys(pattern) if c.isprintable() and c != "\\"][:32]
    alphabet = list(dict.fromkeys(own + list(BASE_ALPHABET)))
    rng = random.Random(seed)
    runs = [c * length for c in alphabet]
    pairs = [(a + b) * (length // 2) for a, b in zip(alphabet, alphabet[1:])][:16]
    mixes = ["".join(rng.choice(alphabet) for _ in range(length)) for _ in range(2)]
    words = [("Python, SQL and " * (length // 16)), ("word " * (length // 5))]
    return [s + "\x00" for s in runs + pairs + mixes + words]


def slowest_input_seconds(spec: tuple[str, int], give_up: float = 1.0, length: int = LENGTH) -> float:
    """Worst time of ``finditer`` over the adversarial inputs of one pattern (run in a worker);
    stops at the first input slower than ``give_up`` seconds."""
    pattern, flags = spec
    compiled = re.compile(pattern, flags)
    worst = 0.0
    for text in adversarial_inputs(pattern, length):
        start = time.perf_counter()
        for _ in compiled.finditer(text):
            pass
        worst = max(worst, time.perf_counter() - start)
        if worst > give_up:
            break
    return worst
