#!/usr/bin/env python3
"""CPython as a test oracle: one long-lived process answering JSON requests.

The TypeScript tests and benchmarks start this script once and send it one
JSON object per line on stdin; each request gets exactly one JSON line back on
stdout, in order, carrying the request's "id". Batching whole test suites
through one process keeps CPython's start-up cost out of the test time.

Operations (see tests/support/oracle.ts for the typed client):
  stdlib      -> {root, files}: the stdlib's .py files (site-packages excluded)
  digest      {paths}: per file, SHA-256 of ast.dump(ast.parse(bytes)) without
              and with include_attributes, or the error CPython raises
  dump        {path, attrs, indent}: the full ast.dump text of one file
  compile     {sources, filename}: compile(src, filename, 'exec') outcome
  parse       {sources}: ast.parse(src) outcome (+ dump digest when accepted)
  display     {errors}: SyntaxError objects rendered by sys.__excepthook__
  pyast       {argv}: `python -m ast ARGV` emulated in-process: stdout, the
              error display it prints after the traceback, exit status
  bench       {paths, iterations}: timed ast.parse over decoded sources
"""
import ast
import contextlib
import gc
import hashlib
import importlib.util
import io
import json
import os
import sys
import sysconfig
import time
import traceback
import types
import warnings


def error_fields(exc):
    """The fields the tests compare, for any exception compile() can raise."""
    out = {'ok': False, 'type': type(exc).__name__, 'msg': str(exc)}
    if isinstance(exc, SyntaxError):
        out.update(
            msg=exc.msg,
            lineno=exc.lineno,
            offset=exc.offset,
            end_lineno=getattr(exc, 'end_lineno', None),
            end_offset=getattr(exc, 'end_offset', None),
            text=exc.text,
        )
    return out


def sha(text):
    return hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()


def op_stdlib(_req):
    root = sysconfig.get_paths()['stdlib']
    files = []
    for directory, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ('site-packages', '__pycache__'))
        for name in sorted(names):
            if name.endswith('.py'):
                files.append(os.path.relpath(os.path.join(directory, name), root))
    return {'root': root, 'files': files}


def op_digest(req):
    results = []
    for path in req['paths']:
        with open(path, 'rb') as f:
            data = f.read()
        try:
            tree = ast.parse(data, filename=path)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
            results.append(error_fields(exc))
            continue
        results.append({
            'ok': True,
            'dump': sha(ast.dump(tree)),
            'dumpAttrs': sha(ast.dump(tree, include_attributes=True)),
        })
    return {'results': results}


def op_dump(req):
    with open(req['path'], 'rb') as f:
        tree = ast.parse(f.read(), filename=req['path'])
    return {'text': ast.dump(tree, include_attributes=req.get('attrs', False), indent=req.get('indent'))}


def op_compile(req):
    filename = req.get('filename', '<snippet>')
    results = []
    for src in req['sources']:
        try:
            compile(src, filename, 'exec', dont_inherit=True)
            results.append({'ok': True})
        except (SyntaxError, ValueError, MemoryError, RecursionError, OverflowError) as exc:
            results.append(error_fields(exc))
    return {'results': results}


def op_codes(req):
    """Per source (or file, by path): the functions' code objects, nested ones
    included (comprehensions, class bodies and modules left out), as
    [co_name, co_firstlineno, co_varnames, co_cellvars, co_freevars, co_flags],
    or null when it does not compile."""
    def functions(code, out):
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                if const.co_flags & 0x2 and (not const.co_name.startswith('<') or const.co_name == '<lambda>'):
                    out.append([const.co_name, const.co_firstlineno, list(const.co_varnames), list(const.co_cellvars),
                                list(const.co_freevars), const.co_flags])
                functions(const, out)
        return out
    results = []
    for item in req.get('sources', []) or req.get('paths', []):
        try:
            if 'paths' in req:
                with open(item, 'rb') as f:
                    item = f.read()
            code = compile(item, req.get('filename', '<snippet>'), 'exec', dont_inherit=True)
            results.append(functions(code, []))
        except (SyntaxError, ValueError, MemoryError, RecursionError, OverflowError):
            results.append(None)
    return {'results': results}


def op_parse(req):
    results = []
    for src in req['sources']:
        try:
            tree = ast.parse(src)
        except (SyntaxError, ValueError, MemoryError, RecursionError, OverflowError) as exc:
            results.append(error_fields(exc))
            continue
        try:
            digest = sha(ast.dump(tree, include_attributes=True))
        except RecursionError:
            digest = None
        results.append({'ok': True, 'dump': digest})
    return {'results': results}


def render_exception(exc):
    """What the interpreter prints for an uncaught `exc` with no traceback."""
    exc = exc.with_traceback(None)
    buffer = io.StringIO()
    saved = sys.stderr
    sys.stderr = buffer
    try:
        sys.__excepthook__(type(exc), exc, None)
    finally:
        sys.stderr = saved
    return buffer.getvalue()


def op_display(req):
    kinds = {'SyntaxError': SyntaxError, 'IndentationError': IndentationError, 'TabError': TabError}
    texts = []
    for e in req['errors']:
        exc = kinds[e['type']](e['msg'], (e['filename'], e['lineno'], e['offset'], e['text'],
                                          e['end_lineno'], e['end_offset']))
        texts.append(render_exception(exc))
    return {'texts': texts}


def op_pyast(req):
    out = io.StringIO()
    saved_argv = sys.argv
    sys.argv = ['python -m ast'] + list(req['argv'])
    stderr = ''
    status = 0
    try:
        with contextlib.redirect_stdout(out):
            ast.main()
    except SyntaxError as exc:
        stderr = render_exception(exc)
        status = 1
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = saved_argv
    return {'stdout': out.getvalue(), 'stderr': stderr, 'status': status}


def op_bench(req):
    sources = []
    for path in req['paths']:
        with open(path, 'rb') as f:
            data = f.read()
        try:
            sources.append(importlib.util.decode_source(data))
        except SyntaxError:
            # tokenize's cookie rules are stricter than the parser's: let
            # ast.parse decode these few itself.
            sources.append(data)
    # Warm-up, which also drops what CPython rejects (the caller keeps only
    # what we accept, so both sides time the same files).
    accepted = []
    for src in sources:
        try:
            ast.parse(src)
            accepted.append(src)
        except SyntaxError:
            pass
    sources = accepted
    times = []
    for _ in range(req.get('iterations', 3)):
        gc.collect()
        start = time.perf_counter()
        for src in sources:
            ast.parse(src)
        times.append(time.perf_counter() - start)
    return {'times': times, 'excluded': len(req['paths']) - len(sources), 'version': sys.version.split()[0]}


OPS = {
    'stdlib': op_stdlib,
    'digest': op_digest,
    'dump': op_dump,
    'compile': op_compile,
    'codes': op_codes,
    'parse': op_parse,
    'display': op_display,
    'pyast': op_pyast,
    'bench': op_bench,
}


def main():
    # The recursion limit is left alone: CPython derives its AST-construction
    # depth limit from it, so raising it would change which inputs it accepts.
    warnings.simplefilter('ignore')
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        try:
            reply = OPS[req['op']](req)
        except Exception:
            reply = {'oracleError': traceback.format_exc()}
        reply['id'] = req.get('id')
        out.write(json.dumps(reply, ensure_ascii=True) + '\n')
        out.flush()


if __name__ == '__main__':
    main()
