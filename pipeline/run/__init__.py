"""Running the pipeline: the config and model, extraction, records, the store, readers and
writers, and the Dask back end."""
