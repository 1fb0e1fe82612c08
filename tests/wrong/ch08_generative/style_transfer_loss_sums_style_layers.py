# Wrong here: the style losses summed with style_weight each, not style_weight / len(style_layers).
import numpy as np
import keras


def compute_loss(feature_model, combination_image, base_image, style_image, content_layer=CONTENT_LAYER,
                 style_layers=STYLE_LAYERS, content_weight=1e-4, style_weight=1.0, total_variation_weight=1e-3):
    height, width = int(np.shape(base_image)[1]), int(np.shape(base_image)[2])
    batch = keras.ops.concatenate([keras.ops.convert_to_tensor(base_image, "float32"), keras.ops.convert_to_tensor(style_image, "float32"),
                                   keras.ops.convert_to_tensor(combination_image, "float32")], axis=0)
    features = feature_model(batch, training=False)
    loss = content_weight * content_loss(features[content_layer][0], features[content_layer][2])
    for name in style_layers:
        loss = loss + style_weight * style_loss(features[name][1], features[name][2], height, width)
    return loss + total_variation_weight * total_variation_loss(combination_image, height, width)
