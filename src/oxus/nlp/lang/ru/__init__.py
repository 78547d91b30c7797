"""Russian: the natasha analysis behind a spaCy ``Doc``, and the Russian lexicons,
dates and numbers the oxus components read when ``doc.lang_ == "ru"``.

natasha's models (razdel segmentation, slovnet morphology, syntax and NER over navec
embeddings, pymorphy2 lemmas) ship inside their PyPI packages: nothing is downloaded.
"""
