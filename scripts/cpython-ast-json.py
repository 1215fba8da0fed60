#!/usr/bin/env python3
"""Print CPython's ASTs as JSON in pyasync's node shapes (src/ast/nodes.ts).

src/ast/fromJson.ts turns the JSON back into our node objects, so that
CPython's trees can be compared with ours (differential testing).

Usage:
  cpython-ast-json.py [options] FILE...   one JSON line per file (read as bytes,
                                          so coding declarations apply)
  cpython-ast-json.py [options] --stdin   stdin: a JSON array of
                                          {"source": str, "filename"?: str, "mode"?: str};
                                          one JSON line per item
Options:
  --mode exec|eval|single|func_type  (default exec; an item's "mode" wins)
  --type-comments                     ast.parse(type_comments=True)
  --dump                              add "dump": ast.dump(tree, include_attributes=True)

Each line is {"filename": ..., "ast": NODE} or, when parsing fails,
{"filename": ..., "error": {"type", "msg", "lineno", "offset", "text",
"end_lineno", "end_offset"}} (the exception's fields, as CPython sets them).

NODE is {"nodeType": class name, <fields in _fields order>, <_attributes>}.
Identifiers, strings and ints (positions, level, conversion...) are plain
JSON; lists are arrays; None is null. Constant and MatchSingleton values
are tagged where JSON alone would be ambiguous:
  None/True/False -> null/true/false, str -> JSON string (but
  {"$str": [code points]} when a high surrogate is directly followed by a low
  one: JSON, like a JS string, would read those two as one astral character),
  int -> {"$int": "<decimal>"}, float -> {"$float": repr(x)} ('inf', 'nan', '-0.0'...),
  complex -> {"$complex": [repr(real), repr(imag)]}, bytes -> {"$bytes": "<hex>"},
  Ellipsis -> {"$ellipsis": true}.
Strings keep lone surrogates as \\udxxx escapes (ensure_ascii).
"""
import ast
import json
import re
import sys

sys.set_int_max_str_digits(0)

SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def constant_to_json(value):
    if isinstance(value, str) and SURROGATE_PAIR.search(value):
        return {"$str": [ord(c) for c in value]}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return {"$int": str(value)}
    if isinstance(value, float):
        return {"$float": repr(value)}
    if isinstance(value, complex):
        return {"$complex": [repr(value.real), repr(value.imag)]}
    if isinstance(value, bytes):
        return {"$bytes": value.hex()}
    if value is Ellipsis:
        return {"$ellipsis": True}
    raise TypeError(f"unsupported constant {value!r}")


def value_to_json(value, constant):
    if isinstance(value, ast.AST):
        return node_to_json(value)
    if isinstance(value, list):
        return [value_to_json(item, constant) for item in value]
    if constant:
        return constant_to_json(value)
    return value


def node_to_json(node):
    out = {"nodeType": type(node).__name__}
    constant_fields = ("value",) if isinstance(node, (ast.Constant, ast.MatchSingleton)) else ()
    for name in node._fields:
        if hasattr(node, name):
            out[name] = value_to_json(getattr(node, name), name in constant_fields)
    for name in node._attributes:
        if hasattr(node, name):
            out[name] = getattr(node, name)
    return out


def error_to_json(exc):
    return {
        "type": type(exc).__name__,
        "msg": exc.msg,
        "lineno": exc.lineno,
        "offset": exc.offset,
        "text": exc.text,
        "end_lineno": exc.end_lineno,
        "end_offset": exc.end_offset,
    }


def convert(source, filename, mode, type_comments, with_dump):
    result = {"filename": filename}
    try:
        tree = ast.parse(source, filename, mode, type_comments=type_comments)
    except SyntaxError as exc:  # IndentationError and TabError included
        result["error"] = error_to_json(exc)
        return result
    result["ast"] = node_to_json(tree)
    if with_dump:
        result["dump"] = ast.dump(tree, include_attributes=True)
    return result


def main(argv):
    mode = "exec"
    type_comments = False
    with_dump = False
    use_stdin = False
    files = []
    args = iter(argv)
    for arg in args:
        if arg == "--mode":
            mode = next(args)
        elif arg == "--type-comments":
            type_comments = True
        elif arg == "--dump":
            with_dump = True
        elif arg == "--stdin":
            use_stdin = True
        else:
            files.append(arg)
    out = sys.stdout
    if use_stdin:
        for item in json.load(sys.stdin):
            res = convert(item["source"], item.get("filename", "<unknown>"), item.get("mode", mode),
                          type_comments, with_dump)
            out.write(json.dumps(res) + "\n")
    for path in files:
        with open(path, "rb") as f:
            source = f.read()
        out.write(json.dumps(convert(source, path, mode, type_comments, with_dump)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
