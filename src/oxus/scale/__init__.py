"""Running extraction beyond one process: a local process pool, or a Dask cluster."""

from oxus.scale.pool import extract_parallel

__all__ = ["extract_parallel"]
