/**
 * The classes of the nodes build.ts makes: one per node type, whose
 * constructor sets the fields @babel/types' builder sets, in its order,
 * then `loc`. Instances rather than object literals: a module's JS tree
 * lives from the transform through printing, and V8 allocates all of an
 * object literal's objects in the old generation once most of them outlive
 * a young collection (its allocation site is "pretenured"); there dead
 * trees wait for a major collection and keep the young objects they point
 * to alive through every young collection meanwhile. `new` has no
 * allocation site. Fields are `unknown` here: build.ts's builders have
 * @babel/types' signatures.
 */

export class ArrayExpressionNode {
  declare type: 'ArrayExpression';
  declare elements: unknown;
  declare loc: unknown;
  constructor(elements: unknown) {
    this.type = 'ArrayExpression';
    this.elements = elements;
    this.loc = null;
  }
}

export class ArrayPatternNode {
  declare type: 'ArrayPattern';
  declare elements: unknown;
  declare loc: unknown;
  constructor(elements: unknown) {
    this.type = 'ArrayPattern';
    this.elements = elements;
    this.loc = null;
  }
}

export class ArrowFunctionExpressionNode {
  declare type: 'ArrowFunctionExpression';
  declare params: unknown;
  declare body: unknown;
  declare async: unknown;
  declare expression: unknown;
  declare loc: unknown;
  constructor(params: unknown, body: unknown, async: unknown) {
    this.type = 'ArrowFunctionExpression';
    this.params = params;
    this.body = body;
    this.async = async;
    this.expression = null;
    this.loc = null;
  }
}

export class AssignmentExpressionNode {
  declare type: 'AssignmentExpression';
  declare operator: unknown;
  declare left: unknown;
  declare right: unknown;
  declare loc: unknown;
  constructor(operator: unknown, left: unknown, right: unknown) {
    this.type = 'AssignmentExpression';
    this.operator = operator;
    this.left = left;
    this.right = right;
    this.loc = null;
  }
}

export class AssignmentPatternNode {
  declare type: 'AssignmentPattern';
  declare left: unknown;
  declare right: unknown;
  declare loc: unknown;
  constructor(left: unknown, right: unknown) {
    this.type = 'AssignmentPattern';
    this.left = left;
    this.right = right;
    this.loc = null;
  }
}

export class BigIntLiteralNode {
  declare type: 'BigIntLiteral';
  declare value: unknown;
  declare loc: unknown;
  constructor(value: unknown) {
    this.type = 'BigIntLiteral';
    this.value = value;
    this.loc = null;
  }
}

export class BinaryExpressionNode {
  declare type: 'BinaryExpression';
  declare operator: unknown;
  declare left: unknown;
  declare right: unknown;
  declare loc: unknown;
  constructor(operator: unknown, left: unknown, right: unknown) {
    this.type = 'BinaryExpression';
    this.operator = operator;
    this.left = left;
    this.right = right;
    this.loc = null;
  }
}

export class BlockStatementNode {
  declare type: 'BlockStatement';
  declare body: unknown;
  declare directives: unknown;
  declare loc: unknown;
  constructor(body: unknown, directives: unknown) {
    this.type = 'BlockStatement';
    this.body = body;
    this.directives = directives;
    this.loc = null;
  }
}

export class BooleanLiteralNode {
  declare type: 'BooleanLiteral';
  declare value: unknown;
  declare loc: unknown;
  constructor(value: unknown) {
    this.type = 'BooleanLiteral';
    this.value = value;
    this.loc = null;
  }
}

export class BreakStatementNode {
  declare type: 'BreakStatement';
  declare label: unknown;
  declare loc: unknown;
  constructor(label: unknown) {
    this.type = 'BreakStatement';
    this.label = label;
    this.loc = null;
  }
}

export class CallExpressionNode {
  declare type: 'CallExpression';
  declare callee: unknown;
  declare arguments: unknown;
  declare loc: unknown;
  constructor(callee: unknown, _arguments: unknown) {
    this.type = 'CallExpression';
    this.callee = callee;
    this.arguments = _arguments;
    this.loc = null;
  }
}

export class CatchClauseNode {
  declare type: 'CatchClause';
  declare param: unknown;
  declare body: unknown;
  declare loc: unknown;
  constructor(param: unknown, body: unknown) {
    this.type = 'CatchClause';
    this.param = param;
    this.body = body;
    this.loc = null;
  }
}

export class ConditionalExpressionNode {
  declare type: 'ConditionalExpression';
  declare test: unknown;
  declare consequent: unknown;
  declare alternate: unknown;
  declare loc: unknown;
  constructor(test: unknown, consequent: unknown, alternate: unknown) {
    this.type = 'ConditionalExpression';
    this.test = test;
    this.consequent = consequent;
    this.alternate = alternate;
    this.loc = null;
  }
}

export class ContinueStatementNode {
  declare type: 'ContinueStatement';
  declare label: unknown;
  declare loc: unknown;
  constructor(label: unknown) {
    this.type = 'ContinueStatement';
    this.label = label;
    this.loc = null;
  }
}

export class ExportNamedDeclarationNode {
  declare type: 'ExportNamedDeclaration';
  declare declaration: unknown;
  declare specifiers: unknown;
  declare source: unknown;
  declare attributes: unknown;
  declare loc: unknown;
  constructor(declaration: unknown, specifiers: unknown, source: unknown, attributes: unknown) {
    this.type = 'ExportNamedDeclaration';
    this.declaration = declaration;
    this.specifiers = specifiers;
    this.source = source;
    this.attributes = attributes;
    this.loc = null;
  }
}

export class ExportSpecifierNode {
  declare type: 'ExportSpecifier';
  declare local: unknown;
  declare exported: unknown;
  declare loc: unknown;
  constructor(local: unknown, exported: unknown) {
    this.type = 'ExportSpecifier';
    this.local = local;
    this.exported = exported;
    this.loc = null;
  }
}

export class ExpressionStatementNode {
  declare type: 'ExpressionStatement';
  declare expression: unknown;
  declare loc: unknown;
  constructor(expression: unknown) {
    this.type = 'ExpressionStatement';
    this.expression = expression;
    this.loc = null;
  }
}

export class ForOfStatementNode {
  declare type: 'ForOfStatement';
  declare left: unknown;
  declare right: unknown;
  declare body: unknown;
  declare await: unknown;
  declare loc: unknown;
  constructor(left: unknown, right: unknown, body: unknown, _await: unknown) {
    this.type = 'ForOfStatement';
    this.left = left;
    this.right = right;
    this.body = body;
    this.await = _await;
    this.loc = null;
  }
}

export class ForStatementNode {
  declare type: 'ForStatement';
  declare init: unknown;
  declare test: unknown;
  declare update: unknown;
  declare body: unknown;
  declare loc: unknown;
  constructor(init: unknown, test: unknown, update: unknown, body: unknown) {
    this.type = 'ForStatement';
    this.init = init;
    this.test = test;
    this.update = update;
    this.body = body;
    this.loc = null;
  }
}

export class FunctionDeclarationNode {
  declare type: 'FunctionDeclaration';
  declare id: unknown;
  declare params: unknown;
  declare body: unknown;
  declare generator: unknown;
  declare async: unknown;
  declare loc: unknown;
  constructor(id: unknown, params: unknown, body: unknown, generator: unknown, async: unknown) {
    this.type = 'FunctionDeclaration';
    this.id = id;
    this.params = params;
    this.body = body;
    this.generator = generator;
    this.async = async;
    this.loc = null;
  }
}

export class FunctionExpressionNode {
  declare type: 'FunctionExpression';
  declare id: unknown;
  declare params: unknown;
  declare body: unknown;
  declare generator: unknown;
  declare async: unknown;
  declare loc: unknown;
  constructor(id: unknown, params: unknown, body: unknown, generator: unknown, async: unknown) {
    this.type = 'FunctionExpression';
    this.id = id;
    this.params = params;
    this.body = body;
    this.generator = generator;
    this.async = async;
    this.loc = null;
  }
}

export class IdentifierNode {
  declare type: 'Identifier';
  declare name: unknown;
  declare loc: unknown;
  constructor(name: unknown) {
    this.type = 'Identifier';
    this.name = name;
    this.loc = null;
  }
}

export class IfStatementNode {
  declare type: 'IfStatement';
  declare test: unknown;
  declare consequent: unknown;
  declare alternate: unknown;
  declare loc: unknown;
  constructor(test: unknown, consequent: unknown, alternate: unknown) {
    this.type = 'IfStatement';
    this.test = test;
    this.consequent = consequent;
    this.alternate = alternate;
    this.loc = null;
  }
}

export class ImportDeclarationNode {
  declare type: 'ImportDeclaration';
  declare specifiers: unknown;
  declare source: unknown;
  declare attributes: unknown;
  declare loc: unknown;
  constructor(specifiers: unknown, source: unknown, attributes: unknown) {
    this.type = 'ImportDeclaration';
    this.specifiers = specifiers;
    this.source = source;
    this.attributes = attributes;
    this.loc = null;
  }
}

export class ImportNamespaceSpecifierNode {
  declare type: 'ImportNamespaceSpecifier';
  declare local: unknown;
  declare loc: unknown;
  constructor(local: unknown) {
    this.type = 'ImportNamespaceSpecifier';
    this.local = local;
    this.loc = null;
  }
}

export class ImportSpecifierNode {
  declare type: 'ImportSpecifier';
  declare local: unknown;
  declare imported: unknown;
  declare loc: unknown;
  constructor(local: unknown, imported: unknown) {
    this.type = 'ImportSpecifier';
    this.local = local;
    this.imported = imported;
    this.loc = null;
  }
}

export class LabeledStatementNode {
  declare type: 'LabeledStatement';
  declare label: unknown;
  declare body: unknown;
  declare loc: unknown;
  constructor(label: unknown, body: unknown) {
    this.type = 'LabeledStatement';
    this.label = label;
    this.body = body;
    this.loc = null;
  }
}

export class LogicalExpressionNode {
  declare type: 'LogicalExpression';
  declare operator: unknown;
  declare left: unknown;
  declare right: unknown;
  declare loc: unknown;
  constructor(operator: unknown, left: unknown, right: unknown) {
    this.type = 'LogicalExpression';
    this.operator = operator;
    this.left = left;
    this.right = right;
    this.loc = null;
  }
}

export class MemberExpressionNode {
  declare type: 'MemberExpression';
  declare object: unknown;
  declare property: unknown;
  declare computed: unknown;
  declare optional: unknown;
  declare loc: unknown;
  constructor(object: unknown, property: unknown, computed: unknown, optional: unknown) {
    this.type = 'MemberExpression';
    this.object = object;
    this.property = property;
    this.computed = computed;
    this.optional = optional;
    this.loc = null;
  }
}

export class MetaPropertyNode {
  declare type: 'MetaProperty';
  declare meta: unknown;
  declare property: unknown;
  declare loc: unknown;
  constructor(meta: unknown, property: unknown) {
    this.type = 'MetaProperty';
    this.meta = meta;
    this.property = property;
    this.loc = null;
  }
}

export class NewExpressionNode {
  declare type: 'NewExpression';
  declare callee: unknown;
  declare arguments: unknown;
  declare typeParameters: unknown;
  declare loc: unknown;
  constructor(callee: unknown, _arguments: unknown) {
    this.type = 'NewExpression';
    this.callee = callee;
    this.arguments = _arguments;
    this.typeParameters = null;
    this.loc = null;
  }
}

export class NullLiteralNode {
  declare type: 'NullLiteral';
  declare loc: unknown;
  constructor() {
    this.type = 'NullLiteral';
    this.loc = null;
  }
}

export class NumericLiteralNode {
  declare type: 'NumericLiteral';
  declare value: unknown;
  declare loc: unknown;
  constructor(value: unknown) {
    this.type = 'NumericLiteral';
    this.value = value;
    this.loc = null;
  }
}

export class ObjectExpressionNode {
  declare type: 'ObjectExpression';
  declare properties: unknown;
  declare loc: unknown;
  constructor(properties: unknown) {
    this.type = 'ObjectExpression';
    this.properties = properties;
    this.loc = null;
  }
}

export class ObjectPatternNode {
  declare type: 'ObjectPattern';
  declare properties: unknown;
  declare loc: unknown;
  constructor(properties: unknown) {
    this.type = 'ObjectPattern';
    this.properties = properties;
    this.loc = null;
  }
}

export class ObjectPropertyNode {
  declare type: 'ObjectProperty';
  declare key: unknown;
  declare value: unknown;
  declare computed: unknown;
  declare shorthand: unknown;
  declare decorators: unknown;
  declare loc: unknown;
  constructor(key: unknown, value: unknown, computed: unknown, shorthand: unknown, decorators: unknown) {
    this.type = 'ObjectProperty';
    this.key = key;
    this.value = value;
    this.computed = computed;
    this.shorthand = shorthand;
    this.decorators = decorators;
    this.loc = null;
  }
}

export class ProgramNode {
  declare type: 'Program';
  declare body: unknown;
  declare directives: unknown;
  declare sourceType: unknown;
  declare interpreter: unknown;
  declare loc: unknown;
  constructor(body: unknown, directives: unknown, sourceType: unknown, interpreter: unknown) {
    this.type = 'Program';
    this.body = body;
    this.directives = directives;
    this.sourceType = sourceType;
    this.interpreter = interpreter;
    this.loc = null;
  }
}

export class RestElementNode {
  declare type: 'RestElement';
  declare argument: unknown;
  declare loc: unknown;
  constructor(argument: unknown) {
    this.type = 'RestElement';
    this.argument = argument;
    this.loc = null;
  }
}

export class ReturnStatementNode {
  declare type: 'ReturnStatement';
  declare argument: unknown;
  declare loc: unknown;
  constructor(argument: unknown) {
    this.type = 'ReturnStatement';
    this.argument = argument;
    this.loc = null;
  }
}

export class SequenceExpressionNode {
  declare type: 'SequenceExpression';
  declare expressions: unknown;
  declare loc: unknown;
  constructor(expressions: unknown) {
    this.type = 'SequenceExpression';
    this.expressions = expressions;
    this.loc = null;
  }
}

export class SpreadElementNode {
  declare type: 'SpreadElement';
  declare argument: unknown;
  declare loc: unknown;
  constructor(argument: unknown) {
    this.type = 'SpreadElement';
    this.argument = argument;
    this.loc = null;
  }
}

export class StringLiteralNode {
  declare type: 'StringLiteral';
  declare value: unknown;
  declare loc: unknown;
  constructor(value: unknown) {
    this.type = 'StringLiteral';
    this.value = value;
    this.loc = null;
  }
}

export class SwitchCaseNode {
  declare type: 'SwitchCase';
  declare test: unknown;
  declare consequent: unknown;
  declare loc: unknown;
  constructor(test: unknown, consequent: unknown) {
    this.type = 'SwitchCase';
    this.test = test;
    this.consequent = consequent;
    this.loc = null;
  }
}

export class SwitchStatementNode {
  declare type: 'SwitchStatement';
  declare discriminant: unknown;
  declare cases: unknown;
  declare loc: unknown;
  constructor(discriminant: unknown, cases: unknown) {
    this.type = 'SwitchStatement';
    this.discriminant = discriminant;
    this.cases = cases;
    this.loc = null;
  }
}

export class ThrowStatementNode {
  declare type: 'ThrowStatement';
  declare argument: unknown;
  declare loc: unknown;
  constructor(argument: unknown) {
    this.type = 'ThrowStatement';
    this.argument = argument;
    this.loc = null;
  }
}

export class TryStatementNode {
  declare type: 'TryStatement';
  declare block: unknown;
  declare handler: unknown;
  declare finalizer: unknown;
  declare loc: unknown;
  constructor(block: unknown, handler: unknown, finalizer: unknown) {
    this.type = 'TryStatement';
    this.block = block;
    this.handler = handler;
    this.finalizer = finalizer;
    this.loc = null;
  }
}

export class UnaryExpressionNode {
  declare type: 'UnaryExpression';
  declare operator: unknown;
  declare argument: unknown;
  declare prefix: unknown;
  declare loc: unknown;
  constructor(operator: unknown, argument: unknown, prefix: unknown) {
    this.type = 'UnaryExpression';
    this.operator = operator;
    this.argument = argument;
    this.prefix = prefix;
    this.loc = null;
  }
}

export class UpdateExpressionNode {
  declare type: 'UpdateExpression';
  declare operator: unknown;
  declare argument: unknown;
  declare prefix: unknown;
  declare loc: unknown;
  constructor(operator: unknown, argument: unknown, prefix: unknown) {
    this.type = 'UpdateExpression';
    this.operator = operator;
    this.argument = argument;
    this.prefix = prefix;
    this.loc = null;
  }
}

export class VariableDeclarationNode {
  declare type: 'VariableDeclaration';
  declare kind: unknown;
  declare declarations: unknown;
  declare loc: unknown;
  constructor(kind: unknown, declarations: unknown) {
    this.type = 'VariableDeclaration';
    this.kind = kind;
    this.declarations = declarations;
    this.loc = null;
  }
}

export class VariableDeclaratorNode {
  declare type: 'VariableDeclarator';
  declare id: unknown;
  declare init: unknown;
  declare loc: unknown;
  constructor(id: unknown, init: unknown) {
    this.type = 'VariableDeclarator';
    this.id = id;
    this.init = init;
    this.loc = null;
  }
}

export class WhileStatementNode {
  declare type: 'WhileStatement';
  declare test: unknown;
  declare body: unknown;
  declare loc: unknown;
  constructor(test: unknown, body: unknown) {
    this.type = 'WhileStatement';
    this.test = test;
    this.body = body;
    this.loc = null;
  }
}

export class YieldExpressionNode {
  declare type: 'YieldExpression';
  declare argument: unknown;
  declare delegate: unknown;
  declare loc: unknown;
  constructor(argument: unknown, delegate: unknown) {
    this.type = 'YieldExpression';
    this.argument = argument;
    this.delegate = delegate;
    this.loc = null;
  }
}

export class AwaitExpressionNode {
  declare type: 'AwaitExpression';
  declare argument: unknown;
  declare loc: unknown;
  constructor(argument: unknown) {
    this.type = 'AwaitExpression';
    this.argument = argument;
    this.loc = null;
  }
}
