"""The committed TensorBoard runs of `kerakit solve` hold per-epoch train and validation scalars."""

from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED_RUNS = {
    "ch03_first_networks": {"imdb": "accuracy", "reuters": "accuracy", "boston": "mae"},
    "ch04_fundamentals": {run: "accuracy" for run in ("original", "smaller", "bigger", "l2", "dropout")},
    "ch05_convnets": {"mnist": "accuracy", "small_plain": "accuracy", "small_augmented": "accuracy", "feature_head": "accuracy"},
    "ch05b_advanced_convnets": {"inception": "accuracy", "auxiliary": "main_loss", "transfer_target": "accuracy"},
    "ch06_text_and_sequences": {"learned_embedding": "accuracy", "lstm": "accuracy", "conv1d": "accuracy", "weather_gru": "loss"},
    "ch07_functional_and_callbacks": {"mlp": "accuracy", "question_answering": "accuracy"},
    "ch08_generative": {"char_lstm": "accuracy", "vae": "reconstruction_loss"},
}


def read_scalars(folder: Path) -> dict[str, list[float]]:
    """Return tag -> per-epoch values from the TensorBoard event files in `folder`, via TensorBoard's reader."""
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    from tensorboard.util import tensor_util

    accumulator = EventAccumulator(str(folder), size_guidance={"tensors": 0, "scalars": 0})
    accumulator.Reload()
    tags = accumulator.Tags()
    values = {tag: [e.value for e in accumulator.Scalars(tag)] for tag in tags.get("scalars", [])}
    for tag in tags.get("tensors", []):
        events = sorted(accumulator.Tensors(tag), key=lambda e: e.step)
        values[tag] = [float(tensor_util.make_ndarray(e.tensor_proto)) for e in events]
    return values


@pytest.mark.parametrize("chapter, run, metric", [(c, r, m) for c, runs in EXPECTED_RUNS.items() for r, m in runs.items()])
def test_reference_run_has_train_and_validation_scalars(chapter, run, metric):
    log_dir = ROOT / "solutions" / chapter / "logs" / run
    assert log_dir.is_dir(), f"{log_dir} is missing: run `kerakit solve {chapter.split('_')[0]}`"
    train, validation = read_scalars(log_dir / "train"), read_scalars(log_dir / "validation")
    for values in (train, validation):
        assert {"epoch_loss", f"epoch_{metric}"} <= set(values), sorted(values)
    epochs = len(train["epoch_loss"])
    assert epochs >= 10 and len(validation["epoch_loss"]) == epochs
    losses = np.array(train["epoch_loss"])
    assert losses[-1] < losses[0] and np.all(np.isfinite(losses)), "training loss should fall"


def test_logs_are_small():
    total = sum(p.stat().st_size for p in (ROOT / "solutions").rglob("logs/**/*") if p.is_file())
    assert total < 2_000_000, f"the committed logs take {total:,} bytes; keep them scalar-only"
