"""Whole corpora: analyse many files in parallel into a library, resumably.

The pipeline runs in worker processes (or Ray tasks), which also build the
rows the library stores; the one process that owns the library inserts them,
a batch of documents per transaction, so an interruption leaves only whole
documents stored and a re-run skips them.
Results do not depend on the number of workers: each file's analysis is a
pure function of its bytes and the pipeline version.
"""

from pactlens.batch.reanalyse import ReanalyseReport, reanalyse
from pactlens.batch.run import BatchReport, add_sources

__all__ = ["BatchReport", "ReanalyseReport", "add_sources", "reanalyse"]
