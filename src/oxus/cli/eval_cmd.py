"""``oxus eval``: score the store (or a facts file) against gold facts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from oxus.cli.app import DbOption, app, console, fail, store_for
from oxus.eval import ERROR_CATEGORIES, format_errors, format_report, load_facts, score
from oxus.export.facts_jsonl import facts_records


@app.command("eval")
def eval_command(
    gold: Annotated[
        Path, typer.Option(help="Gold facts: a folder of .json files or a .jsonl file.")
    ],
    facts: Annotated[
        Path | None,
        typer.Option(help="System facts (facts-jsonl) to score; default: the current store."),
    ] = None,
    baseline: Annotated[
        bool, typer.Option(help="Also score plain spaCy NER on the same documents.")
    ] = False,
    errors: Annotated[
        str | None,
        typer.Option(
            help=f"List false positives and misses of one of {', '.join(ERROR_CATEGORIES)}."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
    cv: Annotated[
        int | None,
        typer.Option(
            "--cv",
            min=2,
            help="Cross-validate: train on K-1 folds of the gold documents (from the store), "
            "score the held-out fold; print per-fold and pooled figures beside the fit.",
        ),
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed that assigns documents to folds.")] = 13,
    db: DbOption = None,
) -> None:
    """Precision, recall and F1 per category and type, and attribution accuracy."""
    if errors is not None and errors not in ERROR_CATEGORIES:
        raise fail(f"--errors takes one of {', '.join(ERROR_CATEGORIES)}")
    if cv is not None:
        if facts is not None or baseline or errors:
            raise fail(
                "--cv scores the store's gold documents; leave out --facts, --baseline, --errors"
            )
        _cross_validate(gold, cv, seed=seed, as_json=as_json, db=db)
        return
    gold_docs = load_facts(gold)
    if facts is not None:
        system = load_facts(facts, check_refs=False)
        documents: list[Any] = []
    else:
        with store_for(db, reading=True) as store:
            wanted = {g["doc"]["id"] for g in gold_docs}
            loaded = [store.document_facts(doc_id) for doc_id in sorted(wanted)]
        present = [f for f in loaded if f is not None]
        system = list(facts_records(present))
        documents = [f.document for f in present]
    result = score(system, gold_docs)
    base = None
    if baseline:
        if not documents:
            raise fail("--baseline needs the documents in the store (omit --facts)")
        from oxus.eval.baseline import baseline_records

        base = score(baseline_records(documents), gold_docs)
    if as_json:
        payload = {"oxus": result.to_dict()}
        if base is not None:
            payload["baseline_spacy_ner"] = base.to_dict()
        console.print_json(json.dumps(payload))
        return
    console.print(format_report(result), highlight=False, markup=False)
    if base is not None:
        console.print("\nbaseline: plain spaCy NER (en_core_web_sm, no pack)", highlight=False)
        console.print(format_report(base), highlight=False, markup=False)
    if errors:
        console.print("")
        console.print(format_errors(result, errors), highlight=False, markup=False)


def _cross_validate(gold: Path, k: int, *, seed: int, as_json: bool, db: str | None) -> None:
    from oxus.cli.learning import gold_samples
    from oxus.learn.crossval import cross_validate
    from oxus.learn.report import cv_dict, format_cv

    with store_for(db) as store:
        samples = gold_samples(gold, store=store, corpus=None, quiet=as_json)
    if len(samples) < k:
        raise fail(
            f"--cv {k} needs at least {k} gold documents in the store ({len(samples)} found)"
        )
    result = cross_validate(samples, k, seed=seed)
    if as_json:
        console.print_json(json.dumps(cv_dict(result, seed=seed)))
        return
    console.print(format_cv(result, seed=seed), highlight=False, markup=False)
