#!/usr/bin/env python3
"""CPython's answers for the semantics tests, in one process.

stdin: a JSON object
  {"cases": [{"source": str, "topLevelAwait": bool}, ...]}
    -> one result per case: {"parsed": false} when ast.parse rejects the
       source (the case is not a compile-check case), else {"ok": true} or
       {"ok": false, "msg", "lineno", "offset", "end_lineno", "end_offset"}
       from compile(source, "<snippet>", "exec"[, PyCF_ALLOW_TOP_LEVEL_AWAIT]).
  {"harvest": true}
    -> [{"source", "topLevelAwait", "outcome"}, ...]: snippets found in
       CPython's own test suite (Lib/test: string constants and doctest
       examples) that ast.parse accepts and that either fail to compile or
       use a construct the compile checks care about; each with and
       without PyCF_ALLOW_TOP_LEVEL_AWAIT.
  {"generated": {"seed": int, "count": int, "risk": float}}
    -> [{"source", "topLevelAwait", "outcome"}, ...] for random programs from
       program_generator.py that ast.parse accepts, with and without
       PyCF_ALLOW_TOP_LEVEL_AWAIT.
  {"stdlib": true}
    -> {"root": ..., "files": [{"path", "ok", "parsed"?, "error"?}, ...]}: every
       .py file of the standard library (site-packages excluded), whether
       compile(bytes) accepts it and, if not, whether ast.parse does (then
       "error" holds the compile error, as for cases).

The compiler's SyntaxErrors carry UTF-8 byte columns (+1), passed on as
CPython gives them. A missing end column (None) is written -1.
"""
import ast
import doctest
import importlib.util
import json
import os
import re
import sys
import sysconfig
import warnings



def column(byte_offset):
    return -1 if byte_offset is None else byte_offset


def compile_case(case):
    source = case["source"]
    try:
        ast.parse(source)
    except (SyntaxError, ValueError):
        return {"parsed": False}
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if case.get("topLevelAwait") else 0
    try:
        compile(source, "<snippet>", "exec", flags=flags, dont_inherit=True)
        return {"ok": True}
    except SyntaxError as e:
        return error_fields(e, source)


def error_fields(e, source):
    return {
        "ok": False,
        "msg": e.msg,
        "lineno": e.lineno,
        "offset": column(e.offset),
        "end_lineno": e.end_lineno,
        "end_offset": column(e.end_offset),
    }


def stdlib_files():
    root = sysconfig.get_paths()["stdlib"]
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                data = f.read()
            entry = {"path": path}
            try:
                compile(data, path, "exec", dont_inherit=True)
                entry["ok"] = True
            except SyntaxError as e:
                entry["ok"] = False
                try:
                    ast.parse(data)
                except (SyntaxError, ValueError):
                    entry["parsed"] = False
                else:
                    # Rejected by the compile checks themselves: a case for check().
                    entry["parsed"] = True
                    entry["error"] = error_fields(e, importlib.util.decode_source(data))
            except (ValueError, RecursionError, MemoryError):
                entry["ok"] = False
                entry["parsed"] = False
            files.append(entry)
    return {"root": root, "files": files}


INTERESTING = re.compile(
    r"\b(yield|await|async|nonlocal|global|break|continue|return|match|case|"
    r"lambda|__debug__|import|def|class|except|for|with)\b|:=|\*"
)


def harvest():
    root = os.path.join(sysconfig.get_paths()["stdlib"], "test")
    seen = set()
    cases = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            try:
                with open(os.path.join(dirpath, name), "rb") as f:
                    tree = ast.parse(f.read())
            except (SyntaxError, ValueError):
                continue
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                    continue
                if len(node.value) > 3000:
                    continue
                snippets = [node.value]
                try:
                    snippets += [ex.source for ex in doctest.DocTestParser().get_examples(node.value)]
                except ValueError:
                    pass
                for source in snippets:
                    if source in seen or not INTERESTING.search(source):
                        continue
                    seen.add(source)
                    for tla in (False, True):
                        outcome = compile_case({"source": source, "topLevelAwait": tla})
                        if outcome.get("parsed", True):
                            cases.append({"source": source, "topLevelAwait": tla, "outcome": outcome})
    return cases


def generated(spec):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import program_generator

    cases = []
    for source in program_generator.programs(spec["seed"], spec["count"], spec["risk"]):
        for tla in (False, True):
            outcome = compile_case({"source": source, "topLevelAwait": tla})
            if outcome.get("parsed", True):
                cases.append({"source": source, "topLevelAwait": tla, "outcome": outcome})
    return cases


def main():
    warnings.simplefilter("ignore")
    request = json.load(sys.stdin)
    if request.get("generated"):
        reply = generated(request["generated"])
    elif request.get("harvest"):
        reply = harvest()
    elif request.get("stdlib"):
        reply = stdlib_files()
    else:
        reply = [compile_case(case) for case in request["cases"]]
    json.dump(reply, sys.stdout, ensure_ascii=True)


main()
