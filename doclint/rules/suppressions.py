"""DL0xx: the article's own doclint comments."""
from __future__ import annotations

from ..model import Fixable
from ..registry import RuleContext, rule
from ..suppression import CODE


@rule(CODE, "unused-suppression", "A doclint-disable or doclint-enable comment has no effect",
      fixable=Fixable.ALWAYS, tags=("suppression",))
def unused_suppression(ctx: RuleContext):
    """## What it does
    Reports a Markdown suppression comment that suppresses nothing: a `<!-- doclint-disable DL301 -->`,
    `<!-- doclint-disable-next-line ... -->` or `<!-- doclint-disable-file ... -->` under which the rules it names
    find nothing, a rule name that names no rule, or a `<!-- doclint-enable -->` that ends no disable.

    A comment is judged against the rules it names even when the configuration does not select them, so the
    finding does not depend on `--select`.

    ## Why is this bad?
    A stale suppression hides the next real problem at that spot, and tells the reader something is wrong
    there when nothing is.

    ## Example
    ```
    <!-- doclint-disable-next-line DL301 -->
    A sentence, with its comma spaced.
    ```

    Use instead: remove the comment.

    ## Fix safety
    Removing a whole comment is unsafe, because a comment on its own line is an HTML block of the document's
    structure; removing only the unused codes from a comment that also names used ones is safe.
    """
    return ()  # the engine's suppression pass reports DL003: only it sees the findings of every rule
