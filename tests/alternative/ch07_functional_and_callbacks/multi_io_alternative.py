# Right: list outputs with loss and loss_weights as dicts keyed by the output layers' names, loss objects,
# keras.optimizers.RMSprop(), inputs given as a dict-free list built in the book's order.
import keras
from keras import layers


def build_question_answering(text_vocabulary_size=10000, question_vocabulary_size=10000, answer_vocabulary_size=500):
    text_input = keras.Input(shape=(None,), dtype="int32", name="text")
    embedded_text = layers.Embedding(input_dim=text_vocabulary_size, output_dim=64)(text_input)
    question_input = keras.Input(shape=(None,), dtype="int32", name="question")
    embedded_question = layers.Embedding(question_vocabulary_size, 32)(question_input)
    concatenated = layers.Concatenate(axis=-1)([layers.LSTM(32)(embedded_text), layers.LSTM(16)(embedded_question)])
    model = keras.Model(inputs=[text_input, question_input], outputs=layers.Dense(answer_vocabulary_size, activation="softmax")(concatenated))
    model.compile(optimizer=keras.optimizers.RMSprop(), loss=keras.losses.CategoricalCrossentropy(), metrics=["acc"])
    return model


def build_age_income_gender(vocabulary_size=50000, num_income_groups=10):
    posts = keras.Input(shape=(None,), dtype="int32", name="posts")
    x = layers.Embedding(vocabulary_size, 64)(posts)
    x = layers.Conv1D(64, 5, activation="relu")(x)
    x = layers.MaxPooling1D(5)(x)
    x = layers.Conv1D(64, 5, activation="relu")(x)
    x = layers.GlobalMaxPooling1D()(x)
    x = layers.Dense(64, activation="relu")(x)
    age = layers.Dense(1, name="age")(x)
    income = layers.Dense(num_income_groups, activation="softmax", name="income")(x)
    gender = layers.Dense(1, activation="sigmoid", name="gender")(x)
    model = keras.Model(posts, [age, income, gender])
    model.compile(optimizer=keras.optimizers.RMSprop(),
                  loss={"age": keras.losses.MeanSquaredError(), "income": keras.losses.CategoricalCrossentropy(),
                        "gender": keras.losses.BinaryCrossentropy()},
                  loss_weights={"age": 0.25, "income": 1.0, "gender": 10.0})
    return model
