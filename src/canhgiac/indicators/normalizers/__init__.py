"""Per-kind normalisers; ``canhgiac.indicators.normalize`` dispatches to them."""
