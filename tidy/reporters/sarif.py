"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (`--format sarif`).

Shape (research/bloat-ci.md 8.1): one run; `tool.driver.rules` describes every rule tidy knows
(short and full description, help as text and Markdown, default level); each result names its
rule by a stable `ruleId` (the TDY code) and `ruleIndex`, points at the path from the scan root
(relative URI against `%SRCROOT%`), and carries `partialFingerprints` built from the rule code,
the path and the kind -- never the size -- so an alert stays the same alert as the file grows.
Each result points at a file and line code scanning can show in a pull request: the
finding's anchor (core.models.Anchor: the file itself at line 1, a data module's literal, a
folder's marker, first tracked file or matching .gitignore line, a budget's config line); a
finding with none keeps its own path. Each rule's `helpUri` is the README section about it.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any
from urllib.parse import quote

from tidy import __version__
from tidy.core.models import (
    Finding,
    Group,
    Report,
    encloses_scan_root,
    finding_fingerprint,
    scan_path,
)
from tidy.reporters._common import anchor_of, each_finding, fix_sentence, level, size_words

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
README_SECTION = "sarif-and-markdown"  # informationUri when the repository is unknown
SRCROOT = "SRCROOT"
FINGERPRINT_KEY = "tidyFindingHash/v1"


def _descriptors() -> dict[str, dict[str, Any]]:
    """code -> reportingDescriptor for every rule and budget tidy knows."""
    from tidy.rules.registry import RULES

    found = {r.code: _descriptor(r.code, r.name, r.summary, r.doc, r.fix_applicability.value)
             for r in RULES}
    for code, descriptor in found.items():
        uri = help_uri(code)
        if uri:
            descriptor["helpUri"] = uri
    return found


# The README section about each family of rules (GitHub's heading anchors).
HELP_SECTIONS = {"1": "rules", "2": "rules", "3": "data-in-code-tidy-extract",
                 "4": "vendored-libraries", "5": "rules", "9": "budgets-and-baselines"}


def help_uri(code: str) -> str | None:
    """The README section that explains `code`, where tidy came from (None: not known)."""
    from tidy.workspace.provenance import information_uri

    section = HELP_SECTIONS.get(code[3:4], README_SECTION)
    uri = information_uri(section)
    if uri is None:
        return None
    return uri if "#" in uri else f"{uri}#{section}"



_LABEL = re.compile(r"^(What|Why|Fix|Note|Example)\b[^:]{0,60}:")


def _paragraphs(doc: str) -> list[str]:
    """A rule doc's lines joined into its 'What:' / 'Why:' / 'Fix:' paragraphs."""
    paragraphs: list[str] = []
    for line in (ln.strip() for ln in doc.splitlines()):
        if not line:
            continue
        if _LABEL.match(line) or not paragraphs:
            paragraphs.append(line)
        else:
            paragraphs[-1] += " " + line
    return paragraphs


def _markdown(paragraph: str) -> str:
    match = _LABEL.match(paragraph)
    if match is None:
        return paragraph
    return f"**{match.group(0)}**{paragraph[match.end():]}"


def _descriptor(code: str, name: str, summary: str, doc: str, fix: str) -> dict[str, Any]:
    paragraphs = [_markdown(p) for p in _paragraphs(doc)]
    what = " ".join(_section(doc, "What:")) or summary
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary.rstrip(".") + "."},
        "fullDescription": {"text": what},
        "help": {
            "text": doc.strip() + f"\nFix applicability: {fix}.",
            "markdown": "\n\n".join(paragraphs) + f"\n\nFix applicability: **{fix}**. "
                        f"`tidy rule {code}` explains it.",
        },
        "defaultConfiguration": {"level": _default_level(code)},
        "properties": {"tags": ["repository-hygiene", _family(code)], "precision": "high",
                       "problem.severity": "warning"},
    }


def _section(doc: str, label: str) -> list[str]:
    """The lines of one 'What:'/'Why:'/'Fix:' paragraph of a rule's doc."""
    lines, inside = [], False
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped.startswith(("What:", "Why:", "Fix")):
            inside = stripped.startswith(label)
            stripped = stripped.removeprefix(label).strip() if inside else stripped
        if inside and stripped:
            lines.append(stripped)
    return lines


_FAMILIES = {"1": "caches-and-artifacts", "2": "size", "3": "data-in-code", "4": "vendored",
             "5": "ignore-rules", "9": "budgets"}


def _family(code: str) -> str:
    return _FAMILIES.get(code[3:4], "other")


def _default_level(code: str) -> str:
    from tidy.core.config import DEFAULT_FAIL_ON

    if code.startswith("TDY9") or code in DEFAULT_FAIL_ON:
        return "error"
    return "note" if code in ("TDY101", "TDY103") else "warning"


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    return _descriptor(finding.code, finding.rule or finding.code, finding.rule or finding.code,
                       f"What: {finding.rule}.", "unknown")


def _uri(path: str) -> str:
    """A relative URI reference for a POSIX path (spaces, '#', '%' and the like escaped)."""
    return quote(path.encode("utf-8", "surrogateescape"), safe="/")


def _result(group: Group, finding: Finding, rule_index: int) -> dict[str, Any]:
    path = scan_path(group, finding)
    fix = fix_sentence(finding)
    key = finding_fingerprint(group, finding)
    where, line = anchor_of(group, finding)
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": level(finding),
        "message": {"text": f"{path}: {finding.message} ({size_words(finding)}).{fix}"},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": _uri(where if where != "." else "./"),
                                     "uriBaseId": SRCROOT},
                "region": {"startLine": line, "startColumn": 1},
            },
        }],
        # primaryLocationLineHash is what GitHub matches alerts on; without it upload-sarif
        # would hash line 1 of the file (reading a 2 GB blob, or failing on a folder).
        "partialFingerprints": {"primaryLocationLineHash": f"{key[:32]}:1",
                                FINGERPRINT_KEY: key},
        "properties": {
            "path": path,  # what the finding is about; the location is the file showing it
            "bytes": finding.size.apparent,
            "files": finding.size.files,
            "tracked": finding.tracked.value,
            "kind": finding.kind,
            "fails": finding.fails,
        },
    }


def _root_uri(report: Report) -> str:
    """SRCROOT: the scan root, or the repo that holds it (a scan of one of its subfolders
    names paths from the repo's root: models.scan_path)."""
    root = report.roots[0] if report.roots else os.getcwd()
    root = next((g.root for g in report.groups if encloses_scan_root(g)), root)
    return "file://" + _uri(root.rstrip("/") + "/")


def sarif_log(report: Report) -> dict[str, Any]:
    descriptors = _descriptors()
    for _, finding in each_finding(report):
        if finding.code not in descriptors:
            descriptors[finding.code] = _fallback_descriptor(finding)
    codes = sorted(descriptors)
    index = {code: i for i, code in enumerate(codes)}
    results = [_result(g, f, index[f.code]) for g, f in each_finding(report)]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "tidy",
                "semanticVersion": __version__,
                "version": __version__,
                **_information_uri(),
                "rules": [descriptors[c] for c in codes],
            }},
            "automationDetails": {"id": "tidy/"},
            "originalUriBaseIds": {SRCROOT: {"uri": _root_uri(report)}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": True,
                             "toolExecutionNotifications": [
                                 {"message": {"text": w}, "level": "warning"}
                                 for w in report.warnings]}],
        }],
    }


def _information_uri() -> dict[str, str]:
    """The repository tidy was installed from, else its README's section; never an address
    that does not exist (tidy is on no package index)."""
    from tidy.workspace.provenance import information_uri

    uri = information_uri(README_SECTION)
    return {"informationUri": uri} if uri else {}


def render(report: Report) -> str:
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=True) + "\n"
