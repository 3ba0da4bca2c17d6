"""The pieces of scripts/bench.py: scales, synthetic data, loading, the cases and the printout."""
