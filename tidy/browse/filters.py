"""The `/` filter of `tidy browse`: words that narrow the list, all of which must match.

    node_modules web        the path contains both words (case-insensitive)
    kind:node_modules       the catalogue kind (or the folder's name) contains this
    rule:TDY1 rule:vendored a code prefix, or a word of the rule's name
    age:>30d  age:<2w       the project's newest own file is older / newer than this
    state:ignored           tracked, untracked, ignored, partly
    fix:git-rm fix:unsafe   the fix column's word (git-rm, git-rm**, untrack*, ...), its
                            applicability (safe, unsafe, display-only), advice (tidy only
                            explains: display-only or none)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from tidy.browse.cells import fix_word, state_word
from tidy.core.models import ActionKind, Applicability, Finding
from tidy.core.units import parse_age

FIELDS = ("kind", "rule", "age", "state", "fix")
STATES = ("tracked", "untracked", "ignored", "partly", "unknown")


class FilterError(ValueError):
    """A filter the user typed that means nothing: shown beside the input, list unchanged."""


@dataclass(frozen=True)
class Filter:
    text: str = ""
    words: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    older_than: float | None = None  # seconds
    newer_than: float | None = None
    states: tuple[str, ...] = ()
    fixes: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.text.strip())

    def matches(self, finding: Finding, now: float) -> bool:
        return self.predicate(now)(facts_of(finding))

    def predicate(self, now: float) -> Callable[[Facts], bool]:
        """The test of one finding's Facts: only the terms typed are checked, so that a
        keypress in the filter box over 100,000 findings answers at once."""
        tests: list[Callable[[Facts], bool]] = []
        tests += [partial(_has_word, word) for word in self.words]
        tests += [partial(_kind_is, kind) for kind in self.kinds]
        tests += [partial(_rule_is, rule.upper(), rule.lower()) for rule in self.rules]
        if self.older_than is not None or self.newer_than is not None:
            older, newer = self.older_than, self.newer_than
            tests.append(lambda f: _age_matches(f.activity, older, newer, now))
        tests += [partial(_state_is, state) for state in self.states]
        tests += [partial(_fix_is, fix) for fix in self.fixes]
        if not tests:
            return lambda f: True
        if len(tests) == 1:
            return tests[0]

        def every(facts: Facts) -> bool:
            # A loop, not all() over a generator: a filter key tests every finding, and the
            # generator tripled what each test cost (50,000 findings: 53 -> 16 ms a key).
            for test in tests:  # noqa: SIM110 (see above)
                if not test(facts):
                    return False
            return True

        return every


@dataclass(frozen=True, slots=True)
class Facts:
    """What the filter looks at in one finding, worked out once (lower-cased, in words)."""

    path: str
    name: str
    kind: str
    code: str
    rule: str
    state: str
    fixes: frozenset[str]
    activity: float


def facts_of(finding: Finding) -> Facts:
    path = finding.path.lower()
    return Facts(path, path.rsplit("/", 1)[-1], finding.kind.lower(), finding.code.upper(),
                 finding.rule.lower(), state_word(finding), _fix_words(finding),
                 finding.activity)


def parse(text: str) -> Filter:
    """The filter for what the user typed; FilterError names the term it cannot read."""
    fields: dict[str, list[str]] = {name: [] for name in FIELDS}
    words: list[str] = []
    for term in text.split():
        name, colon, value = term.partition(":")
        if colon and name.lower() in fields:
            if not value:
                raise FilterError(f"{term}: nothing after the colon")
            fields[name.lower()].append(value)
        else:
            words.append(term.lower())
    older, newer = _ages(fields["age"])
    states = tuple(v.lower() for v in fields["state"])
    for state in states:
        if state not in STATES:
            raise FilterError(f"state:{state}: one of {', '.join(STATES)}")
    return Filter(text, tuple(words), tuple(v.lower() for v in fields["kind"]),
                  tuple(fields["rule"]), older, newer, states,
                  tuple(v.lower() for v in fields["fix"]))


def _ages(values: list[str]) -> tuple[float | None, float | None]:
    older: float | None = None
    newer: float | None = None
    for value in values:
        sign, rest = (value[0], value[1:]) if value[:1] in "<>" else (">", value)
        try:
            seconds = parse_age(rest)
        except ValueError:
            raise FilterError(f"age:{value}: an age such as >30d, <2w, >3M") from None
        if sign == ">":
            older = seconds if older is None else max(older, seconds)
        else:
            newer = seconds if newer is None else min(newer, seconds)
    return older, newer


def _has_word(word: str, facts: Facts) -> bool:
    return word in facts.path


def _kind_is(kind: str, facts: Facts) -> bool:
    return kind in facts.kind or kind in facts.name


def _rule_is(upper: str, lower: str, facts: Facts) -> bool:
    return facts.code.startswith(upper) or lower in facts.rule


def _state_is(state: str, facts: Facts) -> bool:
    return facts.state == state


def _fix_is(fix: str, facts: Facts) -> bool:
    return fix in facts.fixes


def _age_matches(activity: float, older: float | None, newer: float | None,
                 now: float) -> bool:
    if not activity:
        return False  # age unknown: it cannot be said to be older or newer than anything
    age = now - activity
    return (older is None or age >= older) and (newer is None or age < newer)


def _fix_words(finding: Finding) -> frozenset[str]:
    """What `fix:` matches: the words of the fix column (`git-rm**`, and its kind alone,
    `git-rm`), the applicability (`unsafe`), and `advice` (what browse used to say) for what
    tidy only explains; `none` and `-` for no fix."""
    if finding.fix is None:
        return frozenset({"none", "-"})
    applicability = finding.fix.applicability
    words = {finding.fix.action.value, fix_word(finding), applicability.value}
    if applicability is Applicability.DISPLAY_ONLY or finding.fix.action is ActionKind.NONE:
        words.add("advice")
    return frozenset(words)
