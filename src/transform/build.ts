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
 * the node already has is set in place, where adding one would give the
 * node a new hidden class and a separate property store.
 *
 * The nodes are class instances (buildNodes.ts) and their lists copies
 * (`own`), so that nothing in the tree comes from an object or array
 * literal, whose allocation site V8 would pretenure (buildNodes.ts says
 * why that costs).
 */
import type * as t from '@babel/types';
import * as nodes from './buildNodes.js';

export * from '@babel/types';

const NONE: never[] = [];

/**
 * A node's list, copied: the tree's lists would otherwise be the arrays
 * the transform's literals (`[a, b]`, `[]` then pushed) made, and V8
 * allocates all of a literal's arrays in the old generation once most of
 * them outlive a young collection, as those in a module's tree do (the
 * nodes are instances for the same reason, below). A copy has no
 * allocation site, and the literal's own arrays die young. So a list
 * given to a builder is not the node's: adding to it afterwards does not
 * change the node (add to the node's own list instead).
 */
function own<T>(list: T[]): T[] {
  return list.slice();
}

export const arrayExpression: typeof t.arrayExpression = (elements = NONE) =>
  new nodes.ArrayExpressionNode(own(elements)) as never;

export const arrayPattern: typeof t.arrayPattern = (elements) =>
  new nodes.ArrayPatternNode(own(elements)) as never;

export const arrowFunctionExpression: typeof t.arrowFunctionExpression = (params, body, async = false) =>
  new nodes.ArrowFunctionExpressionNode(own(params), body, async) as never;

export const assignmentExpression: typeof t.assignmentExpression = (operator, left, right) =>
  new nodes.AssignmentExpressionNode(operator, left, right) as never;

export const assignmentPattern: typeof t.assignmentPattern = (left, right) =>
  new nodes.AssignmentPatternNode(left, right) as never;

export const bigIntLiteral: typeof t.bigIntLiteral = (value) =>
  new nodes.BigIntLiteralNode(typeof value === 'bigint' ? value.toString() : value) as never;

export const binaryExpression: typeof t.binaryExpression = (operator, left, right) =>
  new nodes.BinaryExpressionNode(operator, left, right) as never;

export const blockStatement: typeof t.blockStatement = (body, directives = NONE) =>
  new nodes.BlockStatementNode(own(body), own(directives)) as never;

export const booleanLiteral: typeof t.booleanLiteral = (value) =>
  new nodes.BooleanLiteralNode(value) as never;

export const breakStatement: typeof t.breakStatement = (label = null) =>
  new nodes.BreakStatementNode(label) as never;

export const callExpression: typeof t.callExpression = (callee, _arguments) =>
  new nodes.CallExpressionNode(callee, own(_arguments)) as never;

export const catchClause: typeof t.catchClause = (param = null, body) =>
  new nodes.CatchClauseNode(param, body) as never;

export const conditionalExpression: typeof t.conditionalExpression = (test, consequent, alternate) =>
  new nodes.ConditionalExpressionNode(test, consequent, alternate) as never;

export const continueStatement: typeof t.continueStatement = (label = null) =>
  new nodes.ContinueStatementNode(label) as never;

export const exportNamedDeclaration: typeof t.exportNamedDeclaration = (declaration = null, specifiers = NONE, source = null, attributes = null) =>
  new nodes.ExportNamedDeclarationNode(declaration, own(specifiers), source, attributes) as never;

export const exportSpecifier: typeof t.exportSpecifier = (local, exported) =>
  new nodes.ExportSpecifierNode(local, exported) as never;

export const expressionStatement: typeof t.expressionStatement = (expression) =>
  new nodes.ExpressionStatementNode(expression) as never;

export const forOfStatement: typeof t.forOfStatement = (left, right, body, _await = false) =>
  new nodes.ForOfStatementNode(left, right, body, _await) as never;

export const forStatement: typeof t.forStatement = (init = null, test = null, update = null, body) =>
  new nodes.ForStatementNode(init, test, update, body) as never;

export const functionDeclaration: typeof t.functionDeclaration = (id = null, params, body, generator = false, async = false) =>
  new nodes.FunctionDeclarationNode(id, own(params), body, generator, async) as never;

export const functionExpression: typeof t.functionExpression = (id = null, params, body, generator = false, async = false) =>
  new nodes.FunctionExpressionNode(id, own(params), body, generator, async) as never;

export const identifier: typeof t.identifier = (name) =>
  new nodes.IdentifierNode(name) as never;

export const ifStatement: typeof t.ifStatement = (test, consequent, alternate = null) =>
  new nodes.IfStatementNode(test, consequent, alternate) as never;

export const importDeclaration: typeof t.importDeclaration = (specifiers, source, attributes = null) =>
  new nodes.ImportDeclarationNode(own(specifiers), source, attributes) as never;

export const importNamespaceSpecifier: typeof t.importNamespaceSpecifier = (local) =>
  new nodes.ImportNamespaceSpecifierNode(local) as never;

export const importSpecifier: typeof t.importSpecifier = (local, imported) =>
  new nodes.ImportSpecifierNode(local, imported) as never;

export const labeledStatement: typeof t.labeledStatement = (label, body) =>
  new nodes.LabeledStatementNode(label, body) as never;

export const logicalExpression: typeof t.logicalExpression = (operator, left, right) =>
  new nodes.LogicalExpressionNode(operator, left, right) as never;

export const memberExpression: typeof t.memberExpression = (object, property, computed = false, optional = null) =>
  new nodes.MemberExpressionNode(object, property, computed, optional) as never;

export const metaProperty: typeof t.metaProperty = (meta, property) =>
  new nodes.MetaPropertyNode(meta, property) as never;

export const newExpression: typeof t.newExpression = (callee, _arguments) =>
  new nodes.NewExpressionNode(callee, own(_arguments)) as never;

export const nullLiteral: typeof t.nullLiteral = () => new nodes.NullLiteralNode() as never;

export const numericLiteral: typeof t.numericLiteral = (value) =>
  new nodes.NumericLiteralNode(value) as never;

export const objectExpression: typeof t.objectExpression = (properties) =>
  new nodes.ObjectExpressionNode(own(properties)) as never;

export const objectPattern: typeof t.objectPattern = (properties) =>
  new nodes.ObjectPatternNode(own(properties)) as never;

export const objectProperty: typeof t.objectProperty = (key, value, computed = false, shorthand = false, decorators = null) =>
  new nodes.ObjectPropertyNode(key, value, computed, shorthand, decorators) as never;

export const program: typeof t.program = (body, directives = NONE, sourceType = "script", interpreter = null) =>
  new nodes.ProgramNode(own(body), own(directives), sourceType, interpreter) as never;

export const restElement: typeof t.restElement = (argument) =>
  new nodes.RestElementNode(argument) as never;

export const returnStatement: typeof t.returnStatement = (argument = null) =>
  new nodes.ReturnStatementNode(argument) as never;

export const sequenceExpression: typeof t.sequenceExpression = (expressions) =>
  new nodes.SequenceExpressionNode(own(expressions)) as never;

export const spreadElement: typeof t.spreadElement = (argument) =>
  new nodes.SpreadElementNode(argument) as never;

export const stringLiteral: typeof t.stringLiteral = (value) =>
  new nodes.StringLiteralNode(value) as never;

export const switchCase: typeof t.switchCase = (test = null, consequent) =>
  new nodes.SwitchCaseNode(test, own(consequent)) as never;

export const switchStatement: typeof t.switchStatement = (discriminant, cases) =>
  new nodes.SwitchStatementNode(discriminant, own(cases)) as never;

export const throwStatement: typeof t.throwStatement = (argument) =>
  new nodes.ThrowStatementNode(argument) as never;

export const tryStatement: typeof t.tryStatement = (block, handler = null, finalizer = null) =>
  new nodes.TryStatementNode(block, handler, finalizer) as never;

export const unaryExpression: typeof t.unaryExpression = (operator, argument, prefix = true) =>
  new nodes.UnaryExpressionNode(operator, argument, prefix) as never;

export const updateExpression: typeof t.updateExpression = (operator, argument, prefix = false) =>
  new nodes.UpdateExpressionNode(operator, argument, prefix) as never;

export const variableDeclaration: typeof t.variableDeclaration = (kind, declarations) =>
  new nodes.VariableDeclarationNode(kind, own(declarations)) as never;

export const variableDeclarator: typeof t.variableDeclarator = (id, init = null) =>
  new nodes.VariableDeclaratorNode(id, init) as never;

export const whileStatement: typeof t.whileStatement = (test, body) =>
  new nodes.WhileStatementNode(test, body) as never;

/**
 * How many `yield` and `await` expressions the transform has made: a
 * statement compares the counts before and after compiling its body to
 * learn whether the body can suspend (unseenTracebacks.ts).
 */
export const suspensions = { yields: 0, awaits: 0 };

export const yieldExpression: typeof t.yieldExpression = (argument = null, delegate = false) => {
  suspensions.yields++;
  return new nodes.YieldExpressionNode(argument, delegate) as never;
};

export const awaitExpression: typeof t.awaitExpression = (argument) => {
  suspensions.awaits++;
  return new nodes.AwaitExpressionNode(argument) as never;
};
