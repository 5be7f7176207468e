"""datatrove pipeline steps (pip install 'doclint[datatrove]'): a formatter that rewrites doc.text with doclint's
fixes, and a filter that records findings in doc.metadata and drops documents by policy, the rule code as reason.

    LocalPipelineExecutor(pipeline=[JsonlReader("in/"), DoclintFormatter(),
                                    DoclintFilter(drop_on=["DL106"], exclusion_writer=JsonlWriter("dropped/")),
                                    JsonlWriter("out/")], tasks=4, workers=4, logging_dir="logs/").run()

The same pipeline runs on Slurm or Ray through datatrove's other executors."""
from __future__ import annotations

from datatrove.data import Document
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter

from ..clean import Cleaner

METADATA_KEY = "doclint"


class DoclintFormatter(BaseFormatter):
    """Rewrites each document's text with doclint's safe fixes (or unsafe ones too)."""

    name = "🧹 doclint"

    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None, unsafe: bool = False,
                 kind: str = "text"):
        super().__init__()
        self.cleaner = Cleaner(select=select, ignore=ignore, unsafe=unsafe, kind=kind)

    def format(self, text: str) -> str:
        return self.cleaner.clean(text).text


class DoclintFilter(BaseFilter):
    """Keeps a document unless a finding the policy names (`drop_on`: codes, prefixes, names, tags) is in it;
    the findings per rule go to doc.metadata['doclint'] whether it is kept or dropped."""

    name = "🧹 doclint"

    def __init__(self, drop_on: list[str], select: list[str] | None = None, ignore: list[str] | None = None,
                 kind: str = "text", exclusion_writer=None):
        super().__init__(exclusion_writer)
        self.cleaner = Cleaner(select=select, ignore=ignore, drop_on=drop_on, kind=kind)

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        checked = self.cleaner.check(doc.text)
        doc.metadata[METADATA_KEY] = checked.remaining
        if checked.drop_reason:
            return False, checked.drop_reason.split()[0]
        return True
