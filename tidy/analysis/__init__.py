"""Analysis: judgements over what the workspace layer has read.

vendored/ (which copied libraries there are and whether anything references them),
ignore_choice (which ignore rules to propose, each verified with git through
tidy.workspace.ignorefiles), data_in_code/ (is a module mostly data: one pass over its
bytes). Nothing here opens files or starts processes itself: what it needs from the disk or
from git comes from tidy.workspace, called or handed in. The rules turn the results into
findings.
"""
