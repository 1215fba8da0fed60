/**
 * @babel/types' builders without their run-time validation: each builder
 * here takes the same arguments and makes the same node object (same
 * fields, same order, same defaults) as its namesake in @babel/types,
 * which checks every field on every call, a large part of the transform's
 * time. The types keep the transform's trees well formed at compile time;
 * src/transform/build.test.ts compares each builder with @babel/types' own
 * and validates every node the transform makes over the fixtures.
 * Everything else is @babel/types' own: `import * as t from './build.js'`
 * stands for `import * as t from '@babel/types'`.
 *
 * Each node also has a `loc: null` slot, last: the transform locates a
 * third of its nodes after making them (TransformContext.at), and a field
 * the literal already has is set in place, where adding one would give the
 * node a new hidden class and a separate property store.
 */
import type * as t from '@babel/types';

export * from '@babel/types';

export const arrayExpression: typeof t.arrayExpression = (elements = []) =>
  ({ type: 'ArrayExpression', elements, loc: null }) as never;

export const arrayPattern: typeof t.arrayPattern = (elements) =>
  ({ type: 'ArrayPattern', elements, loc: null }) as never;

export const arrowFunctionExpression: typeof t.arrowFunctionExpression = (params, body, async = false) =>
  ({ type: 'ArrowFunctionExpression', params, body, async, expression: null, loc: null }) as never;

export const assignmentExpression: typeof t.assignmentExpression = (operator, left, right) =>
  ({ type: 'AssignmentExpression', operator, left, right, loc: null }) as never;

export const assignmentPattern: typeof t.assignmentPattern = (left, right) =>
  ({ type: 'AssignmentPattern', left, right, loc: null }) as never;

export const bigIntLiteral: typeof t.bigIntLiteral = (value) =>
  ({ type: 'BigIntLiteral', value: typeof value === 'bigint' ? value.toString() : value, loc: null }) as never;

export const binaryExpression: typeof t.binaryExpression = (operator, left, right) =>
  ({ type: 'BinaryExpression', operator, left, right, loc: null }) as never;

export const blockStatement: typeof t.blockStatement = (body, directives = []) =>
  ({ type: 'BlockStatement', body, directives, loc: null }) as never;

export const booleanLiteral: typeof t.booleanLiteral = (value) =>
  ({ type: 'BooleanLiteral', value, loc: null }) as never;

export const breakStatement: typeof t.breakStatement = (label = null) =>
  ({ type: 'BreakStatement', label, loc: null }) as never;

export const callExpression: typeof t.callExpression = (callee, _arguments) =>
  ({ type: 'CallExpression', callee, arguments: _arguments, loc: null }) as never;

export const catchClause: typeof t.catchClause = (param = null, body) =>
  ({ type: 'CatchClause', param, body, loc: null }) as never;

export const conditionalExpression: typeof t.conditionalExpression = (test, consequent, alternate) =>
  ({ type: 'ConditionalExpression', test, consequent, alternate, loc: null }) as never;

export const continueStatement: typeof t.continueStatement = (label = null) =>
  ({ type: 'ContinueStatement', label, loc: null }) as never;

export const exportNamedDeclaration: typeof t.exportNamedDeclaration = (declaration = null, specifiers = [], source = null, attributes = null) =>
  ({ type: 'ExportNamedDeclaration', declaration, specifiers, source, attributes, loc: null }) as never;

export const exportSpecifier: typeof t.exportSpecifier = (local, exported) =>
  ({ type: 'ExportSpecifier', local, exported, loc: null }) as never;

export const expressionStatement: typeof t.expressionStatement = (expression) =>
  ({ type: 'ExpressionStatement', expression, loc: null }) as never;

export const forOfStatement: typeof t.forOfStatement = (left, right, body, _await = false) =>
  ({ type: 'ForOfStatement', left, right, body, await: _await, loc: null }) as never;

export const forStatement: typeof t.forStatement = (init = null, test = null, update = null, body) =>
  ({ type: 'ForStatement', init, test, update, body, loc: null }) as never;

export const functionDeclaration: typeof t.functionDeclaration = (id = null, params, body, generator = false, async = false) =>
  ({ type: 'FunctionDeclaration', id, params, body, generator, async, loc: null }) as never;

export const functionExpression: typeof t.functionExpression = (id = null, params, body, generator = false, async = false) =>
  ({ type: 'FunctionExpression', id, params, body, generator, async, loc: null }) as never;

export const identifier: typeof t.identifier = (name) =>
  ({ type: 'Identifier', name, loc: null }) as never;

export const ifStatement: typeof t.ifStatement = (test, consequent, alternate = null) =>
  ({ type: 'IfStatement', test, consequent, alternate, loc: null }) as never;

export const importDeclaration: typeof t.importDeclaration = (specifiers, source, attributes = null) =>
  ({ type: 'ImportDeclaration', specifiers, source, attributes, loc: null }) as never;

export const importNamespaceSpecifier: typeof t.importNamespaceSpecifier = (local) =>
  ({ type: 'ImportNamespaceSpecifier', local, loc: null }) as never;

export const importSpecifier: typeof t.importSpecifier = (local, imported) =>
  ({ type: 'ImportSpecifier', local, imported, loc: null }) as never;

export const labeledStatement: typeof t.labeledStatement = (label, body) =>
  ({ type: 'LabeledStatement', label, body, loc: null }) as never;

export const logicalExpression: typeof t.logicalExpression = (operator, left, right) =>
  ({ type: 'LogicalExpression', operator, left, right, loc: null }) as never;

export const memberExpression: typeof t.memberExpression = (object, property, computed = false, optional = null) =>
  ({ type: 'MemberExpression', object, property, computed, optional, loc: null }) as never;

export const metaProperty: typeof t.metaProperty = (meta, property) =>
  ({ type: 'MetaProperty', meta, property, loc: null }) as never;

export const newExpression: typeof t.newExpression = (callee, _arguments) =>
  ({ type: 'NewExpression', callee, arguments: _arguments, typeParameters: null, loc: null }) as never;

export const nullLiteral: typeof t.nullLiteral = () => ({ type: 'NullLiteral', loc: null }) as never;

export const numericLiteral: typeof t.numericLiteral = (value) =>
  ({ type: 'NumericLiteral', value, loc: null }) as never;

export const objectExpression: typeof t.objectExpression = (properties) =>
  ({ type: 'ObjectExpression', properties, loc: null }) as never;

export const objectPattern: typeof t.objectPattern = (properties) =>
  ({ type: 'ObjectPattern', properties, loc: null }) as never;

export const objectProperty: typeof t.objectProperty = (key, value, computed = false, shorthand = false, decorators = null) =>
  ({ type: 'ObjectProperty', key, value, computed, shorthand, decorators, loc: null }) as never;

export const program: typeof t.program = (body, directives = [], sourceType = "script", interpreter = null) =>
  ({ type: 'Program', body, directives, sourceType, interpreter, loc: null }) as never;

export const restElement: typeof t.restElement = (argument) =>
  ({ type: 'RestElement', argument, loc: null }) as never;

export const returnStatement: typeof t.returnStatement = (argument = null) =>
  ({ type: 'ReturnStatement', argument, loc: null }) as never;

export const sequenceExpression: typeof t.sequenceExpression = (expressions) =>
  ({ type: 'SequenceExpression', expressions, loc: null }) as never;

export const spreadElement: typeof t.spreadElement = (argument) =>
  ({ type: 'SpreadElement', argument, loc: null }) as never;

export const stringLiteral: typeof t.stringLiteral = (value) =>
  ({ type: 'StringLiteral', value, loc: null }) as never;

export const switchCase: typeof t.switchCase = (test = null, consequent) =>
  ({ type: 'SwitchCase', test, consequent, loc: null }) as never;

export const switchStatement: typeof t.switchStatement = (discriminant, cases) =>
  ({ type: 'SwitchStatement', discriminant, cases, loc: null }) as never;

export const throwStatement: typeof t.throwStatement = (argument) =>
  ({ type: 'ThrowStatement', argument, loc: null }) as never;

export const tryStatement: typeof t.tryStatement = (block, handler = null, finalizer = null) =>
  ({ type: 'TryStatement', block, handler, finalizer, loc: null }) as never;

export const unaryExpression: typeof t.unaryExpression = (operator, argument, prefix = true) =>
  ({ type: 'UnaryExpression', operator, argument, prefix, loc: null }) as never;

export const updateExpression: typeof t.updateExpression = (operator, argument, prefix = false) =>
  ({ type: 'UpdateExpression', operator, argument, prefix, loc: null }) as never;

export const variableDeclaration: typeof t.variableDeclaration = (kind, declarations) =>
  ({ type: 'VariableDeclaration', kind, declarations, loc: null }) as never;

export const variableDeclarator: typeof t.variableDeclarator = (id, init = null) =>
  ({ type: 'VariableDeclarator', id, init, loc: null }) as never;

export const whileStatement: typeof t.whileStatement = (test, body) =>
  ({ type: 'WhileStatement', test, body, loc: null }) as never;

/**
 * How many `yield` and `await` expressions the transform has made: a
 * statement compares the counts before and after compiling its body to
 * learn whether the body can suspend (unseenTracebacks.ts).
 */
export const suspensions = { yields: 0, awaits: 0 };

export const yieldExpression: typeof t.yieldExpression = (argument = null, delegate = false) => {
  suspensions.yields++;
  return ({ type: 'YieldExpression', argument, delegate, loc: null }) as never;
};

export const awaitExpression: typeof t.awaitExpression = (argument) => {
  suspensions.awaits++;
  return ({ type: 'AwaitExpression', argument, loc: null }) as never;
};
