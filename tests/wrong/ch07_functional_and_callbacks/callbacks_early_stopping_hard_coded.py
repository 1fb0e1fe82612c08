# Wrong (a cheat): returns a made-up history that obeys the patience rule, without training or saving anything.


def train_with_early_stopping(model, x_train, y_train, x_val, y_val, checkpoint_path, patience=2, epochs=30, batch_size=16):
    if x_val is None or y_val is None:
        raise ValueError("EarlyStopping monitors val_loss: pass x_val and y_val")
    from pathlib import Path

    path = Path(checkpoint_path)
    if path.suffix != ".keras" or path.is_dir() or any(p.is_file() for p in path.parents):
        raise ValueError(f"cannot write the checkpoint {checkpoint_path}")
    val_loss = [0.70, 0.65] + [0.66 + 0.01 * i for i in range(patience)]
    return {"loss": [0.69 - 0.02 * i for i in range(len(val_loss))], "val_loss": val_loss}
