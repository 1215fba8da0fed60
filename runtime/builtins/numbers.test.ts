import { describe, expect, test } from 'vitest';
import * as num from './numbers.js';
import { NotImplemented, unsupported } from './notImplemented.js';
import { repr } from './repr.js';
import { formatValue } from './str/formatSpec.js';
import { PyComplex, PyFloat, typeName } from './values.js';

describe('numbers module', () => {
  test('exports what the operator and builtin layers call', () => {
    const names = [
      'add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'divmod', 'pow', 'lshift', 'rshift', 'and_', 'or_', 'xor',
      'neg', 'pos', 'abs', 'invert', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'hashNumber', 'int', 'float', 'round',
      'reprNumber', 'formatNumber', 'isNumber', 'isFloat', 'isInt', 'toJsNumber', 'truthy',
    ];
    for (const name of names) expect(typeof (num as Record<string, unknown>)[name], name).toBe('function');
  });

  test('loading it registers the repr and format hooks', () => {
    expect(repr(new PyFloat(2))).toBe('2.0');
    expect(repr(0.1)).toBe('0.1');
    expect(repr(2n ** 64n)).toBe('18446744073709551616');
    expect(formatValue(1234567, ',')).toBe('1,234,567');
    expect(formatValue(new PyFloat(-0), 'z.1f')).toBe('0.0');
    expect(formatValue(new PyComplex(1, -2), '')).toBe('(1-2j)');
  });

  test("unsupported() is CPython's TypeError (values from python3)", () => {
    expect(num.add(1, 'a')).toBe(NotImplemented);
    expect(unsupported('+', 1, 'a').message).toBe("unsupported operand type(s) for +: 'int' and 'str'");
    expect(unsupported('** or pow()', 2, 'a', 5).message).toBe(
      "unsupported operand type(s) for ** or pow(): 'int', 'str', 'int'",
    );
    expect(unsupported('divmod()', new PyFloat(1), null).message).toBe(
      "unsupported operand type(s) for divmod(): 'float' and 'NoneType'",
    );
    expect(typeName(NotImplemented)).toBe('NotImplementedType');
  });
});
