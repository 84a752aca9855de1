"""Ignore fixes: rules in the managed block of `.gitignore` (TDY501) and heavy folders out of
search (TDY502), planned by plan.py from what tidy.analysis.ignore_choice proposed and written
by the appliers in apply.py; managed_block.py is the block itself."""
