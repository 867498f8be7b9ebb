"""The pipeline: verification runs beyond one article: what changed since the last run, the work of one article
as a plain function (it runs on a thread or a Dask worker), and the schedule configuration."""
