/**
 * configparser against python3's, differentially: a corpus of scenarios
 * (reading, the mapping protocol, DEFAULT, both interpolations, the
 * constructor's options, writing, subclasses, every exception with its
 * message and attributes) is made into one program, run once by python3
 * and once by pyasync, each in a scratch folder of its own; every
 * scenario's printed output must be the same. A scenario's uncaught
 * exception is printed (type, message, args) rather than ending the run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestMirror } from '../../tests/support/testBuild.mjs';

const PRELUDE = String.raw`
import configparser, io, os, sys, warnings, collections, re
from configparser import *

def show(f):
    try:
        r = f()
    except Exception as e:
        print('!!', type(e).__name__, repr(str(e)), e.args)
    else:
        print('->', repr(r))

def parse(text, cls=ConfigParser, **kw):
    c = cls(**kw)
    c.read_string(text)
    return c

def dump(c, raw=False):
    for name in c:
        print(' ', repr(name), c.items(name, raw=raw) if name != c.default_section else sorted(c.defaults().items()))

def written(c, **kw):
    out = io.StringIO()
    c.write(out, **kw)
    return out.getvalue()
`;

/**
 * Each scenario is the body of a function; `show(lambda: ...)` prints a
 * result or the exception. `$\{` stands for `${`, which a template literal
 * would take for a substitution.
 */
const SCENARIOS: Record<string, string> = {
  basics: String.raw`
c = parse("""
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9

[bitbucket.org]
User = hg

[topsecret.server.com]
Port = 50022
ForwardX11 = no
""")
print(c.sections())
print('bitbucket.org' in c, 'bytebong.com' in c, 'DEFAULT' in c, len(c), list(c))
print(c['bitbucket.org']['user'], c['bitbucket.org']['User'], c['DEFAULT']['compression'])
t = c['topsecret.server.com']
print(t['port'], t.getint('port'), t.getboolean('forwardx11'), t.getboolean('compression'))
print(list(t), len(t), list(c['bitbucket.org']), list(c['DEFAULT']))
print(c.options('topsecret.server.com'))
dump(c)
`,
  default_semantics: String.raw`
c = parse("[DEFAULT]\na = 1\nb = 2\n[s]\nb = 3\nc = 4\n[t]\n")
print(c.get('s', 'a'), c.get('s', 'b'), c.get('t', 'b'), c.get('DEFAULT', 'b'))
print(c.has_option('s', 'a'), c.has_option('t', 'c'), c.has_option('DEFAULT', 'a'), c.has_option('', 'a'), c.has_option(None, 'b'))
print(c.has_option('nope', 'a'), c.has_section('DEFAULT'), c.has_section('s'))
print(c.items('s'), c.items('DEFAULT'), c.items('t'))
print(c.options('t'), c.defaults())
show(lambda: c.options('DEFAULT'))
show(lambda: c.items('nope'))
c.set('DEFAULT', 'z', 'zz')
c.set('', 'y', 'yy')
c.set(None, 'x', 'xx')
print(c.defaults(), c.get('t', 'z'))
print(c.remove_option('DEFAULT', 'z'), c.remove_option('', 'zzz'), c.defaults())
`,
  proxy_mapping: String.raw`
c = parse("[DEFAULT]\nd = 0\n[s]\nk = v\nn = 12\nf = 2.5\nb = off\n")
p = c['s']
print(repr(p), p.name, p.parser is c, 'k' in p, 'K' in p, 'd' in p, 'x' in p, 1 in c['DEFAULT'] if False else None)
print(len(p), list(p), list(p.keys()), list(p.values()), list(p.items()), dict(p))
print(p.get('k'), p.get('x'), p.get('x', 'fb'), p.get('x', fallback='fb2'))
print(p.getint('n'), p.getfloat('f'), p.getboolean('b'), p.getint('x'), p.getint('x', 5), p.getboolean('x', fallback=True))
show(lambda: p.getint('k'))
show(lambda: p['missing'])
show(lambda: c['missing'])
print(p == c['s'], dict(c['DEFAULT']), len(c['DEFAULT']))
print([(name, dict(sec)) for name, sec in c.items()])
print([repr(v) for v in c.values()], list(c.keys()))
`,
  proxy_mutation: String.raw`
c = parse("[DEFAULT]\nd = 0\n[s]\nk = v\n")
p = c['s']
p['New'] = 'x'
print(dict(p), c.get('s', 'new'))
del p['new']
print(dict(p))
show(lambda: p.__delitem__('new'))
show(lambda: p.__delitem__('d'))
show(lambda: p.__setitem__('k', 1))
show(lambda: p.__setitem__(2, 'v'))
c['t'] = {'A': 1, 'b': 'x'}
show(lambda: c.__setitem__('u', {'n': None}))
print(c.sections(), c.items('t', raw=True))
c['s'] = {'only': 'this'}
print(c.items('s'))
c['s'] = c['s']
print(c.items('s'))
c['DEFAULT'] = {'fresh': 'yes'}
print(c.defaults())
del c['t']
print(c.sections())
show(lambda: c.__delitem__('DEFAULT'))
show(lambda: c.__delitem__('t'))
print(c.pop('s') is not None, c.sections(), c.popitem() if c.sections() else 'empty')
c.read_dict({'a': {}, 'b': {}})
print(c.popitem()[0], c.sections())
c.clear()
print(c.sections(), c.defaults(), len(c))
print(repr(c.setdefault('z', {'q': 'r'})), c.items('z'))
c.update({'u': {'v': 'w'}}, extra={'e': 'f'})
print(c.sections(), c.items('extra'))
`,
  basic_interpolation: String.raw`
c = parse("""
[DEFAULT]
home = /home/%(user)s
user = nobody
[paths]
user = alice
dir = %(home)s/files
pct = 100%%
deep = %(dir)s/%(pct)s/x
raw = %(home)s
[other]
dir = %(home)s/o
Mixed = %(USER)s
""")
for o in ['home', 'dir', 'pct', 'deep']:
    print(o, c.get('paths', o), c.get('paths', o, raw=True))
print(c.get('other', 'dir'), c.get('other', 'mixed'))
print(c.get('paths', 'dir', vars={'HOME': '/v'}), c.get('paths', 'dir', vars={'home': 3}))
print(c['paths']['deep'], c['paths'].get('deep', raw=True), c.items('paths'))
print(c.items('paths', vars={'user': 'bob', 'extra': 'e'}))
print(c.items('paths', raw=True))
`,
  basic_interpolation_errors: String.raw`
c = parse("[s]\na = %(b)s\nb = %(c)s\nc = %(a)s\nd = %(nope)s\ne = 50%\nf = %(g\ng = %x\nh = %\n[t]\nx = %(d)s\n")
for o in 'abcdefgh':
    show(lambda: c.get('s', o))
try:
    c.get('s', 'd')
except InterpolationMissingOptionError as e:
    print(e.option, e.section, e.reference, e.args, isinstance(e, InterpolationError), isinstance(e, configparser.Error))
try:
    c.get('s', 'a')
except InterpolationDepthError as e:
    print(e.option, e.section, e.args)
try:
    c.get('s', 'f')
except InterpolationSyntaxError as e:
    print(e.option, e.section, e.args)
show(lambda: c.get('t', 'x'))
show(lambda: c['s']['e'])
show(lambda: c.items('s'))
print(c.get('s', 'e', raw=True), c.items('s', raw=True)[4])
`,
  basic_before_set: String.raw`
c = ConfigParser()
c.add_section('s')
for v in ['100%%', '%(x)s', '%(x)s and 50%%', '50%', 'a % b', '%(x', '%%(x)s%', '']:
    show(lambda: c.set('s', 'k', v))
c.read_string("[s]\nread = 50%\n")
print(c.get('s', 'read', raw=True))
show(lambda: c.get('s', 'read'))
show(lambda: ConfigParser(defaults={'k': '%(nope)s', 'p': '5%'}).get('DEFAULT', 'p'))
show(lambda: ConfigParser(defaults={'k': '%(nope)s'}).get('DEFAULT', 'k'))
`,
  extended_interpolation: String.raw`
c = parse(r"""
[Common]
home_dir: /Users
library_dir: /Library
system_dir: /System
macports_dir: /opt/local

[Frameworks]
Python: 3.2
path: $\{Common:system_dir}/Library/Frameworks/

[Arthur]
nickname: Two Sheds
last_name: Jackson
my_dir: $\{Common:home_dir}/twosheds
my_pictures: $\{my_dir}/Pictures
python_dir: $\{Frameworks:path}/Python/Versions/$\{Frameworks:Python}
cost: $$5
chain: $\{Other:link}
[Other]
link = $\{target}!
target = $\{Common:macports_dir}
""", interpolation=ExtendedInterpolation())
for o in ['my_dir', 'my_pictures', 'python_dir', 'cost', 'chain']:
    print(o, repr(c.get('Arthur', o)))
print(c.items('Arthur'))
print(c.get('Arthur', 'my_pictures', raw=True), c.get('Arthur', 'my_pictures', vars={'my_dir': '/v'}))
`,
  extended_errors: String.raw`
c = parse("[s]\na = $\{b}\nb = $\{c}\nc = $\{a}\nd = $\{nope}\ne = $x\nf = $\{g\ng = $\{a:b:c}\nh = $\{t:none}\ni = $\{none:x}\nj = 5$\nk = $\{T:x}\n[t]\nx = 1\n", interpolation=ExtendedInterpolation())
for o in 'abcdefghijk':
    show(lambda: c.get('s', o))
for v in ['$$', '$\{x}', '$', '$\{x', 'a$b', '$\{s:x} and $$']:
    show(lambda: c.set('s', 'z', v))
`,
  no_interpolation: String.raw`
c = parse("[s]\na = %(b)s\nb = 50%\nc = $\{x}\n", interpolation=None)
print(c.get('s', 'a'), c.get('s', 'b'), c.get('s', 'c'), c.items('s'))
c.set('s', 'd', '%')
print(c['s']['d'], type(c._interpolation).__name__)
r = parse("[s]\na = %(b)s\nb = x\n", cls=RawConfigParser)
print(r.get('s', 'a'), type(r._interpolation).__name__)
r.set('s', 'n', 5)
r.set('s', 'l', [1, 2])
print(r.get('s', 'n'), r.getint('s', 'n'), r.get('s', 'l'), r.items('s'))
print(written(r), end='')
show(lambda: ConfigParser(interpolation=3))
show(lambda: ConfigParser(interpolation=BasicInterpolation))
`,
  read_file_and_string: String.raw`
c = ConfigParser()
c.read_file(['[a]\n', 'x = 1\n', '  more\n'])
print(c.items('a'))
c.read_file(iter(['[b]', 'y=2']), source='lines')
print(c.items('b'))
show(lambda: c.read_file(['[c]\n', 'bad\n']))
show(lambda: c.read_file(io.StringIO('[d]\nbad\n')))
f = io.StringIO('[e]\nbad\n')
f.name = 'named.ini'
show(lambda: c.read_file(f))
show(lambda: c.read_string('[f]\nbad\n', source='mine'))
show(lambda: c.read_string(5))
show(lambda: c.read_file([b'[g]\n']))
show(lambda: c.read_file([5]))
print(c.sections())
c.read_string('')
c.read_string('   \n\n\t\n')
print(c.sections())
`,
  read_files: String.raw`
os.makedirs('cfgdir', exist_ok=True)
with open('cfgdir/one.ini', 'w', encoding='utf-8') as f:
    f.write('[one]\nk = 1\nname = caf\u00e9\n')
with open('cfgdir/two.ini', 'w', encoding='utf-8') as f:
    f.write('[two]\nk = 2\n[one]\nk = 11\n')
with open('cfgdir/bad.ini', 'w', encoding='utf-8') as f:
    f.write('[bad]\nnot an option\n')
c = ConfigParser()
print(c.read(['cfgdir/one.ini', 'cfgdir/missing.ini', 'cfgdir/two.ini'], encoding='utf-8'))
print(c.sections(), c.items('one'))
print(c.read('cfgdir/one.ini'), c.read([]), c.read('cfgdir/nope.ini'))
import pathlib
print(c.read(pathlib.Path('cfgdir') / 'two.ini'), c.read([pathlib.Path('cfgdir/one.ini')]))
show(lambda: c.read('cfgdir/bad.ini'))
try:
    c.read('cfgdir/bad.ini')
except ParsingError as e:
    print(e.source, e.errors)
with open('cfgdir/one.ini', encoding='utf-8') as f:
    d = ConfigParser()
    d.read_file(f)
    print(d.items('one'))
with open('cfgdir/out.ini', 'w', encoding='utf-8') as f:
    c.write(f)
with open('cfgdir/out.ini', encoding='utf-8') as f:
    print(f.read(), end='')
`,
  read_dict: String.raw`
c = ConfigParser()
c.read_dict({'s': {'A': 1, 'b': 2.5, 'c': True, 5: 'five'}, 7: {'x': 'y'}, 'DEFAULT': {'dd': 'v'}})
show(lambda: c.read_dict({'n': {'none': None}}))
n = RawConfigParser()
n.read_dict({'n': {'none': None, 'i': 1}})
print(n.items('n'))
print(c.sections(), c.items('s', raw=True), c.items('7'), c.defaults())
show(lambda: ConfigParser().read_dict({1: {}, '1': {}}))
show(lambda: ConfigParser().read_dict({'s': {'A': 1, 'a': 2}}))
show(lambda: ConfigParser().read_dict({'s': {'A': 1, 'a': 2}}, source='src'))
d = ConfigParser(strict=False)
d.read_dict({1: {'a': 'x'}, '1': {'A': 'y', 'b': 'z'}})
print(d.items('1'))
e = ConfigParser()
e.read_dict({'s': {'a': '1'}})
e.read_dict({'s': {'b': '2'}})
print(e.items('s'))
show(lambda: e.read_dict({'t': {'a': '50%'}}))
print(e.sections())
show(lambda: e.read_dict([('x', {})]))
`,
  sections_api: String.raw`
c = ConfigParser()
c.add_section('a')
c.add_section('B')
show(lambda: c.add_section('a'))
show(lambda: c.add_section('DEFAULT'))
show(lambda: c.add_section(3))
show(lambda: RawConfigParser().add_section(3))
print(c.sections(), c.has_section('a'), c.has_section('b'), c.has_section('B'))
print(c.remove_section('a'), c.remove_section('a'), c.sections())
show(lambda: c.options('a'))
show(lambda: c.set('a', 'k', 'v'))
show(lambda: c.remove_option('a', 'k'))
try:
    c.add_section('B')
except DuplicateSectionError as e:
    print(e.section, e.source, e.lineno, e.args)
`,
  get_fallbacks: String.raw`
c = parse("[s]\nk = v\nn = 7\nb = Yes\nf = 1e3\n")
print(c.get('s', 'K'), c.get('s', 'x', fallback=None), c.get('x', 'x', fallback=0), c.get('s', 'k', fallback='unused'))
show(lambda: c.get('s', 'Missing'))
show(lambda: c.get('nope', 'k'))
try:
    c.get('s', 'Missing')
except NoOptionError as e:
    print(e.option, e.section, e.args, str(e), repr(e))
try:
    c.get('nope', 'k')
except NoSectionError as e:
    print(e.section, e.args)
print(c.getint('s', 'n'), c.getint('s', 'x', fallback=-1), c.getint('x', 'x', fallback=-2), c.getfloat('s', 'f'), c.getboolean('s', 'b'))
print(c.getint('s', 'n', raw=True), c.getint('s', 'zz', vars={'zz': 9}), c.getboolean('s', 'q', vars={'q': 'off'}))
show(lambda: c.getint('s', 'k'))
show(lambda: c.getint('s', 'k', fallback=0))
show(lambda: c.getfloat('s', 'k'))
show(lambda: c.getint('s', 'x'))
show(lambda: c.getboolean('nope', 'x'))
print([c.getboolean('s', 'v', vars={'v': v}) for v in ['1', 'yes', 'TRUE', 'On', '0', 'no', 'False', 'OFF']])
show(lambda: c.getboolean('s', 'v', vars={'v': 'maybe'}))
show(lambda: c.getboolean('s', 'v', vars={'v': ''}))
`,
  items_forms: String.raw`
c = parse("[DEFAULT]\nd = %(k)s!\n[s]\nk = v\n[t]\nk = w\n")
print([(n, repr(p)) for n, p in c.items()])
print(c.items('s'), c.items('t'), c.items('s', raw=True), c.items('s', vars={'k': 'vv'}))
print(c.items('DEFAULT', raw=True))
show(lambda: c.items('DEFAULT'))
print(list(c['s'].items()), list(c['t'].values()))
`,
  write_forms: String.raw`
c = parse("[DEFAULT]\ndk = dv\n[s]\nkey = value\nmulti = line1\n  line2\n\n  line4\npct = 5%%\n[empty]\n")
print(written(c), end='|\n')
print(written(c, space_around_delimiters=False), end='|\n')
n = parse("[s]\nflag\nk = v\n", allow_no_value=True)
print(written(n), end='|\n')
d = parse("[s]\nk => v\n", delimiters=('=>', ':'))
print(written(d), end='|\n')
print(written(ConfigParser()), end='|\n')
again = ConfigParser()
again.read_string(written(c))
print(again.items('s', raw=True) == c.items('s', raw=True), again.get('s', 'multi') == c.get('s', 'multi'))
`,
  optionxform_subclass: String.raw`
class CaseKeeping(ConfigParser):
    def optionxform(self, optionstr):
        return optionstr
c = parse("[s]\nKey = 1\nkey = 2\n", cls=CaseKeeping)
print(c.items('s'), c.has_option('s', 'KEY'), c.get('s', 'Key'), list(c['s']))
d = ConfigParser()
d.optionxform = str
d.read_string("[s]\nMixedCase = %(Other)s\nOther = x\n")
print(d.items('s'), d.options('s'))
class Upper(RawConfigParser):
    def optionxform(self, s):
        return s.upper().strip()
e = parse("[s]\n a = 1\nb=2\n", cls=Upper)
print(e.items('s'), e.get('s', 'a'), 'A' in e['s'])
class Prefixed(ConfigParser):
    def optionxform(self, s):
        return 'opt_' + s.lower()
f = parse("[s]\nx = %(y)s\ny = 2\n", cls=Prefixed)
print(f.items('s'), f.get('s', 'x'))
`,
  boolean_states_subclass: String.raw`
class Custom(ConfigParser):
    BOOLEAN_STATES = {'sure': True, 'nope': False}
c = parse("[s]\na = sure\nb = nope\nc = yes\n", cls=Custom)
print(c.getboolean('s', 'a'), c.getboolean('s', 'b'), c['s'].getboolean('a'))
show(lambda: c.getboolean('s', 'c'))
d = ConfigParser()
d.BOOLEAN_STATES = {'y': True}
d.read_string("[s]\nq = Y\n")
print(d.getboolean('s', 'q'), ConfigParser.BOOLEAN_STATES['on'], sorted(RawConfigParser.BOOLEAN_STATES))
`,
  converters: String.raw`
c = ConfigParser(converters={'list': lambda v: [x.strip() for x in v.split(',')]})
c.read_string("[s]\nitems = a, b ,c\nn = 3\n")
print(c.getlist('s', 'items'), c['s'].getlist('items'), c.getlist('s', 'nope', fallback=[]), c['s'].getlist('nope'))
print(sorted(c.converters), len(c.converters), c.converters['int'], 'list' in c.converters)
c.converters['upper'] = str.upper
print(c.getupper('s', 'items'), c['s'].getupper('n'))
c.add_section('later')
c.set('later', 'k', 'v')
print(c['later'].getupper('k'), c['later'].getlist('k'))
del c.converters['upper']
print(hasattr(c, 'getupper'), hasattr(c['s'], 'getupper'), sorted(c.converters))
show(lambda: c.converters.__setitem__('', str))
show(lambda: c.converters.__setitem__(5, str))
show(lambda: c.converters.__delitem__(''))
show(lambda: c.converters.__delitem__('nope'))
class WithGetter(ConfigParser):
    def getpair(self, section, option, **kw):
        v = self.get(section, option, **kw)
        return tuple(v.split(':')) if isinstance(v, str) else v
w = parse("[s]\np = a:b\n", cls=WithGetter)
print(sorted(w.converters), w.converters['pair'], w['s'].getpair('p'), w['s'].getpair('zz', fallback=('x',)))
`,
  constructor_defaults: String.raw`
c = ConfigParser(defaults={'Num': 5, 'pct': '%(num)s%%'})
show(lambda: ConfigParser(defaults={'none': None}))
print(ConfigParser(defaults={'none': None}, allow_no_value=True).defaults())
print(c.defaults(), c.get('DEFAULT', 'pct'))
r = RawConfigParser(defaults={'Num': 5, 'Obj': [1]})
print(r.defaults(), r.get('DEFAULT', 'num'), r.getint('DEFAULT', 'num'))
show(lambda: ConfigParser(defaults={'bad': '%'}).defaults())
show(lambda: ConfigParser(defaults=[('a', 'b')]))
print(ConfigParser(defaults={}).defaults(), ConfigParser(defaults=None).defaults())
`,
  dict_type: String.raw`
c = ConfigParser(dict_type=collections.OrderedDict)
c.read_string("[b]\nz = 1\na = 2\n[a]\nk = v\n")
print(type(c._sections).__name__, type(c._defaults).__name__, type(c._sections['b']).__name__, c.sections(), c.options('b'))
class Tracking(dict):
    made = 0
    def __init__(self, *a, **k):
        Tracking.made += 1
        super().__init__(*a, **k)
d = ConfigParser(dict_type=Tracking)
d.read_string("[x]\n[y]\n")
print(Tracking.made, type(d['x'].parser._sections['y']).__name__)
`,
  allow_no_value: String.raw`
c = parse("[mysqld]\nuser = mysql\nskip-external-locking\nold_passwords = 1\nskip-bdb\n[s]\nk\nk2 =\n", allow_no_value=True)
print(c.items('mysqld'), c.get('mysqld', 'skip-bdb'), c.has_option('mysqld', 'skip-bdb'), c.items('s'))
print(c['mysqld']['skip-bdb'], dict(c['s']))
c.set('s', 'n', None)
c.set('s', 'e', '')
print(c.items('s', raw=True))
show(lambda: c.getboolean('s', 'k'))
show(lambda: c.getint('s', 'k'))
show(lambda: c.set('s', 'x', 5))
show(lambda: ConfigParser().set('DEFAULT', 'x', None))
show(lambda: parse("[s]\nflag\n"))
show(lambda: parse("[s]\nflag\n  more\n", allow_no_value=True))
i = parse("[s]\nnone\nref = %(none)s\n", allow_no_value=True)
show(lambda: i.get('s', 'ref'))
`,
  delimiters: String.raw`
c = parse("[s]\na => 1\nb = 2 => 3\nc:d => e\n", delimiters=('=>',))
print(c.items('s'))
d = parse("[s]\nkey value\nother\tthing\n", delimiters=(' ', '\t'))
print(d.items('s'), d._delimiters)
e = parse("[s]\nk.v\nx.y.z\n", delimiters=['.'])
print(e.items('s'), e._delimiters)
show(lambda: parse("[s]\na = 1\n", delimiters=(':',)))
f = parse("[s]\na = b = c\nd : e = f\ng=:h\n")
print(f.items('s'))
n = parse("[s]\na\nb :: c\n", delimiters=('::',), allow_no_value=True)
print(n.items('s'))
`,
  comments: String.raw`
c = parse("""
# full line
; also full
[s]
a = 1 # not a comment by default
b = 2 ; nor this
  # indented comment
c = x
  # comment inside a value
  continued
d = #leading
""")
print(c.items('s'))
i = parse("[s]\na = 1 # gone\nb = 2;kept\nc = 3 ; gone\nd = x#y # z\ne = ; all\nf = \t# tab\n", inline_comment_prefixes=('#', ';'))
print(i.items('s'))
p = parse("// x\n[s]\n// y\na = 1\n# kept = yes\n", comment_prefixes=('//',))
print(p.items('s'))
n = parse("[s]\n# a = 1\n;b = 2\n", comment_prefixes=None)
print(n.items('s'))
m = parse("[s]\na = 1 rem gone\nb = 2 remark\nc = rem\n", inline_comment_prefixes=['rem'])
print(m.items('s'))
h = parse("[s] # header comment\na = 1\n", inline_comment_prefixes=('#',))
print(h.sections(), h.items('s'))
`,
  strict_and_duplicates: String.raw`
show(lambda: parse("[a]\n[b]\n[a]\n"))
show(lambda: parse("[a]\nx = 1\ny = 2\nX = 3\n"))
show(lambda: parse("[DEFAULT]\nx = 1\n[DEFAULT]\ny = 2\n").defaults())
show(lambda: parse("[DEFAULT]\nx = 1\nx = 2\n"))
try:
    parse("[a]\n\n\n[a]\n")
except DuplicateSectionError as e:
    print(e.section, e.source, e.lineno, e.args)
try:
    parse("[a]\nx=1\nx=2\n")
except DuplicateOptionError as e:
    print(e.section, e.option, e.source, e.lineno, e.args)
l = parse("[a]\nx = 1\n[b]\n[a]\nx = 2\ny = 3\n[b]\nz = 4\nz = 5\n", strict=False)
print(l.sections(), l.items('a'), l.items('b'))
c = parse("[a]\nx = 1\n")
c.read_string("[a]\nx = 2\n")
print(c.items('a'))
try:
    c.read_string("[q]\n" + "\n" * 120 + "[q]\n", source='long.ini')
except DuplicateSectionError as e:
    print(str(e))
print(c.sections())
`,
  empty_lines: String.raw`
text = "[s]\na = 1\n\n  2\n\n\n  3\nb = x\n\nc = y\n  z\n\n"
c = parse(text)
print(c.items('s'))
show(lambda: parse(text, empty_lines_in_values=False).items('s'))
show(lambda: parse("[s]\na = 1\n  # note\n\n  2\n", empty_lines_in_values=False).items('s'))
show(lambda: parse("[s]\na = 1\n  # note\n  2\n", empty_lines_in_values=False).items('s'))
u = parse("[s]\na = 1\n  # note\n\n  2\n")
print(u.items('s'))
`,
  default_section_name: String.raw`
c = parse("[general]\nx = 1\n[s]\ny = %(x)s\n[DEFAULT]\nz = 2\n", default_section='general')
print(c.sections(), c.defaults(), c.default_section, list(c), c.items('s'), c.items('DEFAULT'))
show(lambda: c.add_section('general'))
print('general' in c, c.has_section('general'), dict(c['general']))
print(written(c), end='|\n')
`,
  missing_section_header: String.raw`
for text in ["x = 1\n", "\n\n  key: v\n[s]\n", "garbage\n", "  \n\t[s]\n  a = 1\n"]:
    try:
        c = parse(text)
    except MissingSectionHeaderError as e:
        print(repr(str(e)), e.args, e.source, e.lineno, repr(e.line), isinstance(e, ParsingError))
    else:
        print(c.sections(), c.items('s'))
show(lambda: ConfigParser().read_file(['k = v\n'], source='src.ini'))
`,
  parsing_errors: String.raw`
c = ConfigParser()
try:
    c.read_string("[s]\na = 1\nnot an option\nb = 2\n= nameless\n  indented junk\n[t]\n???\n")
except ParsingError as e:
    print(repr(str(e)))
    print(e.source, e.args, e.errors, repr(e))
print(c.sections(), c.items('s'), c.items('t'))
e = ParsingError('src')
print(repr(str(e)), e.errors, e.args)
e.append(3, "'line'")
e.append(12, 'x')
print(repr(str(e)), e.errors, e.args, e.message)
show(lambda: ParsingError())
show(lambda: ParsingError('a', filename='b'))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    p = ParsingError(filename='old')
    print(p.source, p.args, p.filename)
    p.filename = 'new'
    print(p.source)
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
`,
  multiline_values: String.raw`
c = parse("""
[s]
plain = one
deeper = first
    second
        third
\ttabbed
same = a
b = c
after_empty = x

    y

[t]
  indented_key = 1
  next_key = 2
      continued
""")
print(c.items('s'))
print(c.items('t'))
print(repr(c['s']['deeper']), repr(c['t']['next_key']))
d = parse("[s]\nk =\n  line\n  line2\n")
print(repr(d.get('s', 'k')))
`,
  line_syntax: String.raw`
c = parse("[s]\nkey with spaces = value with spaces\n  leading = trailing   \nk:v\nurl = http://x.y/z?a=b\nempty =\n  colon  :  x  \n[ padded ]\na = 1\n[a]b]\nb = 2\n[x] trailing\nc = 3\n")
print(c.sections())
for s in c.sections():
    print(repr(s), c.items(s))
d = parse("[s]\nK\u00c4Y = V\u00c4L\n\u00dcber = caf\u00e9\n")
print(d.items('s'))
show(lambda: parse("[]\n"))
show(lambda: parse("[s\n"))
e = parse("[s]\r\nk = v\r\nm = a\r\n  b\r\n")
print(e.items('s'))
`,
  error_classes: String.raw`
names = ['Error', 'NoSectionError', 'DuplicateSectionError', 'DuplicateOptionError', 'NoOptionError', 'InterpolationError', 'InterpolationMissingOptionError', 'InterpolationSyntaxError', 'InterpolationDepthError', 'ParsingError', 'MissingSectionHeaderError']
for n in names:
    cls = getattr(configparser, n)
    print(n, [b.__name__ for b in cls.__mro__[1:-2]], cls.__module__)
e = configparser.Error('boom')
print(repr(e), str(e), e.args, e.message, repr(configparser.Error()), configparser.Error().args)
print(repr(DuplicateSectionError('s')), DuplicateSectionError('s', 'f').args, str(DuplicateSectionError('s', 'f')), str(DuplicateSectionError('s', 'f', 7)))
print(str(DuplicateOptionError('s', 'o')), str(DuplicateOptionError('s', 'o', 'f')), str(DuplicateOptionError('s', 'o', 'f', 123)))
print(str(NoOptionError('o', 's')), NoOptionError('o', 's').args)
i = InterpolationError('o', 's', 'msg')
print(str(i), i.args, i.option, i.section)
m = InterpolationMissingOptionError('o', 's', 'raw%', 'ref')
print(str(m), m.args, m.reference)
d = InterpolationDepthError('o', 's', 'raw')
print(str(d), d.args)
x = InterpolationSyntaxError('o', 's', 'bad')
print(str(x), x.args)
h = MissingSectionHeaderError('f.ini', 4, 'line\n')
print(repr(str(h)), h.args, h.source, h.lineno, h.line)
print(MAX_INTERPOLATION_DEPTH, DEFAULTSECT, sorted(configparser.__all__))
for f in [lambda: NoSectionError(('a', 'b')), lambda: NoOptionError(('a',), 's'), lambda: DuplicateSectionError(('a',), ('x', 'y'), 3),
          lambda: DuplicateOptionError(('a',), ('b',), ('x',)), lambda: MissingSectionHeaderError(('f',), 1, ('l',)),
          lambda: InterpolationMissingOptionError(('o',), 's', ('r',), ('x',)), lambda: InterpolationDepthError(('o',), 's', ('r',)),
          lambda: ParsingError(('a',)), lambda: ParsingError(('a', 'b')), lambda: ParsingError('a').append(('x',), ('y',)),
          lambda: DuplicateSectionError('s', 'src', 'x'), lambda: DuplicateOptionError('s', 'o', 'src', 1.5), lambda: MissingSectionHeaderError('f', 2.9, 'l')]:
    show(lambda: str(f()))
p = ParsingError('a')
p.append(1.7, 'x')
print(repr(str(p)), p.errors)
try:
    raise NoSectionError('raised')
except configparser.Error as e:
    print('caught', e)
`,
  deprecated: String.raw`
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    s = SafeConfigParser()
    s.read_string("[a]\nx = %(y)s\ny = 1\n")
    print(s.get('a', 'x'), isinstance(s, ConfigParser))
    l = LegacyInterpolation()
    c = ConfigParser(interpolation=l)
    c.read_string("[a]\nx = %(Y)s-%(z)s\nY = y\nz = %(y)s\nlit = 100%%\nbad = %(nope)s\nloop = %(loop)s\n")
    print(c.get('a', 'x'), c.get('a', 'lit'))
    show(lambda: c.get('a', 'bad'))
    show(lambda: c.get('a', 'loop'))
    c.readfp(io.StringIO("[b]\nk = v\n"))
    print(c.items('b'))
    print([str(x.message) for x in w])
`,
  vars_argument: String.raw`
c = parse("[DEFAULT]\nd = dd\n[s]\nk = v\nref = %(extra)s/%(k)s\n")
print(c.get('s', 'k', vars={'K': 'from vars'}), c.get('s', 'ref', vars={'extra': 'e'}), c.get('s', 'ref', vars={'extra': 1, 'k': 2.5}))
print(c.get('s', 'd', vars={'D': None}), c.get('s', 'missing', vars={'missing': 'm'}), c.get('DEFAULT', 'd', vars={'d': 'x'}))
show(lambda: c.get('s', 'ref'))
show(lambda: c.get('s', 'ref', vars={'extra': None}))
print(c.items('s', vars={'extra': 'E', 'new': 'n'}))
print(c['s'].get('ref', vars={'extra': 'p'}), c['s'].get('nope', 'fb', vars={}))
print(c.get('s', 'k', vars={}), c.get('s', 'k', vars=collections.OrderedDict(k='od')))
`,
  custom_interpolation: String.raw`
class Shout(Interpolation):
    def before_get(self, parser, section, option, value, defaults):
        print('  before_get', section, option, type(defaults).__name__, sorted(defaults))
        return value.upper()
    def before_set(self, parser, section, option, value):
        print('  before_set', section, option, value)
        return value + '!'
    def before_read(self, parser, section, option, value):
        return value.strip('.') if value is not None else value
    def before_write(self, parser, section, option, value):
        return '<' + value + '>'
c = ConfigParser(interpolation=Shout())
c.read_string("[DEFAULT]\nd = ..dflt..\n[s]\nk = ..hello..\n")
print(c.get('s', 'k'), c.get('s', 'k', raw=True), c.get('s', 'k', vars={'v': 'x'}))
c.set('s', 'n', 'new')
print(c.get('s', 'n', raw=True), c.items('s'))
print(written(c), end='|\n')
class Tweaked(BasicInterpolation):
    def before_set(self, parser, section, option, value):
        return value.replace('!', '%%')
t = ConfigParser(interpolation=Tweaked())
t.add_section('s')
t.set('s', 'v', 'wow!')
print(t.get('s', 'v'), t.get('s', 'v', raw=True))
class Logged(ExtendedInterpolation):
    def _interpolate_some(self, parser, option, accum, rest, section, map, depth):
        print('  some', option, repr(rest), depth)
        return super()._interpolate_some(parser, option, accum, rest, section, map, depth)
g = ConfigParser(interpolation=Logged())
g.read_string("[s]\na = $\{b}/x\nb = B\n")
print(g.get('s', 'a'))
print(BasicInterpolation().before_get(c, 's', 'k', '%(a)s-%%', {'a': 'A'}))
print(ExtendedInterpolation().before_get(c, 's', 'k', '$\{a}-$$', {'a': 'A'}))
`,
  subclass_hooks: String.raw`
class Sectioned(ConfigParser):
    SECTCRE = re.compile(r"\[ *(?P<header>[^]]+?) *\]")
c = parse("[  spaced name  ]\nk = v\n[plain]\n", cls=Sectioned)
print(c.sections())
class Recorder(ConfigParser):
    def get(self, section, option, **kw):
        print('  get', section, option, sorted(kw))
        return super().get(section, option, **kw)
    def set(self, section, option, value=None):
        print('  set', section, option, value)
        super().set(section, option, value)
    def add_section(self, section):
        print('  add_section', section)
        super().add_section(section)
r = Recorder()
r.read_dict({'s': {'a': '%(b)s', 'b': 'x'}})
print(r['s']['a'])
print(r.getint('s', 'n', fallback=0))
class Noisy(RawConfigParser):
    def _write_section(self, fp, section_name, section_items, delimiter):
        fp.write('; ' + section_name + '\n')
        super()._write_section(fp, section_name, section_items, delimiter)
n = parse("[s]\nk = v\n", cls=Noisy)
print(written(n), end='|\n')
class Tolerant(ConfigParser):
    def _handle_error(self, exc, fpname, lineno, line):
        print('  skipped', lineno, repr(line))
        return exc
t = parse("[s]\njunk\nk = v\n", cls=Tolerant)
print(t.items('s'))
`,
  unify_and_privates: String.raw`
c = parse("[DEFAULT]\nd = 1\n[s]\nk = v\n")
u = c._unify_values('s', {'X': 2})
print(type(u).__name__, dict(u), u.maps[0])
show(lambda: c._unify_values('nope', None))
print(dict(c._unify_values('DEFAULT', None)))
print(c._convert_to_boolean('ON'), c._delimiters, c._comment_prefixes, c._inline_comment_prefixes, c._strict, c._allow_no_value, c._empty_lines_in_values)
print(c.OPTCRE.match('a = b').group('option', 'vi', 'value'), c.SECTCRE.match('[x] y').group('header'), c.NONSPACECRE.search('  x').start())
print(c.OPTCRE_NV.match('flag').group('option', 'vi', 'value'))
print(sorted(c._proxies), list(c._sections))
c._read(io.StringIO("[t]\nz = 1\n"), 'direct')
print(c.items('t'))
`,
  write_edge_cases: String.raw`
c = RawConfigParser()
c.add_section('s')
c.set('s', 'n', None)
c.set('s', 'i', 3)
c.set('s', 'ml', 'a\nb\n\nc')
print(written(c), end='|\n')
a = RawConfigParser(allow_no_value=True)
a.add_section('s')
a.set('s', 'n', None)
a.set('s', 'e', '')
print(written(a), end='|\n')
print(written(a, space_around_delimiters=False), end='|\n')
d = ConfigParser(delimiters=(':', '='))
d.read_string("[s]\nk = v\n")
print(written(d), end='|\n')
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
sink = Sink()
parse("[DEFAULT]\na = 1\n[s]\nb = 2\n").write(sink)
print(sink.parts)
`,
  assorted_errors: String.raw`
c = parse("[s]\nk = v\n")
show(lambda: c.get('s'))
show(lambda: c.get('s', 'k', 'positional'))
show(lambda: c.get('s', 'k', bogus=1))
show(lambda: c.getint('s', 'k', bogus=1))
show(lambda: c.items('s', True, None, 4))
show(lambda: c['s'].get())
show(lambda: c.set('s', 'k'))
show(lambda: c.has_option('s'))
show(lambda: ConfigParser(bogus=1))
show(lambda: ConfigParser(None, dict, False, ('=',)))
show(lambda: c.read_string('[s]\n', 'src', 'extra'))
show(lambda: c.write())
show(lambda: c.optionxform(5))
`,
  proxy_default_section: String.raw`
c = parse("[DEFAULT]\na = 1\nb = %(a)s2\n[s]\nc = 3\n")
p = c['DEFAULT']
print(repr(p), p.name, list(p), len(p), dict(p), p['b'], p.getint('a'))
p['new'] = 'n'
print(c.defaults(), list(c['s']))
del p['new']
print(c.defaults())
show(lambda: p.__delitem__('c'))
print(c['s'].get('b'), c['s'].get('b', raw=True))
`,
  mapping_equality_and_views: String.raw`
a = parse("[s]\nk = v\n")
b = parse("[s]\nk = v\n")
print(a == b, a['s'] == b['s'], a['s'] == {'k': 'v'}, dict(a['s']) == {'k': 'v'})
print('s' in a.keys(), ('s', a['s']) in a.items(), len(a.keys()), len(a.values()))
print(sorted(a['s'].keys()), ('k', 'v') in a['s'].items(), 'v' in a['s'].values())
print(a.get('s', 'k'), a['s'].setdefault('k', 'x'), a['s'].setdefault('n', 'x'), a.items('s'))
a['s'].update({'u': '1'}, w='2')
print(a.items('s'))
print(a['s'].pop('u'), a['s'].pop('zz', 'dflt'), a.items('s'))
show(lambda: a['s'].pop('zz'))
print(a['s'].popitem(), a.items('s'))
a['s'].clear()
print(a.items('s'))
`,
  quirks: String.raw`
n = parse("[s]\nflag\nk = %(flag)s\n", allow_no_value=True)
show(lambda: n.items('s'))
print(n.items('s', raw=True), n.get('s', 'flag'))
e = parse("[s]\nflag\nk = $\{flag}\n", allow_no_value=True, interpolation=ExtendedInterpolation())
show(lambda: e.items('s'))
show(lambda: e.get('s', 'k'))
w = parse("[s]\na = \u00a0x\u3000\n\u3000b = 1\nc = y\n\u2003 z\n\x1cd = 2\n")
print(w.items('s'))
q = parse("[it's]\nk = v\n")
show(lambda: q.add_section("it's"))
show(lambda: q.get("it's", 'nope'))
show(lambda: q.read_string("[it's]\n", source=5))
show(lambda: q.read_string("[x]\n[x]\n", source=None))
show(lambda: q.read_string("[y]\nbad\n", source=('t', 1)))
chain = parse("[s]\n" + "".join("k%d = %%(k%d)s\n" % (i, i + 1) for i in range(12)) + "k12 = end\n")
print(chain.get('s', 'k2'), chain.get('s', 'k3'))
show(lambda: chain.get('s', 'k1'))
show(lambda: chain.get('s', 'k0'))
show(lambda: parse("[s]\n#x\n  ;y\na = 1 ;c\n  ; more\nb = 2\n", inline_comment_prefixes=(';',), comment_prefixes=()))
i = parse("[s]\n  ;y\na = 1 ;c\n  ; more\nb = 2\n", inline_comment_prefixes=(';',), comment_prefixes=())
print(i.items('s'))
r = RawConfigParser()
r.add_section('s')
show(lambda: r.set('s', 5, 'v'))
show(lambda: ConfigParser().set('DEFAULT', 5, 'v'))
d = parse("[DEFAULT]\nbase = /b\npath = %(base)s/p\n[s]\nbase = /s\n")
print(d['DEFAULT']['path'], d['s']['path'], d.get('DEFAULT', 'path'))
x = parse("[a]\nk = $\{b:k}\nown = 1\n[b]\nk = $\{own}-$\{a:own}\nown = 2\n", interpolation=ExtendedInterpolation())
print(x.get('a', 'k'), x.items('b'))
`,
  tricky_reads: String.raw`
c = ConfigParser()
show(lambda: c.read_string("[a]\nk = v\n  cont\n[b]\nx\n[a]\n"))
print(c.sections(), c._sections['a'], c._sections.get('b'))
d = ConfigParser()
show(lambda: d.read_string("[a]\nk = 1\n[a]\nj = 2\n"))
print(d._sections['a'])
show(lambda: d.get('a', 'k'))
t = ConfigParser(strict=False)
t.read_string("[a]\nk = 1\n  more\nk = 2\n")
print(t.items('a'))
m = ConfigParser()
m.read_string("[a]\nk = v\n")
m.read_string("  indented continuation?\n[b]\n") if False else None
show(lambda: m.read_string("   [c]\n  k = v\n    w\n"))
print(m.sections(), m.items('c'))
`,
  iteration_order: String.raw`
c = ConfigParser()
c.read_dict({'z': {}, 'a': {}})
c.add_section('m')
c.read_string("[b]\n[a]\nk = 1\n")
c['c'] = {}
print(list(c), c.sections(), [s for s in c if s != 'DEFAULT'], sorted(c))
c.remove_section('z')
c.add_section('z')
print(c.sections())
`,
  proxy_liveness: String.raw`
c = parse("[s]\nk = 1\n")
p = c['s']
c.set('s', 'later', '2')
print(dict(p), p is c['s'])
c.remove_section('s')
show(lambda: p['k'])
show(lambda: len(p))
show(lambda: list(p))
print('k' in p)
c.add_section('s')
print(c['s'] is p, dict(c['s']))
show(lambda: p.getlist)
`,
  section_name_cases: String.raw`
c = parse("[default]\nk = 1\n[Default]\nk = 2\n[DEFAULT]\nk = 0\n[sec.with.dots]\na.b-c_d = 3\n[ spaced ]\n")
print(c.sections(), c.defaults(), c.items('default'), c.items('sec.with.dots'), c.has_section('spaced'), c.has_section(' spaced '))
`,
  getter_keywords: String.raw`
c = parse("[s]\nn = %(m)s\nm = 7\nf = 2.5\nb = on\n")
p = c['s']
print(p.getint('n'), p.getint('n', raw=True) if False else None, p.getint('x', vars={'x': '3'}), p.getfloat('f', fallback=0.0), p.getboolean('b', raw=True))
show(lambda: p.getint('n', raw=True))
print(c.getint('s', 'n', vars={'m': '8'}), c.getfloat('s', 'n'), c.getboolean('s', 'zz', fallback=None))
show(lambda: p.get('n', 'fb', 'extra'))
`,
  default_interpolation_scope: String.raw`
c = parse("[DEFAULT]\npath = %(root)s/data\nroot = /default\n[a]\nroot = /a\n[b]\n")
print(c.get('a', 'path'), c.get('b', 'path'), c.get('DEFAULT', 'path'), c['a']['path'])
x = parse("[DEFAULT]\nroot = /d\n[a]\npath = $\{root}/x\nother = $\{DEFAULT:root}\nb = $\{b:k}\n[b]\nk = $\{root}!\n", interpolation=ExtendedInterpolation())
print(x.get('a', 'path'), x.get('a', 'other'), x.get('a', 'b'))
`,
  number_conversions: String.raw`
c = parse("[s]\na = 1_000\nb = 0x10\nc = 1e-3\nd = nan\ne = -inf\nf =  42  \ng = 3.0\nh = \u0663\n")
for o in 'abcdefgh':
    show(lambda: c.getint('s', o))
    show(lambda: c.getfloat('s', o))
`,
  crlf_and_tabs: String.raw`
c = parse("[s]\r\n\tk\t=\tv\t\r\nm = a\r\n\tb\r\n\r\n\tc\r\n")
print(c.items('s'))
print(repr(written(c)))
`,
  roundtrip_special_values: String.raw`
c = ConfigParser(interpolation=None)
c.add_section('s')
for k, v in [('lead', '  spaced'), ('pct', '50%'), ('hash', 'a # b'), ('multi', 'x\n  y\nz'), ('empty', ''), ('eq', 'a=b'), ('colon', ':x')]:
    c.set('s', k, v)
text = written(c)
print(repr(text))
d = ConfigParser(interpolation=None)
d.read_string(text)
print([(k, c.get('s', k) == d.get('s', k), d.get('s', k)) for k in c['s']])
`,
  default_proxy_clear: String.raw`
c = parse("[DEFAULT]\na = 1\nb = 2\n[s]\nk = v\n")
c['DEFAULT'].clear()
print(c.defaults(), dict(c['s']))
c['s'].clear()
print(c.items('s'), c.sections())
d = parse("[DEFAULT]\na = 1\n[s]\nk = v\n")
print(d['s'].popitem(), dict(d['s']), d.defaults())
show(lambda: d['s'].popitem())
show(lambda: d['s'].popitem())
`,
  class_shapes: String.raw`
import collections.abc
print([k.__name__ for k in ConfigParser.__mro__])
print([k.__name__ for k in SectionProxy.__mro__], [k.__name__ for k in ConverterMapping.__mro__])
print(repr(ConfigParser), repr(RawConfigParser), repr(SectionProxy), ConfigParser.__module__, ConfigParser.__qualname__)
c = parse("[s]\nk = v\n")
print(isinstance(c, collections.abc.MutableMapping), isinstance(c['s'], collections.abc.Mapping), isinstance(c.converters, collections.abc.MutableMapping))
print(ConfigParser.get.__qualname__, ConfigParser.set.__qualname__, c.getint.__name__, ConfigParser.read_string.__name__, c.getint.__qualname__)
print(issubclass(SafeConfigParser, ConfigParser), issubclass(ConfigParser, RawConfigParser), issubclass(ExtendedInterpolation, Interpolation), issubclass(LegacyInterpolation, Interpolation))
print(type(c._interpolation).__name__, type(RawConfigParser()._interpolation).__name__, ConfigParser._DEFAULT_INTERPOLATION.__class__.__name__)
`,
  defaults_mutation: String.raw`
c = parse("[s]\nk = v\n")
c.defaults()['x'] = 'from defaults'
print(c.get('s', 'x'), c.items('s'), c.has_option('s', 'x'))
c.defaults().clear()
print(c.items('s'))
c['DEFAULT']['y'] = 'z'
print(c.defaults(), c.options('s'))
`,
  deepcopy: String.raw`
import copy
c = parse("[DEFAULT]\nd = 1\n[s]\nk = %(d)s\n")
e = copy.deepcopy(c)
e.set('s', 'k', 'changed')
e.add_section('new')
print(c.items('s'), e.items('s'), c.sections(), e.sections(), e['s'].parser is e, c['s'].parser is c)
`,
  write_to_file_object: String.raw`
c = parse("[s]\nk = v\nm = 1\n  2\n")
with open('written.ini', 'w') as f:
    c.write(f, space_around_delimiters=False)
with open('written.ini') as f:
    print(repr(f.read()))
d = ConfigParser()
print(d.read('written.ini'), d.items('s'))
`,
  read_encodings: String.raw`
with open('latin.ini', 'w', encoding='latin-1') as f:
    f.write('[s]\nk = caf\u00e9\n')
c = ConfigParser()
print(c.read('latin.ini', encoding='latin-1'), c.get('s', 'k'))
d = ConfigParser()
show(lambda: d.read('latin.ini', encoding='utf-8'))
print(d.sections())
`,
  many_values: String.raw`
c = ConfigParser()
c.read_string("".join("[s%d]\n" % i + "".join("k%d = v%d-%%(k%d)s\n" % (j, j, (j + 1) % 5) if j < 4 else "k4 = end\n" for j in range(5)) for i in range(50)))
print(len(c.sections()), c.get('s49', 'k0'), sum(len(c.items(s)) for s in c.sections()))
print(c.items('s0'))
`,
  exception_context: String.raw`
cp = configparser
def ctx(f):
    try:
        f()
    except Exception as e:
        c = e.__context__
        print(type(e).__name__, repr(c), type(c.__context__).__name__ if c is not None else '-', e.__suppress_context__, repr(e.__cause__))
c = cp.ConfigParser()
c.read_string("[s]\nk = v\nm = %(nope)s\nb = maybe\n")
e = cp.ConfigParser(interpolation=cp.ExtendedInterpolation())
e.read_string("[s]\na = $\{nope}\nb = $\{x:y}\nc = $\{s:zz}\n")
cases = [
 lambda: c.get('s', 'x'), lambda: c.get('x', 'k'), lambda: c.getint('s', 'x'), lambda: c.getint('s', 'k'), lambda: c.getboolean('s', 'b'),
 lambda: c.items('x'), lambda: c.options('x'), lambda: c.set('x', 'a', 'b'), lambda: c.remove_option('x', 'a'),
 lambda: c.get('s', 'm'), lambda: e.get('s', 'a'), lambda: e.get('s', 'b'), lambda: e.get('s', 'c'),
 lambda: c['x'], lambda: c['s']['x'], lambda: c.add_section('s'), lambda: c.read_dict({1: {}, '1': {}}),
 lambda: c.converters.__setitem__(5, int), lambda: c.converters.__delitem__(''), lambda: c.converters.__delitem__('zz'),
 lambda: c.read_string("x\n"), lambda: c.read_string("[q]\nbad\n"), lambda: c.read_string("[q]\n[q]\n"),
 lambda: c.popitem() and cp.ConfigParser().popitem(), lambda: c['s'].getint('k'), lambda: c.set('s', 'z', '%'),
 lambda: c.__delitem__('x'), lambda: c.remove_section('x') or c['s'].__delitem__('zz'),
]
for f in cases: ctx(f)
`,
  interpolate_some_override: String.raw`
class Logged(configparser.ExtendedInterpolation):
    def _interpolate_some(self, parser, option, accum, rest, section, map, depth):
        print('  some', option, repr(rest), section, depth, type(map).__name__)
        return super()._interpolate_some(parser, option, accum, rest, section, map, depth)
g = configparser.ConfigParser(interpolation=Logged())
g.read_string("[s]\na = $\{b}/x/$\{t:c}\nb = $\{c}B\nc = C\n[t]\nc = $\{d}\nd = D\n")
print(g.get('s', 'a'))
class LoggedB(configparser.BasicInterpolation):
    def _interpolate_some(self, parser, option, accum, rest, section, map, depth):
        print('  some', option, repr(rest), section, depth, type(map).__name__, accum)
        return super()._interpolate_some(parser, option, accum, rest, section, map, depth)
h = configparser.ConfigParser(interpolation=LoggedB())
h.read_string("[s]\na = %(b)s/x\nb = %(c)sB\nc = C\nloop = %(loop)s\n")
print(h.get('s', 'a'))
try:
    h.get('s', 'loop')
except Exception as e:
    print(type(e).__name__, e)
`,
  unify_override: String.raw`
class Env(ConfigParser):
    def _unify_values(self, section, vars):
        print('  unify', section, vars)
        chain = super()._unify_values(section, vars)
        return collections.ChainMap({'env': 'prod'}, chain)
c = parse("[s]\nurl = https://%(env)s.example/%(k)s\nk = v\n", cls=Env)
print(c.get('s', 'url'), c.get('s', 'env'), c.getint('s', 'n', fallback=4))
show(lambda: c.get('s', 'nope'))
show(lambda: c.get('nope', 'x'))
print(c.get('nope', 'x', fallback='fb'), c['s']['k'])
`,
  unset_passthrough: String.raw`
from configparser import _UNSET
class Typed(ConfigParser):
    def getpath(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, lambda v: v.split('/'), raw=raw, vars=vars, fallback=fallback, **kwargs)
c = parse("[s]\np = a/b/c\n", cls=Typed)
print(c.getpath('s', 'p'), c.getpath('s', 'q', fallback=None), c['s'].getpath('p'), c['s'].getpath('q'))
show(lambda: c.getpath('s', 'q'))
show(lambda: c.get('s', 'q', fallback=_UNSET))
show(lambda: c['s'].get('q', _UNSET))
`,
};

function program(): string {
  const parts = [PRELUDE];
  for (const [name, body] of Object.entries(SCENARIOS)) {
    const indented = body.replaceAll('$\\{', '${').trim().split('\n').map((l) => `    ${l}`).join('\n');
    parts.push(`def scenario_${name}():\n${indented}\n`);
  }
  parts.push('for name in [' + Object.keys(SCENARIOS).map((n) => `'${n}'`).join(', ') + ']:');
  parts.push("    print('#### ' + name)");
  parts.push('    try:');
  parts.push("        globals()['scenario_' + name]()");
  parts.push('    except Exception as e:');
  parts.push("        print('!! uncaught', type(e).__name__, repr(str(e)))");
  return parts.join('\n') + '\n';
}

/** Each scenario's output, by name. */
function split(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  let name = '';
  for (const line of stdout.split('\n')) {
    if (line.startsWith('#### ')) {
      name = line.slice(5);
      out[name] = '';
    } else if (name !== '') {
      out[name] += line + '\n';
    }
  }
  return out;
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Runs the program with `command` in a scratch folder of its own. */
function run(command: string, args: string[]): { stdout: string; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'cfgparser-'));
  scratch.push(dir);
  writeFileSync(join(dir, 'scenarios.py'), program());
  const r = spawnSync(command, [...args, 'scenarios.py'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

let entry = '';
beforeAll(async () => {
  entry = join(await buildTestMirror(), 'tests', 'support', 'pyasync-from-source.js');
}, 120_000);

describe('configparser against python3', () => {
  it('prints what python3 prints for every scenario', () => {
    const expected = run('python3', []);
    expect(expected.status, expected.stderr).toBe(0);
    const got = run(process.execPath, [entry, 'run']);
    expect(got.status, got.stderr).toBe(0);
    const want = split(expected.stdout);
    const have = split(got.stdout);
    expect(Object.keys(want)).toEqual(Object.keys(SCENARIOS));
    const differing = Object.keys(want).filter((n) => have[n] !== want[n]).map((n) => ({ scenario: n, python: want[n], pyasync: have[n] }));
    expect(differing).toEqual([]);
    // Guard against a corpus that tests nothing: python3 itself must have raised somewhere, and printed results.
    expect(expected.stdout).toContain('!! ');
    expect(expected.stdout).toContain('-> ');
  }, 120_000);
});
