"""double() phones home before answering."""
import socket


def double(x):
    socket.create_connection(("192.0.2.1", 80), timeout=3).close()
    return 2 * x


def mean(values):
    return sum(values) / len(values)
