"""What python3 prints for each of several programs, in one interpreter:
reads a JSON list of paths on stdin, writes a JSON list of
{"stdout", "error"} (error: the exception line, or null) on stdout."""
import contextlib
import io
import json
import sys
import traceback


def run(path):
    out = io.StringIO()
    with open(path, 'rb') as f:
        code = compile(f.read(), path, 'exec')
    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(code, {'__name__': '__main__', '__file__': path, '__builtins__': __builtins__})
        except BaseException as exc:  # reported to the caller, which decides
            error = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return {'stdout': out.getvalue(), 'error': error}


json.dump([run(path) for path in json.load(sys.stdin)], sys.stdout)
