"""What ``oxus train`` and ``oxus eval --cv`` share: gold documents run through the pipeline."""

from __future__ import annotations

from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from oxus.cli.app import errors, fail
from oxus.eval import load_facts
from oxus.learn.documents import from_folder, from_store
from oxus.learn.families import Rows
from oxus.learn.reviews import review_rows
from oxus.learn.samples import Sample, collect_samples, gold_by_id
from oxus.store import Store
from oxus.store.review_examples import review_examples


def gold_samples(
    gold: Path, *, store: Store | None, corpus: Path | None, quiet: bool = False
) -> list[Sample]:
    """Parse every gold document whose text the store (or ``corpus``) holds."""
    gold_docs = gold_by_id(load_facts(gold))
    if corpus is not None:
        documents, missing = from_folder(corpus, gold_docs)
    elif store is not None:
        documents, missing = from_store(store, gold_docs)
    else:
        raise fail("give --corpus or a store that holds the gold documents")
    if not documents:
        where = corpus or "the store"
        raise fail(f"none of the {len(gold_docs)} gold documents is in {where}; ingest them first")
    if missing:
        errors.print(
            f"[yellow]note[/yellow] {len(missing)} gold documents have no text here and are "
            f"left out: {', '.join(missing[:8])}{' ...' if len(missing) > 8 else ''}"
        )
    with Progress(
        TextColumn("[bold]reading gold documents"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        disable=quiet,
        transient=True,
    ) as progress:
        task = progress.add_task("parse", total=len(documents))
        return collect_samples(
            None, documents, gold_docs, progress=lambda _: progress.advance(task)
        )


def reviewed_rows(store: Store) -> dict[str, Rows]:
    """Training rows from the analysts' review decisions kept in the store."""
    with store.engine.connect() as conn:
        examples = review_examples(conn)
    if not examples:
        return {}
    documents, missing = from_store(store, {e.document_id for e in examples})
    if missing:
        errors.print(
            f"[yellow]note[/yellow] {len(missing)} reviewed documents are no longer stored "
            "and are left out"
        )
    return review_rows(None, documents, examples)
