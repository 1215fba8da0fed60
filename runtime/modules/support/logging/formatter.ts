/**
 * logging.Formatter and its three styles (PercentStyle `%(name)s`,
 * StrFormatStyle `{name}`, StringTemplateStyle `${name}`), as CPython's
 * logging/__init__.py: the record's message, its `asctime` when the format
 * uses it (time.strftime of `converter(record.created)`, `,mmm` appended
 * by default), then the exception text, cached in `record.exc_text`.
 */
import { KeyError, ValueError } from '../../../builtins/exceptions.js';
import { call } from '../../../builtins/calls.js';
import { PyDict } from '../../../builtins/dict.js';
import { callMethod, callMethodKw, getattr } from '../../../builtins/attributes.js';
import { mod } from '../../../builtins/operators.js';
import { repr, str } from '../../../builtins/repr.js';
import { truthy } from '../../../builtins/truth.js';
import { PyTuple } from '../../../builtins/values.js';
import { toPython, withContext } from '../../../builtins/errors.js';
import type { PyClass } from '../../../builtins/classes.js';
import { localtime, strftime } from '../../time.js';
import { Template } from '../../string.js';
import { pyClass, pyFunction } from '../pydef.js';
import { attributes } from './record.js';
import { formatExcInfo } from './exceptions.js';

const Q = 'logging';

type Obj = Record<string, unknown>;

/** The values a format reads: the record's attributes over the style's defaults. */
function values(style: Obj, record: unknown): PyDict {
  const own = attributes(record);
  const defaults = style['_defaults'];
  if (!truthy(defaults)) return own;
  const merged = new PyDict();
  for (const k of defaults as PyDict) merged.$set(k, (defaults as PyDict).$get(k));
  for (const k of own) merged.$set(k, own.$get(k));
  return merged;
}

function plain(d: PyDict): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of d) out[str(k)] = d.$get(k);
  return out;
}

interface StyleSpec {
  name: string;
  defaultFormat: string;
  asctimeFormat: string;
  asctimeSearch: string;
  validate(fmt: string): void;
  format(self: Obj, record: unknown): string;
  usesTime?(fmt: string): boolean;
}

function makeStyle(spec: StyleSpec, bases: unknown[] = []): PyClass {
  const q = spec.name;
  return pyClass(q, Q, bases, {
    default_format: spec.defaultFormat,
    asctime_format: spec.asctimeFormat,
    asctime_search: spec.asctimeSearch,
    __init__: pyFunction('self, fmt, *, defaults=', `${q}.__init__`, Q, (self: Obj, fmt: unknown, defaults: unknown) => {
      self['_fmt'] = truthy(fmt) ? fmt : spec.defaultFormat;
      self['_defaults'] = defaults ?? null;
      if (spec.name === 'StringTemplateStyle') self['_tpl'] = call(Template, [self['_fmt']], null);
      return null;
    }),
    usesTime: pyFunction('self', `${q}.usesTime`, Q, (self: Obj) => {
      const fmt = str(self['_fmt']);
      return spec.usesTime ? spec.usesTime(fmt) : fmt.includes(spec.asctimeSearch);
    }),
    validate: pyFunction('self', `${q}.validate`, Q, (self: Obj) => {
      spec.validate(str(self['_fmt']));
      return null;
    }),
    _format: pyFunction('self, record', `${q}._format`, Q, (self: Obj, record: unknown) => spec.format(self, record)),
    format: pyFunction('self, record', `${q}.format`, Q, (self: Obj, record: unknown) => {
      try {
        return callMethod(self, '_format', record);
      } catch (raw) {
        const e = toPython(raw);
        if (e instanceof KeyError) throw withContext(new ValueError(`Formatting field not found in record: ${str(e)}`), e);
        throw e;
      }
    }),
  });
}

const PERCENT_FIELD = /%\(\w+\)[#0+ -]*(\*|\d+)?(\.(\*|\d+))?[diouxefgcrsa%]/i;

export const PercentStyle = makeStyle({
  name: 'PercentStyle',
  defaultFormat: '%(message)s',
  asctimeFormat: '%(asctime)s',
  asctimeSearch: '%(asctime)',
  validate(fmt) {
    if (!PERCENT_FIELD.test(fmt)) throw new ValueError(`Invalid format '${fmt}' for '%' style`);
  },
  format: (self, record) => mod(self['_fmt'], values(self, record)) as string,
});

const FIELD_NAME = /^(\d+|\w+)(\.\w+|\[[^\]]+\])*$/;
const FORMAT_SPEC = /^(.?[<>=^])?[+ -]?#?0?(\d+|{\w+})?[,_]?(\.(\d+|{\w+}))?[bcdefgnosx%]?$/i;

/** The replacement fields of a str.format string: [field name, conversion, spec] each. */
function formatFields(fmt: string): [string, string | null, string][] {
  const fields: [string, string | null, string][] = [];
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === '{' && fmt[i + 1] === '{') i += 2;
    else if (c === '}' && fmt[i + 1] === '}') i += 2;
    else if (c === '}') throw new ValueError("invalid format: Single '}' encountered in format string");
    else if (c === '{') {
      let depth = 1;
      let j = i + 1;
      while (j < fmt.length && depth > 0) {
        if (fmt[j] === '{') depth++;
        else if (fmt[j] === '}') depth--;
        j++;
      }
      if (depth > 0) throw new ValueError("invalid format: expected '}' before end of string");
      const body = fmt.slice(i + 1, j - 1);
      const m = /^([^!:]*)(?:!([^:]*))?(?::(.*))?$/s.exec(body)!;
      fields.push([m[1]!, m[2] ?? null, m[3] ?? '']);
      i = j;
    } else i++;
  }
  return fields;
}

export const StrFormatStyle = makeStyle({
  name: 'StrFormatStyle',
  defaultFormat: '{message}',
  asctimeFormat: '{asctime}',
  asctimeSearch: '{asctime',
  validate(fmt) {
    let named = 0;
    for (const [name, conversion, spec] of formatFields(fmt)) {
      // An empty field name (`{}`) is not checked and does not count as a field.
      if (name !== '') {
        if (!FIELD_NAME.test(name)) throw new ValueError(`invalid format: invalid field name/expression: ${repr(name)}`);
        named++;
      }
      if (conversion && !'rsa'.includes(conversion)) throw new ValueError(`invalid format: invalid conversion: ${repr(conversion)}`);
      if (spec !== '' && !FORMAT_SPEC.test(spec)) throw new ValueError(`invalid format: bad specifier: ${repr(spec)}`);
    }
    if (named === 0) throw new ValueError('invalid format: no fields');
  },
  format: (self, record) => callMethodKw(self['_fmt'], 'format', [], plain(values(self, record))) as string,
}, [PercentStyle]);

const TEMPLATE_FIELD = /\$(?:(\$)|([_a-z][_a-z0-9]*)|{([_a-z][_a-z0-9]*)}|())/gi;

export const StringTemplateStyle = makeStyle({
  name: 'StringTemplateStyle',
  defaultFormat: '${message}',
  asctimeFormat: '${asctime}',
  asctimeSearch: '${asctime}',
  usesTime: (fmt) => fmt.includes('$asctime') || fmt.includes('${asctime}'),
  validate(fmt) {
    let fields = 0;
    for (const m of fmt.matchAll(TEMPLATE_FIELD)) {
      if (m[2] !== undefined || m[3] !== undefined) fields++;
      else if (m[0] === '$') throw new ValueError("invalid format: bare '$' not allowed");
    }
    if (fields === 0) throw new ValueError('invalid format: no fields');
  },
  format: (self, record) => callMethod(self['_tpl'], 'substitute', values(self, record)) as string,
}, [PercentStyle]);

/** The styles by their character, with basicConfig's default format for each. */
export const STYLES = new Map<string, [PyClass, string]>([
  ['%', [PercentStyle, '%(levelname)s:%(name)s:%(message)s']],
  ['{', [StrFormatStyle, '{levelname}:{name}:{message}']],
  ['$', [StringTemplateStyle, '${levelname}:${name}:${message}']],
]);

export function styleError(): ValueError {
  return new ValueError(`Style must be one of: ${[...STYLES.keys()].join(',')}`);
}

export const Formatter: PyClass = pyClass('Formatter', Q, [], {
  converter: localtime,
  default_time_format: '%Y-%m-%d %H:%M:%S',
  default_msec_format: '%s,%03d',
  __init__: pyFunction('self, fmt=, datefmt=, style=, validate=, *, defaults=', 'Formatter.__init__', Q,
    (self: Obj, fmt: unknown = null, datefmt: unknown = null, style: unknown = '%', validate: unknown = true, defaults: unknown = null) => {
      const known = typeof style === 'string' ? STYLES.get(style) : undefined;
      if (known === undefined) throw styleError();
      const s = call(known[0], [fmt ?? null], { defaults: defaults ?? null });
      self['_style'] = s;
      if (truthy(validate)) callMethod(s, 'validate');
      self['_fmt'] = getattr(s, '_fmt');
      self['datefmt'] = datefmt ?? null;
      return null;
    }),
  formatTime: pyFunction('self, record, datefmt=', 'Formatter.formatTime', Q, (self: Obj, record: unknown, datefmt: unknown = null) => {
    const ct = callMethod(self, 'converter', getattr(record, 'created'));
    if (truthy(datefmt)) return strftime(datefmt, ct);
    let s: unknown = strftime(getattr(self, 'default_time_format'), ct);
    const msec = getattr(self, 'default_msec_format');
    if (truthy(msec)) s = mod(msec, PyTuple.fromArray([s, getattr(record, 'msecs')]));
    return s;
  }),
  formatException: pyFunction('self, ei', 'Formatter.formatException', Q, (_self: Obj, ei: unknown) => {
    const s = formatExcInfo(ei);
    return s.endsWith('\n') ? s.slice(0, -1) : s;
  }),
  usesTime: pyFunction('self', 'Formatter.usesTime', Q, (self: Obj) => callMethod(self['_style'], 'usesTime')),
  formatMessage: pyFunction('self, record', 'Formatter.formatMessage', Q, (self: Obj, record: unknown) => callMethod(self['_style'], 'format', record)),
  formatStack: pyFunction('self, stack_info', 'Formatter.formatStack', Q, (_self: Obj, stackInfo: unknown) => stackInfo),
  format: pyFunction('self, record', 'Formatter.format', Q, (self: Obj, record: Obj) => {
    record['message'] = callMethod(record, 'getMessage');
    if (truthy(callMethod(self, 'usesTime'))) record['asctime'] = callMethod(self, 'formatTime', record, getattr(self, 'datefmt'));
    let s = str(callMethod(self, 'formatMessage', record));
    if (truthy(getattr(record, 'exc_info')) && !truthy(getattr(record, 'exc_text'))) {
      record['exc_text'] = callMethod(self, 'formatException', getattr(record, 'exc_info'));
    }
    const excText = getattr(record, 'exc_text');
    if (truthy(excText)) {
      if (!s.endsWith('\n')) s += '\n';
      s += str(excText);
    }
    const stackInfo = getattr(record, 'stack_info');
    if (truthy(stackInfo)) {
      if (!s.endsWith('\n')) s += '\n';
      s += str(callMethod(self, 'formatStack', stackInfo));
    }
    return s;
  }),
});

/** The formatter of handlers that have none (`logging._defaultFormatter`). */
export const defaultFormatter = call(Formatter, [], null);
