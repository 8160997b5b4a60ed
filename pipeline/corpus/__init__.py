"""The per-report work on a whole corpus: in batches, cached, and in parallel.

Reading a raw file and extracting its claims depends on that file alone, so
it is done per report, in batches, in whatever process has a free core:

- ``listing``  lists and hashes every raw file (one at a time, never all held);
- ``batch``    reads one batch of files and extracts their claims (any process, any machine);
- ``cache``    keeps each report's results, keyed by its bytes and the code that read it;
- ``workers``  runs the batches here, in a pool of processes, or on a Dask cluster;
- ``run``      puts these together and writes the corpus's tables as Parquet.

Deciding duplicates, validating, reconciling and publishing need the whole
corpus and stay in the calling process.
"""
