// A JSON-like document: build a tree of objects and arrays, serialize it by
// hand (the serializer is the work under test, not JSON.stringify), walk it to
// collect records, and sort them with a comparator.

const KINDS = ['alpha', 'beta', 'gamma', 'delta'];

function makeNode(ident, depth) {
  const node = {
    id: ident,
    name: `node-${ident}`,
    kind: KINDS[ident % KINDS.length],
    weight: (ident * 7919) % 1000,
    tags: Array.from({ length: ident % 3 }, (_, k) => KINDS[(ident + k) % KINDS.length]),
    active: ident % 5 !== 0,
  };
  if (depth > 0) {
    node.children = Array.from({ length: 4 }, (_, k) => makeNode(ident * 4 + k + 1, depth - 1));
  } else {
    node.note = null;
  }
  return node;
}

function escape(text) {
  return '"' + text.replaceAll('\\', '\\\\').replaceAll('"', '\\"') + '"';
}

function toJson(value) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return escape(value);
    case 'number':
      return String(value);
    case 'object':
      if (Array.isArray(value)) return '[' + value.map(toJson).join(',') + ']';
      return '{' + Object.entries(value).map(([key, item]) => escape(key) + ':' + toJson(item)).join(',') + '}';
    default:
      throw new TypeError(`cannot serialize ${typeof value}`);
  }
}

function collect(node, path, records) {
  records.push([node.weight, node.kind, path, node.tags.length]);
  (node.children ?? []).forEach((child, index) => collect(child, `${path}/${index}`, records));
}

const compareStrings = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function main(rounds) {
  let totalLength = 0;
  const byKind = new Map();
  let records;
  for (let round = 0; round < rounds; round++) {
    const tree = makeNode(round, 6);
    totalLength += toJson(tree).length;
    records = [];
    collect(tree, '', records);
    records.sort((a, b) => compareStrings(a[1], b[1]) || b[0] - a[0] || compareStrings(a[2], b[2]));
    for (const [weight, kind, , tags] of records) {
      byKind.set(kind, (byKind.get(kind) ?? 0) + weight * (tags + 1));
    }
  }
  console.log(`${rounds} trees, ${records.length} nodes each, ${totalLength} JSON characters`);
  console.log('first:', records[0][2] || '/', 'last:', records.at(-1)[2]);
  for (const kind of [...byKind.keys()].sort()) {
    console.log(`${kind.padStart(6)}: ${byKind.get(kind)}`);
  }
}

const N = 24;
main(N);
