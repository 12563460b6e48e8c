"""Readers of writing about agreements: agreements mentioned in prose, their signers, quotes,
events, citations and references, people and entities, and the discourse they share."""
