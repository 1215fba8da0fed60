"""A JSON-like document: build a tree of dicts and lists, serialize it by hand
(the serializer is the work under test, not a library's), walk it to collect
records, and sort them with key functions."""

KINDS = ["alpha", "beta", "gamma", "delta"]


def make_node(ident, depth):
    node = {
        "id": ident,
        "name": f"node-{ident}",
        "kind": KINDS[ident % len(KINDS)],
        "weight": ident * 7919 % 1000,
        "tags": [KINDS[(ident + k) % len(KINDS)] for k in range(ident % 3)],
        "active": ident % 5 != 0,
    }
    if depth > 0:
        node["children"] = [make_node(ident * 4 + k + 1, depth - 1) for k in range(4)]
    else:
        node["note"] = None
    return node


def escape(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_json(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ",".join([to_json(item) for item in value]) + "]"
    if isinstance(value, dict):
        return "{" + ",".join([escape(key) + ":" + to_json(item) for key, item in value.items()]) + "}"
    raise TypeError(f"cannot serialize {type(value).__name__}")


def collect(node, path, records):
    records.append((node["weight"], node["kind"], path, len(node["tags"])))
    for index, child in enumerate(node.get("children", [])):
        collect(child, f"{path}/{index}", records)


def main(rounds):
    total_length = 0
    by_kind = {}
    for round_ in range(rounds):
        tree = make_node(round_, 6)
        total_length += len(to_json(tree))
        records = []
        collect(tree, "", records)
        records.sort(key=lambda record: (record[1], -record[0], record[2]))
        for weight, kind, _path, tags in records:
            by_kind[kind] = by_kind.get(kind, 0) + weight * (tags + 1)
    print(f"{rounds} trees, {len(records)} nodes each, {total_length} JSON characters")
    print("first:", records[0][2] or "/", "last:", records[-1][2])
    for kind in sorted(by_kind):
        print(f"{kind:>6}: {by_kind[kind]}")


N = 24
main(N)
