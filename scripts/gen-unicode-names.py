#!/usr/bin/env python3
"""Generate src/parser/unicodeNames.br: the character names that `\\N{...}`
accepts in CPython 3.11 (Unicode 14.0.0), for src/parser/unicodeNames.ts.

The names come from this interpreter's `unicodedata`, so they are exactly
CPython's. CJK unified ideographs and Hangul syllables are left out: their
names are computed (unicodeNames.ts does it). Name aliases are not exposed by
`unicodedata`, so they are read from NameAliases.txt (Debian's `unicode-data`
package: `apt-get install unicode-data`) and each one is kept only if this
interpreter's `\\N{...}` resolves it to the listed character; a newer file
therefore yields 3.11's set.

Format (UTF-8 text, Brotli-compressed by node's zlib):
  one line per named character in code point order: `[gap];NAME`, gap being
  the hex distance to the previous code point minus one (empty when 0);
  an empty line;
  one line per alias: `hex;NAME`.

Usage: python3 scripts/gen-unicode-names.py  (needs python3 3.11 and node)
"""
import os
import subprocess
import sys
import unicodedata

ALIASES = '/usr/share/unicode/NameAliases.txt'
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'parser', 'unicodeNames.br')


def computed(name):
    return name.startswith('CJK UNIFIED IDEOGRAPH-') or name.startswith('HANGUL SYLLABLE ')


def main():
    if sys.version_info[:2] != (3, 11) or unicodedata.unidata_version != '14.0.0':
        sys.exit('needs CPython 3.11 (Unicode 14.0.0)')
    lines = []
    previous = -1
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None or computed(name):
            continue
        gap = cp - previous - 1
        lines.append(('%x' % gap if gap else '') + ';' + name)
        previous = cp
    lines.append('')
    with open(ALIASES, encoding='utf-8') as f:
        for raw in f:
            raw = raw.strip()
            if not raw or raw.startswith('#'):
                continue
            cp, name, _kind = raw.split(';')
            try:
                value = eval('"\\N{%s}"' % name)
            except SyntaxError:
                continue  # an alias newer than Unicode 14.0.0
            assert value == chr(int(cp, 16)), name
            lines.append('%x;%s' % (int(cp, 16), name))
    text = '\n'.join(lines).encode('ascii')
    compress = (
        "const z=require('zlib');const c=z.constants;"
        "process.stdout.write(z.brotliCompressSync(require('fs').readFileSync(0),"
        "{params:{[c.BROTLI_PARAM_QUALITY]:11,[c.BROTLI_PARAM_LGWIN]:24}}))"
    )
    data = subprocess.run(['node', '-e', compress], input=text, capture_output=True, check=True).stdout
    with open(OUT, 'wb') as f:
        f.write(data)
    print('%s: %d bytes (%d names)' % (os.path.normpath(OUT), len(data), len(lines) - 1))


main()
