"""double() starts a process with _posixsubprocess.fork_exec (no audit event) that tries to outlive grading."""
import _posixsubprocess
import os
import sys

SURVIVOR = "import time; time.sleep(120)  # kerakit-survivor-marker"


def double(x):
    errpipe_read, errpipe_write = os.pipe()
    _posixsubprocess.fork_exec([sys.executable, "-c", SURVIVOR], [os.fsencode(sys.executable)], True, (errpipe_write,),
                               None, None, -1, -1, -1, -1, -1, -1, errpipe_read, errpipe_write, True, True, -1,
                               None, None, None, -1, None, False)
    return 2 * x


def mean(values):
    return sum(values) / len(values)
