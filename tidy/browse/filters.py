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

from dataclasses import dataclass

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
        path = finding.path.lower()
        return (all(word in path for word in self.words)
                and all(_kind_matches(finding, kind) for kind in self.kinds)
                and all(_rule_matches(finding, rule) for rule in self.rules)
                and _age_matches(finding, self.older_than, self.newer_than, now)
                and all(state_word(finding) == state for state in self.states)
                and all(_fix_matches(finding, fix) for fix in self.fixes))


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


def _kind_matches(finding: Finding, kind: str) -> bool:
    name = finding.path.rsplit("/", 1)[-1].lower()
    return kind in finding.kind.lower() or kind in name


def _rule_matches(finding: Finding, rule: str) -> bool:
    return finding.code.upper().startswith(rule.upper()) or rule.lower() in finding.rule.lower()


def _age_matches(finding: Finding, older: float | None, newer: float | None,
                 now: float) -> bool:
    if older is None and newer is None:
        return True
    if not finding.activity:
        return False  # age unknown: it cannot be said to be older or newer than anything
    age = now - finding.activity
    return (older is None or age >= older) and (newer is None or age < newer)


def _fix_matches(finding: Finding, fix: str) -> bool:
    if finding.fix is None:
        return fix in ("none", "-")
    applicability = finding.fix.applicability
    # The words of the fix column (`git-rm**`, and its kind alone, `git-rm`), the
    # applicability (`unsafe`), and `advice` (what browse used to say) for what tidy only explains.
    words = {finding.fix.action.value, fix_word(finding), applicability.value}
    if applicability is Applicability.DISPLAY_ONLY or finding.fix.action is ActionKind.NONE:
        words.add("advice")
    return fix in words
