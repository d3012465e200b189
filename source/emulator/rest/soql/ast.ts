// The parsed, not yet resolved, shape of a query. Names are as written; offsets point into the
// query text for error messages.

import type {LikePart} from './lexer.js';

export type Name = {readonly text: string; readonly offset: number};

export type Literal = {readonly offset: number; readonly text: string} & (
	| {readonly kind: 'string'; readonly value: string; readonly pattern: readonly LikePart[]}
	| {readonly kind: 'number'; readonly value: number}
	| {readonly kind: 'boolean'; readonly value: boolean}
	| {readonly kind: 'null'}
	| {readonly kind: 'datetime'; readonly value: number}
	| {readonly kind: 'date'}
);

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
	| {readonly kind: 'and' | 'or'; readonly operands: readonly Condition[]}
	| {readonly kind: 'not'; readonly operand: Condition}
	| {
			readonly kind: 'compare';
			readonly field: Name;
			readonly operator: ComparisonOperator;
			readonly value: Literal;
	  }
	| {readonly kind: 'like'; readonly field: Name; readonly value: Literal}
	| {
			readonly kind: 'in';
			readonly field: Name;
			readonly negated: boolean;
			readonly values: readonly Literal[];
	  };

export type SelectItem =
	| {readonly kind: 'field'; readonly name: Name}
	| {readonly kind: 'fields'; readonly which: 'ALL' | 'STANDARD'; readonly offset: number}
	| {
			readonly kind: 'count';
			readonly offset: number;
			readonly field?: Name;
			readonly alias?: string;
	  };

export type OrderItem = {
	readonly name: Name;
	readonly descending: boolean;
	readonly nullsLast: boolean;
};

export type Query = {
	readonly select: readonly SelectItem[];
	readonly from: Name;
	readonly where?: Condition;
	readonly orderBy: readonly OrderItem[];
	readonly limit?: {readonly value: number; readonly offset: number};
	readonly offset?: {readonly value: number; readonly offset: number};
};

/** A failure with the position Salesforce would report. */
export type SoqlError = {
	readonly errorCode: string;
	readonly offset: number;
	readonly message: string;
};
