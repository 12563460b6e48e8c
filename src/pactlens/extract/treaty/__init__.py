"""Readers of an agreement's own text: its records, further instruments, title, parties,
signing, term, signatories in signature blocks, provisions and obligations."""
