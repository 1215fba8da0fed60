"""Generate src/ast/nodes.ts from CPython's own `ast` module.

Every concrete ast class carries its ASDL signature in its docstring, plus
`_fields` and `_attributes`; the TypeScript declarations, the factories and
the field tables used by dump/walk all come from there, so our AST cannot
drift from the CPython version that runs this script.
"""
import ast
import re
import sys

BUILTIN_TYPES = {
    "identifier": "string",
    "string": "string",
    "int": "number",
    "constant": "PyConstant",
}
ABSTRACT = ["mod", "stmt", "expr", "expr_context", "boolop", "operator", "unaryop",
            "cmpop", "excepthandler", "pattern", "type_ignore"]
PRODUCTS = ["comprehension", "arguments", "arg", "keyword", "alias", "withitem", "match_case"]

SIG = re.compile(r"^(\w+)(?:\((.*)\))?$")


def parse_signature(doc):
    m = SIG.match(doc.strip())
    assert m, doc
    name, params = m.group(1), m.group(2)
    fields = []
    if params:
        for part in params.split(","):
            typ, fname = part.strip().split(" ")
            quant = ""
            if typ.endswith("*") or typ.endswith("?"):
                quant = typ[-1]
                typ = typ[:-1]
            fields.append((fname, typ, quant))
    return name, fields


def ts_name(name):
    # Babel (which builds dist/) refuses `arguments` as a binding even in a type
    # declaration; the interface is declared as `arguments_` and re-exported
    # under CPython's name.
    return name + "_" if name in ("arguments", "eval") else name


# Fields whose ASDL type says less than CPython allows: `{**a}` has a None key,
# and a keyword-only parameter without default has a None kw_default.
NULLABLE_ELEMENTS = {("Dict", "keys"), ("arguments", "kw_defaults")}


def field_type(node, fname, typ, quant):
    if (node, fname) in NULLABLE_ELEMENTS:
        return f"({ts_name(BUILTIN_TYPES.get(typ, typ))} | null)[]"
    return ts_type(typ, quant)


def ts_type(typ, quant):
    base = ts_name(BUILTIN_TYPES.get(typ, typ))
    if quant == "*":
        return f"{base}[]"
    if quant == "?":
        return f"{base} | null"
    return base


def main():
    out = []
    w = out.append
    w("// generated — do not edit; run `npm run gen:ast` (scripts/gen-ast.py).")
    w(f"// Source: CPython {sys.version.split()[0]} `ast` module docstrings, _fields and _attributes.")
    w("/* eslint-disable */")
    w("// Nodes are class instances, not object literals: V8 pretenures an object literal's")
    w("// allocation site when most of its objects outlive a young-generation collection (a")
    w("// module's tree lives through the check and the transform) and allocates them in the")
    w("// old generation, where a module's dead tree waits for a major collection and keeps")
    w("// the young objects it points to alive through every young one meanwhile; `new` has")
    w("// no allocation site. (bench:compile: about 2-3% less CPU, mostly in generate.)")
    w("import type { PyConstant } from './constants.js';")
    w("")
    w("/** Location attributes, as CPython's `_attributes` (col offsets are UTF-8 byte offsets). */")
    w("export interface Located {")
    w("  lineno: number;")
    w("  col_offset: number;")
    w("  end_lineno: number | null;")
    w("  end_col_offset: number | null;")
    w("}")
    w("")
    specs = {}
    order = []
    for abstract in ABSTRACT:
        base = getattr(ast, abstract)
        members = [c for c in base.__subclasses__() if c.__doc__ and not c.__doc__.startswith("Deprecated")]
        names = []
        for cls in members:
            name, fields = parse_signature(cls.__doc__)
            assert name == cls.__name__
            assert tuple(f[0] for f in fields) == cls._fields, (name, fields, cls._fields)
            specs[name] = (fields, tuple(cls._attributes), abstract)
            order.append(name)
            names.append(name)
        w(f"export type {abstract} = {' | '.join(names)};")
    for product in PRODUCTS:
        cls = getattr(ast, product)
        name, fields = parse_signature(cls.__doc__)
        specs[name] = (fields, tuple(cls._attributes), None)
        order.append(name)
    w("")
    w("export type { arguments_ as arguments };")
    w("export type AST = " + " | ".join(ts_name(n) for n in order) + ";")
    w("export type NodeType = AST['nodeType'];")
    w("")
    for name in order:
        fields, attrs, abstract = specs[name]
        ext = " extends Located" if attrs else ""
        w(f"export interface {ts_name(name)}{ext} {{")
        w(f"  nodeType: '{name}';")
        for fname, typ, quant in fields:
            w(f"  {fname}: {field_type(name, fname, typ, quant)};")
        w("}")
        if not fields and not attrs:
            w(f"export const {name}: {name} = Object.freeze({{ nodeType: '{name}' }}) as {name};")
        else:
            params = [f"{f}: {field_type(name, f, t, q)}" for f, t, q in fields]
            if attrs:
                params += ["lineno: number", "col_offset: number", "end_lineno: number | null", "end_col_offset: number | null"]
            names = [f for f, _, _ in fields] + list(attrs)
            types = [field_type(name, f, t, q) for f, t, q in fields] + (["number", "number", "number | null", "number | null"] if attrs else [])
            w(f"class {name}Node implements {ts_name(name)} {{")
            w(f"  declare nodeType: '{name}';")
            for f, typ in zip(names, types):
                w(f"  declare {f}: {typ};")
            w(f"  constructor({', '.join(params)}) {{")
            w(f"    this.nodeType = '{name}';")
            for f in names:
                w(f"    this.{f} = {f};")
            w("  }")
            w("}")
            w(f"export function {ts_name(name)}({', '.join(params)}): {ts_name(name)} {{")
            w(f"  return new {name}Node({', '.join(names)});")
            w("}")
        w("")
    w("/** Field kinds: '' a single value, '?' optional (None when absent), '*' a list. */")
    w("export type FieldQuantifier = '' | '?' | '*';")
    w("export interface FieldSpec { readonly name: string; readonly type: string; readonly quantifier: FieldQuantifier; }")
    w("export interface NodeSpec { readonly fields: readonly FieldSpec[]; readonly attributes: readonly string[]; readonly base: string | null; }")
    w("")
    w("/** CPython's `_fields` (with ASDL types) and `_attributes` for every node, in CPython's order. */")
    w("export const NODE_SPECS: { readonly [K in NodeType]: NodeSpec } = {")
    for name in order:
        fields, attrs, abstract = specs[name]
        fs = ", ".join(f"{{ name: '{f}', type: '{t}', quantifier: '{q}' }}" for f, t, q in fields)
        at = ", ".join(f"'{a}'" for a in attrs)
        base = f"'{abstract}'" if abstract else "null"
        w(f"  {name}: {{ fields: [{fs}], attributes: [{at}], base: {base} }},")
    w("};")
    w("")
    w("/** The fields of each node kind that hold nodes (single, optional or lists), for walkers. */")
    node_types = set(ABSTRACT) | set(PRODUCTS)
    w("export const CHILD_FIELDS: { readonly [K in NodeType]: readonly string[] } = {")
    for name in order:
        fields, _, _ = specs[name]
        kids = ", ".join(f"'{f}'" for f, t, q in fields if t in node_types)
        w(f"  {name}: [{kids}],")
    w("};")
    print("\n".join(out))


main()
