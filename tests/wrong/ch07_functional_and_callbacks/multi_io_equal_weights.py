# Wrong: forgets loss_weights (every head weighted 1).
import keras
from keras import layers


def build_age_income_gender(vocabulary_size=50000, num_income_groups=10):
    posts = keras.Input(shape=(None,), dtype="int32", name="posts")
    x = layers.MaxPooling1D(5)(layers.Conv1D(64, 5, activation="relu")(layers.Embedding(vocabulary_size, 64)(posts)))
    x = layers.Dense(64, activation="relu")(layers.GlobalMaxPooling1D()(layers.Conv1D(64, 5, activation="relu")(x)))
    outputs = {"age": layers.Dense(1, name="age")(x),
               "income": layers.Dense(num_income_groups, activation="softmax", name="income")(x),
               "gender": layers.Dense(1, activation="sigmoid", name="gender")(x)}
    model = keras.Model(posts, outputs)
    model.compile(optimizer="rmsprop", loss={"age": "mse", "income": "categorical_crossentropy", "gender": "binary_crossentropy"})
    return model
