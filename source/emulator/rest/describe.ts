// Metadata responses: the object list (/sobjects), basic information (/sobjects/Account) and the
// full describe (/sobjects/Account/describe), in the shapes Salesforce returns, trimmed to the
// keys clients commonly read.

import type {FieldSchema, FieldType, ObjectSchema} from './schema.js';
import {isTextType, objectSchemas} from './schema.js';

function urls(schema: ObjectSchema, version: string): Record<string, string> {
	const base = `/services/data/v${version}/sobjects/${schema.name}`;
	return {
		sobject: base,
		describe: `${base}/describe`,
		rowTemplate: `${base}/{ID}`,
	};
}

/** One entry of the global describe, also `objectDescribe` of the basic information. */
export function objectSummary(schema: ObjectSchema, version: string): Record<string, unknown> {
	return {
		activateable: false,
		createable: schema.writable,
		custom: false,
		customSetting: false,
		deletable: schema.writable,
		deprecatedAndHidden: false,
		feedEnabled: schema.writable,
		hasSubtypes: false,
		isSubtype: false,
		keyPrefix: schema.keyPrefix,
		label: schema.label,
		labelPlural: schema.labelPlural,
		layoutable: true,
		mergeable: schema.writable,
		mruEnabled: true,
		name: schema.name,
		queryable: true,
		replicateable: true,
		retrieveable: true,
		searchable: true,
		triggerable: true,
		undeletable: schema.writable,
		updateable: schema.writable,
		urls: urls(schema, version),
	};
}

export function globalDescribe(version: string): Record<string, unknown> {
	return {
		encoding: 'UTF-8',
		maxBatchSize: 200,
		sobjects: objectSchemas.map((schema) => objectSummary(schema, version)),
	};
}

const soapTypes: Readonly<Record<FieldType, string>> = {
	id: 'tns:ID',
	reference: 'tns:ID',
	string: 'xsd:string',
	picklist: 'xsd:string',
	phone: 'xsd:string',
	url: 'xsd:string',
	email: 'xsd:string',
	textarea: 'xsd:string',
	boolean: 'xsd:boolean',
	int: 'xsd:int',
	double: 'xsd:double',
	currency: 'xsd:double',
	datetime: 'xsd:dateTime',
};

function numberShape(type: FieldType): {digits: number; precision: number; scale: number} {
	if (type === 'int') return {digits: 8, precision: 0, scale: 0};
	if (type === 'currency') return {digits: 0, precision: 18, scale: 2};
	if (type === 'double') return {digits: 0, precision: 18, scale: 0};
	return {digits: 0, precision: 0, scale: 0};
}

function describeField(field: FieldSchema): Record<string, unknown> {
	const textual = isTextType(field.type) || field.type === 'id' || field.type === 'reference';
	return {
		aggregatable: field.type !== 'textarea',
		autoNumber: false,
		byteLength: textual ? field.length * 3 : 0,
		calculated: false,
		caseSensitive: false,
		createable: field.createable,
		custom: false,
		defaultedOnCreate: !field.createable || field.name === 'OwnerId',
		deprecatedAndHidden: false,
		...numberShape(field.type),
		externalId: false,
		filterable: field.type !== 'textarea' || field.length <= 255,
		groupable: field.type !== 'textarea' && field.type !== 'double' && field.type !== 'currency',
		idLookup: field.type === 'id' || field.name === 'Username',
		label: field.label,
		length: field.length,
		name: field.name,
		nameField: field.name === 'Name',
		nillable: field.nillable,
		picklistValues: (field.picklistValues ?? []).map((value) => ({
			active: true,
			defaultValue: false,
			label: value,
			validFor: null,
			value,
		})),
		referenceTo: field.referenceTo === undefined ? [] : [field.referenceTo],
		relationshipName: field.relationshipName ?? null,
		soapType: soapTypes[field.type],
		sortable: field.type !== 'textarea' || field.length <= 255,
		type: field.type,
		unique: false,
		updateable: field.updateable,
	};
}

export function describeObject(schema: ObjectSchema, version: string): Record<string, unknown> {
	const summary = objectSummary(schema, version);
	return {
		...summary,
		childRelationships: schema.childRelationships.map((child) => ({
			cascadeDelete: child.cascadeDelete,
			childSObject: child.childSObject,
			deprecatedAndHidden: false,
			field: child.field,
			relationshipName: child.relationshipName,
			restrictedDelete: false,
		})),
		fields: schema.fields.map((field) => describeField(field)),
		recordTypeInfos: [],
	};
}
