"""Expand command-line inputs (files, folders, URLs) into a list of sources."""

from __future__ import annotations

from pathlib import Path

from pactlens.errors import InputError

SUPPORTED_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx"}


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def iter_folder(folder: Path):
    """Supported files under ``folder``, recursively, in a stable order (hidden files skipped)."""
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not any(
            part.startswith(".") for part in p.relative_to(folder).parts
        ):
            yield p


def expand_inputs(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if is_url(item):
            out.append(item)
            continue
        p = Path(item)
        if p.is_dir():
            found = [str(x) for x in iter_folder(p)]
            if not found:
                raise InputError(f"{item}: no supported files in this folder")
            out.extend(found)
        elif p.exists():
            out.append(item)
        else:
            raise InputError(f"{item}: no such file or folder")
    return out
