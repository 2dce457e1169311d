"""Shared vocabulary of every stage: schema, errors, doc extensions, offsets, word lists,
gazetteers and their data."""
