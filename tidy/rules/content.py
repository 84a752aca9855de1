"""The content pass as the rules use it: which facts it computes for this config, and each
group's ContentFacts (tidy.workspace.content), made by the engine or, for a context made by
hand, here on first use (without the cache)."""

from __future__ import annotations

from tidy.analysis.data_in_code.facts import data_judges
from tidy.core.config import Config
from tidy.rules.base import GroupContext, per_context
from tidy.workspace.content import ContentFacts, Spec


def content_spec(config: Config) -> Spec:
    """Data-in-code's judges; a file read anyway is hashed from the duplicate floor up (every
    file with --duplicates, where every file is a candidate)."""
    return Spec(judges=data_judges(config.data_min_size),
                hash_min_size=1 if config.duplicates else config.duplicate_min_size)


@per_context
def _made_here(ctx: GroupContext) -> ContentFacts:
    return ContentFacts(ctx.root, content_spec(ctx.config), use_cache=False)


def content_of(ctx: GroupContext) -> ContentFacts:
    """The group's content facts: the engine's (cache and early pass included) when it made
    the context."""
    found = ctx.content
    return found if isinstance(found, ContentFacts) else _made_here(ctx)
