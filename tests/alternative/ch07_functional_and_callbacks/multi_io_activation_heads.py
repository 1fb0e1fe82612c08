# RIGHT: build_age_income_gender with heads as Dense + separate Activation layers carrying the names, loss objects in dicts, loss_weights dict with ints/floats 0.25/1/10, outputs [age, income, gender]
import keras
from keras import layers


def build_age_income_gender(vocabulary_size=50000, num_income_groups=10):
    posts = keras.Input(shape=(None,), dtype="int32", name="posts")
    x = layers.Embedding(vocabulary_size, 64)(posts)
    x = layers.Conv1D(64, 5)(x)
    x = layers.Activation("relu")(x)
    x = layers.MaxPooling1D(5)(x)
    x = layers.Conv1D(64, 5)(x)
    x = layers.Activation("relu")(x)
    x = layers.GlobalMaxPooling1D()(x)
    x = layers.Dense(64)(x)
    x = layers.Activation("relu")(x)
    gender = layers.Activation("sigmoid", name="gender")(layers.Dense(1)(x))
    income = layers.Activation("softmax", name="income")(layers.Dense(num_income_groups)(x))
    age = layers.Activation("linear", name="age")(layers.Dense(1)(x))
    model = keras.Model(posts, [age, income, gender])
    model.compile(
        optimizer=keras.optimizers.RMSprop(),
        loss={"age": keras.losses.MeanSquaredError(),
              "income": keras.losses.CategoricalCrossentropy(),
              "gender": keras.losses.BinaryCrossentropy()},
        loss_weights={"gender": 10, "income": 1, "age": 0.25},
    )
    return model
