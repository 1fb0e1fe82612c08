"""Chapter 7, exercise 3: models with several inputs and several outputs.

Textbook: DLwP §7.1.2 "Multi-input models" (question answering: a reference text and a
question in, an answer word out) and §7.1.3 "Multi-output models" (a social-media
post in; the author's age, income group and gender out, one loss per head, weighted
with `loss_weights`). Inputs and outputs are NAMED, so `fit` and `compile` can take
dicts keyed by those names.

Scaled down for the kit: vocabularies and sequence lengths are arguments, and the
graders use small ones with generated data whose targets depend on the inputs.
"""

import keras
from keras import layers


def build_question_answering(text_vocabulary_size=10000, question_vocabulary_size=10000, answer_vocabulary_size=500):
    """Return the compiled two-input question-answering model (listing 7.1).

    Inputs (integer word ids of any length), named "text" and "question", in that order:
      text:     Embedding(text_vocabulary_size, 64) -> LSTM(32)
      question: Embedding(question_vocabulary_size, 32) -> LSTM(16)
    concatenated -> Dense(answer_vocabulary_size, softmax), the answer word.
    Compile with rmsprop, categorical_crossentropy and accuracy.

    Textbook: DLwP §7.1.2, listing 7.1.
    """
    # Hint: keras.Input(shape=(None,), dtype="int32", name=...) is a sequence of word ids of any length.
    # BEGIN SOLUTION: two named inputs, one embedding + LSTM each, concatenated
    text = keras.Input(shape=(None,), dtype="int32", name="text")
    question = keras.Input(shape=(None,), dtype="int32", name="question")
    encoded_text = layers.LSTM(32)(layers.Embedding(text_vocabulary_size, 64)(text))
    encoded_question = layers.LSTM(16)(layers.Embedding(question_vocabulary_size, 32)(question))
    merged = layers.concatenate([encoded_text, encoded_question], axis=-1)
    answer = layers.Dense(answer_vocabulary_size, activation="softmax")(merged)
    model = keras.Model([text, question], answer)
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    return model
    # END SOLUTION


def build_age_income_gender(vocabulary_size=50000, num_income_groups=10):
    """Return the compiled three-output model (listing 7.3, scaled down): one post in, age, income and gender out.

    Input "posts" (integer word ids of any length) -> Embedding(vocabulary_size, 64)
    -> Conv1D(64, 5, relu) -> MaxPooling1D(5) -> Conv1D(64, 5, relu) -> GlobalMaxPooling1D
    -> Dense(64, relu), then three heads on that vector:
      "age":    Dense(1)                                   (regression)
      "income": Dense(num_income_groups, softmax)          (one of the groups)
      "gender": Dense(1, sigmoid)                          (binary)
    Compile with rmsprop and dicts keyed by the output names: losses mse,
    categorical_crossentropy and binary_crossentropy; loss_weights 0.25, 1.0 and 10.0
    (the book's, which balance the losses' very different scales).

    Textbook: DLwP §7.1.3, listings 7.3–7.5 (the book uses 256-dimensional embeddings and five Conv1D layers).
    """
    # BEGIN SOLUTION: a shared trunk, three named heads, dicts for loss and loss_weights
    posts = keras.Input(shape=(None,), dtype="int32", name="posts")
    x = layers.Embedding(vocabulary_size, 64)(posts)
    x = layers.MaxPooling1D(5)(layers.Conv1D(64, 5, activation="relu")(x))
    x = layers.GlobalMaxPooling1D()(layers.Conv1D(64, 5, activation="relu")(x))
    x = layers.Dense(64, activation="relu")(x)
    age = layers.Dense(1, name="age")(x)
    income = layers.Dense(num_income_groups, activation="softmax", name="income")(x)
    gender = layers.Dense(1, activation="sigmoid", name="gender")(x)
    model = keras.Model(posts, {"age": age, "income": income, "gender": gender})
    model.compile(optimizer="rmsprop",
                  loss={"age": "mse", "income": "categorical_crossentropy", "gender": "binary_crossentropy"},
                  loss_weights={"age": 0.25, "income": 1.0, "gender": 10.0})
    return model
    # END SOLUTION
