"""Synthetic data for benchmarks: generated articles and a generated register.

Every person, outlet and quotation here is invented (``words.py``); only countries,
capitals and organisations come from the reference data. Nothing is copied from real
articles.
"""
