"""Authoring tools: check (analysis, winnability), map, schema, scaffolding, world tests."""
