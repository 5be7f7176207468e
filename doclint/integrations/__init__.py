"""Adapters for data-processing frameworks; each needs its own optional extra."""
