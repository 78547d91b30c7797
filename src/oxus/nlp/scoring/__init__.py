"""The learned part of extraction: linear scorers over sparse features, stored as data.

Each fact family (relations, events, estimates) proposes candidates broadly from the
parse; a :class:`~oxus.nlp.scoring.linear.LinearScorer` trained on gold documents turns
each candidate's features into a calibrated probability, and the family's decoder keeps
what clears the scorer's threshold. The weights live in a JSON file shipped with the
package (never pickle), retrained with ``oxus train``.
"""

from oxus.nlp.scoring.bundle import ExtractionModel, load_model, model_path
from oxus.nlp.scoring.linear import Features, LinearScorer

__all__ = ["ExtractionModel", "Features", "LinearScorer", "load_model", "model_path"]
