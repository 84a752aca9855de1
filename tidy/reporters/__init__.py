"""Reporters: pure functions from a Report to text. They never detect, never write files.

`render` (render.py) picks one by name; FORMATS lists the names `tidy scan --format` takes.
"""

FORMATS = ("text", "json", "sarif", "github", "gitlab", "markdown", "html")
