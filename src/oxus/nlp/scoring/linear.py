"""A logistic scorer over named sparse features, with Platt calibration and a threshold."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Features = dict[str, float]
"""A candidate's features by name; most are indicators with the value 1.0."""


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass
class LinearScorer:
    """``P(candidate is a true fact) = sigmoid(a * (w . x + b) + c)``.

    ``w`` and ``b`` come from logistic regression on gold candidates; ``a`` and ``c``
    (Platt scaling fitted on held-out folds) make the probability honest, so an
    analyst can read ``confidence`` 0.8 as "right about four times in five".
    ``threshold`` is the probability above which the decoder keeps a candidate.
    """

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    scale: float = 1.0
    shift: float = 0.0
    threshold: float = 0.5

    def margin(self, features: Mapping[str, float]) -> float:
        """The raw linear score ``w . x + b``."""
        weight_of = self.weights.get
        total = self.bias
        for name, value in features.items():
            weight = weight_of(name)
            if weight is not None:
                total += weight * value
        return total

    def probability(self, features: Mapping[str, float]) -> float:
        """The calibrated probability that the candidate is a true fact."""
        return sigmoid(self.scale * self.margin(features) + self.shift)

    def to_dict(self) -> dict[str, Any]:
        return {
            "bias": self.bias,
            "scale": self.scale,
            "shift": self.shift,
            "threshold": self.threshold,
            "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinearScorer:
        return cls(
            weights={str(k): float(v) for k, v in dict(data.get("weights", {})).items()},
            bias=float(data.get("bias", 0.0)),
            scale=float(data.get("scale", 1.0)),
            shift=float(data.get("shift", 0.0)),
            threshold=float(data.get("threshold", 0.5)),
        )
