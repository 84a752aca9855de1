"""Reporters: pure functions from a Report to text. They never detect, never write files.

`render` (render.py) picks one by name; FORMATS lists the names `tidy scan --format` takes.
"""

FORMATS = ("text", "json", "sarif", "github", "gitlab", "markdown", "html")
# The formats that point at a file and line (Finding.anchor): a scan rendered only in others
# need not work the anchors out (engine.scan's `anchors`).
ANCHORED = ("sarif", "github")
