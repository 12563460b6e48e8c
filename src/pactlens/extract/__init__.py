"""Extractors: one module per record kind, each a function of the structured Doc."""
