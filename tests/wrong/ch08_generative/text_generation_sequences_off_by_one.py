# Wrong here: the next character taken as the window's last one (text[i + maxlen - 1]).
def make_sequences(text, maxlen=60, step=3):
    starts = range(0, len(text) - maxlen, step)
    return [text[i:i + maxlen] for i in starts], [text[i + maxlen - 1] for i in starts]
