"""Scoring against gold: the gold format, scorers, schemes, corpus converters, error analysis,
Label Studio and drafts."""
