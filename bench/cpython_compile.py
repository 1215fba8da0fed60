"""CPython's side of `npm run bench:compile`: compile(src, path, 'exec') to
bytecode over the files pyasync compiled, in one process.

Reads one JSON object on stdin: {"paths": [...], "runs": R, "minSeconds": S}.
Sources are decoded before timing (pyasync's side times decoded text too).
After a warm-up pass, each run compiles every file `reps` times, `reps` chosen
so that a run lasts at least S seconds; writes one JSON object on stdout:
{"version", "reps", "wall": [seconds per run], "cpu": [...], "rejected": n}.
"""
import gc
import importlib.util
import json
import math
import sys
import time
import warnings


def main():
    req = json.load(sys.stdin)
    # SyntaxWarnings for invalid escapes would be printed on every compile.
    warnings.simplefilter('ignore')
    sources = []
    rejected = 0
    for path in req['paths']:
        with open(path, 'rb') as f:
            text = importlib.util.decode_source(f.read())
        try:
            compile(text, path, 'exec', dont_inherit=True)
        except SyntaxError:
            rejected += 1
            continue
        sources.append((text, path))

    def one_pass():
        for text, path in sources:
            compile(text, path, 'exec', dont_inherit=True)

    start = time.perf_counter()
    one_pass()
    first = time.perf_counter() - start
    reps = max(1, math.ceil(req.get('minSeconds', 0.5) / max(first, 1e-6)))
    wall, cpu = [], []
    for _ in range(req.get('runs', 5)):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(reps):
            one_pass()
        wall.append((time.perf_counter() - start) / reps)
        cpu.append((time.process_time() - start_cpu) / reps)
    json.dump({'version': sys.version.split()[0], 'reps': reps, 'wall': wall, 'cpu': cpu, 'rejected': rejected}, sys.stdout)


if __name__ == '__main__':
    main()
