"""evidence.deciding_matches: the early job hands the main process only the matches that can
move the verdicts. Property: judge() over them gives the verdicts it gives over all of them,
whichever files are left out afterwards (artifact folders found by the walk) and whichever
lines of the files tidy writes (without_written)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidy.analysis.vendored.candidates import Library
from tidy.analysis.vendored.evidence import Verdict, deciding_matches, judge, patterns_for
from tidy.workspace.textscan import Match
from tidy.workspace.tidy_written import may_hold_written

LIBRARIES = [
    Library("static/vendor/jquery", ("static/vendor/jquery/jquery.js",), ("vendor/",),
            package_name="jquery", entry_files=("static/vendor/jquery/jquery.js",)),
    Library("static/vendor/select2", ("static/vendor/select2/select2.js",), ("vendor/",),
            package_name="select2"),
    Library("third_party/react", ("third_party/react/index.js",), ("third_party/",),
            package_name="react"),
]
PATTERNS = patterns_for(LIBRARIES)
PATHS = ["static/vendor/jquery/jquery.js", "static/vendor/jquery/sub/a.js",
         "static/vendor/select2/select2.js", "static/vendor/select2/i18n/de.js",
         "static/vendor/select2/.ignore",
         "third_party/react/index.js", "app/main.js", "app/page.html", "docs/guide.md",
         "tests/test_ui.py", "package.json", "frontend/package.json", ".ignore",
         ".vscode/settings.json", ".gitattributes", "pyproject.toml"]
LINES = ["import $ from 'jquery';", "<script src=\"/static/vendor/jquery/jquery.js\">",
         "// uses select2 here", "require('select2')", "\"react\": \"^18.0.0\"",
         "React.createElement(react)", "static/vendor/ loader + name", "jquery",
         "static/vendor/select2/", "# see third_party/react for details",
         "x = '/static/' + folder + '/jquery.js'", "import react from 'react'"]


def _matches() -> st.SearchStrategy[list[Match]]:
    one = st.builds(Match, st.sampled_from(PATHS), st.integers(0, len(PATTERNS) - 1),
                    st.integers(1, 6), st.sampled_from(LINES))
    return st.lists(one, max_size=60)


def _signature(verdicts: list[Verdict]) -> list[tuple[object, ...]]:
    return [(v.library.root, v.used, v.referenced, tuple(v.used_by), tuple(v.evidence),
             tuple(v.hazards), v.strings) for v in verdicts]


# select2 uses jquery from two of its files, and the app uses select2: when the walk finds
# the first file inside an artifact, the second one still makes jquery used.
_USE_SELECT2 = Match("app/page.html", 5, 1, "<script src=\"/static/vendor/select2/x.js\">")
_EDGE_TWICE = [_USE_SELECT2,
               Match("static/vendor/select2/select2.js", 0, 2, "static/vendor/jquery/a.js"),
               Match("static/vendor/select2/i18n/de.js", 0, 2, "static/vendor/jquery/a.js")]
# the same in one file tidy writes lines into: its first line is tidy's (without_written)
_WRITTEN = [_USE_SELECT2,
            Match("static/vendor/select2/.ignore", 0, 1, "static/vendor/jquery/a.js"),
            Match("static/vendor/select2/.ignore", 0, 2, "static/vendor/jquery/a.js")]


@settings(max_examples=1000, deadline=None)
@given(matches=_matches(), dropped_paths=st.sets(st.sampled_from(PATHS)),
       dropped_lines=st.sets(st.tuples(st.sampled_from(PATHS), st.integers(1, 6))))
@example(matches=_EDGE_TWICE, dropped_paths={"static/vendor/select2/select2.js"},
         dropped_lines=set())
# react (unused) refers to jquery from a line that is not deciding, before select2 does: the
# unused referrers are listed in the libraries' order, not the matches'
@example(matches=[Match("third_party/react/index.js", 0, 1, "# see third_party/react for details"),
                  Match("static/vendor/select2/select2.js", 0, 1, "import $ from 'jquery';"),
                  Match("third_party/react/index.js", 0, 1, "import $ from 'jquery';")],
         dropped_paths=set(), dropped_lines=set())
@example(matches=_WRITTEN, dropped_paths=set(),
         dropped_lines={("static/vendor/select2/.ignore", 1)})
def test_the_deciding_matches_judge_as_all_of_them(
        matches: list[Match], dropped_paths: set[str],
        dropped_lines: set[tuple[str, int]]) -> None:
    def after(found: list[Match]) -> list[Match]:  # what the main process leaves out
        return [m for m in found if m.path not in dropped_paths
                and not (may_hold_written(m.path) and (m.path, m.line_no) in dropped_lines)]

    kept = deciding_matches(LIBRARIES, PATTERNS, matches, may_hold_written)
    assert set(kept) <= set(matches)
    assert (_signature(judge(LIBRARIES, PATTERNS, after(kept)))
            == _signature(judge(LIBRARIES, PATTERNS, after(matches))))


def test_a_librarys_matches_of_itself_are_not_handed_over() -> None:
    own = Match("static/vendor/jquery/jquery.js", 0, 1, "jquery jquery jquery")
    first_party = Match("app/main.js", 0, 3, "import $ from 'jquery';")
    assert PATTERNS[0].library == 0
    assert deciding_matches(LIBRARIES, PATTERNS, [own, first_party]) == [first_party]
