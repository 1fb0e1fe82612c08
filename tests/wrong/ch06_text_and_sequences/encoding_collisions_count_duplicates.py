# Wrong: counts every listed word, so a repeated word looks like a collision with itself.
def count_collisions(words, dimensionality):
    return len(words) - len({stable_hash(word) % dimensionality for word in words})
