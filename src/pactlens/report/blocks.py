"""Report building blocks, independent of the output format.

Sections turn an Analysis into these; ``text`` renders them with rich and
``markdown`` as Markdown, so each section is written once for both.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Fields:
    """A heading and label/value pairs."""

    title: str
    items: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    note: str | None = None


@dataclass
class Lines:
    """A heading and free lines (findings, notes)."""

    title: str
    lines: list[str] = field(default_factory=list)


Block = Fields | Table | Lines
