"""Whole corpora: analyse many files in parallel into a library, resumably.

The pipeline runs in worker processes (or Ray tasks); the one process that
owns the library writes each result in its own transaction as it arrives, so
an interruption leaves only whole documents stored and a re-run skips them.
Results do not depend on the number of workers: each file's analysis is a
pure function of its bytes and the pipeline version.
"""

from pactlens.batch.reanalyse import ReanalyseReport, reanalyse
from pactlens.batch.run import BatchReport, add_sources

__all__ = ["BatchReport", "ReanalyseReport", "add_sources", "reanalyse"]
