"""Loaded by tests/test_interrupt.py's doclint subprocesses (this folder is put on PYTHONPATH): it sends a signal at
one exact moment of doclint.files.write_atomic or of Linter.fix, so an interrupt lands there every time, without
timing.

DOCLINT_TEST_INTERRUPT = "POINT:SIGNAL:NTH:WHOM:FLAG":
- POINT: `check` (doclint starts checking and fixing a file), `write` (half of the new bytes are in the temporary
  file), `before-replace` or `after-replace`;
- SIGNAL: SIGINT or SIGKILL; NTH: at that point's NTH occurrence in a process;
- WHOM: `self` (this process) or `group` (the process group, as Ctrl-C in a terminal does);
- FLAG: a file created when the signal is sent, so only one process of a pool sends it.
"""
import os
import signal
import types

SPEC = os.environ.get("DOCLINT_TEST_INTERRUPT")


def _install(spec: str) -> None:
    from doclint import files
    from doclint.engine import Linter

    point, name, nth, whom, flag = spec.split(":", 4)
    signal_number, seen = getattr(signal, name), [0]

    def reached(here: str) -> None:
        if here != point:
            return
        seen[0] += 1
        if seen[0] != int(nth):
            return
        try:
            os.close(os.open(flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        if whom == "group":
            os.killpg(0, signal_number)
        else:
            os.kill(os.getpid(), signal_number)

    class HalfWrite:
        """A binary file whose write stops halfway to reach `write`."""

        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def write(self, data: bytes) -> int:
            half = len(data) // 2
            self.handle.write(data[:half])
            self.handle.flush()
            reached("write")
            return half + self.handle.write(data[half:])

    def fdopen(fd, mode="r", *args, **kwargs):
        handle = os.fdopen(fd, mode, *args, **kwargs)
        return HalfWrite(handle) if mode == "wb" else handle

    def replace(source, target, **kwargs):
        reached("before-replace")
        os.replace(source, target, **kwargs)
        reached("after-replace")

    fix = Linter.fix

    def checked(self, *args, **kwargs):
        reached("check")
        return fix(self, *args, **kwargs)

    Linter.fix = checked
    patched = types.ModuleType("os")
    patched.__dict__.update(os.__dict__)
    patched.fdopen, patched.replace = fdopen, replace
    files.os = patched  # only doclint.files sees the hooks


if SPEC:
    _install(SPEC)
