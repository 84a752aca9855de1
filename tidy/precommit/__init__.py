"""What tidy's git hooks check, and what `tidy init` writes to set them up.

checks: `tidy hook check-staged` (the index: what the next commit holds) and
`tidy hook check-push` (every blob the pushed commits add), judged with the scan's catalogue
and rules on git's objects, never the working tree. init: the .pre-commit-config.yaml snippet
and a starter [tool.tidy]. The click commands are in tidy/cli/hook.py and tidy/cli/init.py.
"""
