"""pactlens: evidence-linked records from international agreements and what is written about them.

The public API is :func:`pactlens.pipeline.analyze`; importing this package
stays cheap so that ``pactlens --help`` is fast.
"""

__version__ = "0.1.0"
