"""Progress bars: drawn on a terminal, silent when the output is piped."""

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

from conftest import ROOT

CODE = ("from sourcecheck.core.progress import progress\n"
        "for _ in progress(range(3), 'embedding passages', 'batch'): pass\n")


def _run(on_terminal: bool) -> bytes:
    if not on_terminal:
        return subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True, check=True).stderr
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen([sys.executable, "-c", CODE], cwd=ROOT, stdout=slave, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    assert process.wait() == 0
    return out


def test_progress_bar_on_a_terminal():
    out = _run(on_terminal=True).decode()
    assert "embedding passages:" in out and "/3 [" in out  # the bar, redrawn in place and cleared at the end


def test_no_progress_when_piped():
    assert _run(on_terminal=False) == b""
