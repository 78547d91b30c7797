"""How the statistical models multiply matrices: numpy's OpenBLAS, on one thread.

spaCy's models multiply with BLIS by default. The OpenBLAS that numpy ships picks
kernels for the processor it runs on, and on one thread it does the same products in
about half the time BLIS takes on the CPUs oxus was measured on, so the model's part of
a document falls by about a tenth (docs/benchmarks.md); the parse and the entities come
out the same. OpenBLAS would spread each product over every core, which at these sizes
costs more CPU than it saves and collapses when the cores are busy, so extraction and
training hold every BLAS to one thread while a pipeline runs, the Russian models' too
(parallelism belongs to the worker processes).
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits


def multiply_with_numpy(nlp: Language) -> None:
    """Every CPU layer of the pipeline's statistical models multiplies through numpy (a
    layer on another device, a GPU's, keeps its own)."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps:
                layer.ops = ops


def single_blas_thread() -> AbstractContextManager[object]:
    """A context in which every BLAS loaded so far uses one thread (restored on exit).

    The libraries are looked up on each call (about a millisecond), so one a later import
    brought in (scikit-learn's, say) is held too.
    """
    return threadpool_limits(limits=1, user_api="blas")
