"""Runs a Python program as `python3 FILE` would, and writes its execution
time on fd 3 as JSON {wall, cpu} in seconds (interpreter start-up and
compiling to bytecode left out, as the other variants leave out theirs),
and the process's peak RSS in KB."""
import json
import os
import resource
import sys
import time


def main():
    # The async programs' import of asyncio is start-up (pyasync's harness
    # loads its asyncio module before its clock starts too).
    import asyncio  # noqa: F401
    path = sys.argv[1]
    with open(path, 'rb') as f:
        code = compile(f.read(), path, 'exec')
    sys.argv = sys.argv[1:]
    namespace = {'__name__': '__main__', '__file__': path, '__builtins__': __builtins__}
    status = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        exec(code, namespace)
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdout.flush()
        wall = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
    os.write(3, json.dumps({'wall': wall, 'cpu': cpu, 'maxRss': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}).encode())
    sys.exit(status)


main()
