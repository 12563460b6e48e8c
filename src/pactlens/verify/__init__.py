"""Findings about a document and across documents."""
