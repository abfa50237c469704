"""Benchmarks: run by hand (`python -m benchmarks.extraction`), never part of the test run."""
