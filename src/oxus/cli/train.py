"""``oxus train``: retrain the extraction model from gold documents."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer

from oxus.cli.app import DbOption, app, console, errors, fail, store_for
from oxus.nlp.scoring.bundle import model_path


@app.command()
def train(
    gold: Annotated[
        Path, typer.Option(help="Gold facts: a folder of .json files or a .jsonl file.")
    ],
    corpus: Annotated[
        Path | None,
        typer.Option(help="Read the gold documents' texts from this folder, not the store."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model (default: the model extraction uses)."),
    ] = None,
    with_reviews: Annotated[
        bool,
        typer.Option(
            "--with-reviews",
            help="Also learn from the analysts' accept/reject decisions in the store.",
        ),
    ] = False,
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Train the relation, event and estimate scorers (and the source chooser) on gold
    documents, and on reviewed facts with --with-reviews."""
    from oxus.cli.learning import gold_samples, reviewed_rows
    from oxus.learn.train import train_model

    target = out or model_path()
    if target.is_dir() or not target.parent.is_dir():
        raise fail(f"cannot write the model to {target}: not a file in an existing folder")
    with ExitStack() as stack:
        store = stack.enter_context(store_for(db)) if corpus is None or with_reviews else None
        samples = gold_samples(gold, store=None if corpus else store, corpus=corpus, quiet=quiet)
        reviews = reviewed_rows(store) if store is not None and with_reviews else {}
        model = train_model(samples, note=f"gold: {gold}", reviews=reviews)
        model.save(target)
    sizes = ", ".join(f"{name} {count}" for name, count in model.info["features"].items())
    reviewed = sum(model.info["review_rows"].values())
    errors.print(
        f"trained on {len(samples)} gold documents and {reviewed} reviewed candidates; "
        f"features: {sizes}",
        highlight=False,
    )
    console.print(f"model written to {target}", highlight=False)
