// The objects and fields the emulator knows. Names follow the standard Salesforce objects so
// queries written against a real org work here too; only a practical subset of fields exists.

export type FieldType =
	| 'id'
	| 'reference'
	| 'string'
	| 'picklist'
	| 'phone'
	| 'url'
	| 'email'
	| 'textarea'
	| 'boolean'
	| 'int'
	| 'double'
	| 'currency'
	| 'datetime';

export type FieldSchema = {
	readonly name: string;
	readonly label: string;
	readonly type: FieldType;
	/** Maximum length of text values. */
	readonly length: number;
	readonly nillable: boolean;
	readonly createable: boolean;
	readonly updateable: boolean;
	/** Must be given on create (REQUIRED_FIELD_MISSING otherwise). */
	readonly required: boolean;
	readonly referenceTo?: string;
	readonly relationshipName?: string;
	readonly picklistValues?: readonly string[];
};

export type ObjectSchema = {
	readonly name: string;
	readonly label: string;
	readonly labelPlural: string;
	readonly keyPrefix: string;
	/** Records can be created, changed and deleted through /sobjects. */
	readonly writable: boolean;
	readonly fields: readonly FieldSchema[];
	readonly childRelationships: ReadonlyArray<{
		readonly childSObject: string;
		readonly field: string;
		readonly relationshipName: string;
		readonly cascadeDelete: boolean;
	}>;
};

type FieldOptions = Partial<Omit<FieldSchema, 'name' | 'label' | 'type'>>;

function field(
	name: string,
	label: string,
	type: FieldType,
	options: FieldOptions = {},
): FieldSchema {
	const system = type === 'id';
	return {
		name,
		label,
		type,
		length: options.length ?? (type === 'id' || type === 'reference' ? 18 : 0),
		nillable: options.nillable ?? !system,
		createable: options.createable ?? !system,
		updateable: options.updateable ?? !system,
		required: options.required ?? false,
		...(options.referenceTo === undefined ? {} : {referenceTo: options.referenceTo}),
		...(options.relationshipName === undefined ? {} : {relationshipName: options.relationshipName}),
		...(options.picklistValues === undefined ? {} : {picklistValues: options.picklistValues}),
	};
}

const readOnly = {nillable: false, createable: false, updateable: false} as const;

function auditFields(): FieldSchema[] {
	return [
		field('OwnerId', 'Owner ID', 'reference', {
			nillable: false,
			referenceTo: 'User',
			relationshipName: 'Owner',
		}),
		field('CreatedDate', 'Created Date', 'datetime', readOnly),
		field('CreatedById', 'Created By ID', 'reference', {
			...readOnly,
			referenceTo: 'User',
			relationshipName: 'CreatedBy',
		}),
		field('LastModifiedDate', 'Last Modified Date', 'datetime', readOnly),
		field('LastModifiedById', 'Last Modified By ID', 'reference', {
			...readOnly,
			referenceTo: 'User',
			relationshipName: 'LastModifiedBy',
		}),
		field('SystemModstamp', 'System Modstamp', 'datetime', readOnly),
	];
}

export const accountTypes = [
	'Prospect',
	'Customer - Direct',
	'Customer - Channel',
	'Channel Partner / Reseller',
	'Installation Partner',
	'Technology Partner',
	'Other',
] as const;

export const industries = [
	'Agriculture',
	'Apparel',
	'Banking',
	'Biotechnology',
	'Chemicals',
	'Communications',
	'Construction',
	'Consulting',
	'Education',
	'Electronics',
	'Energy',
	'Engineering',
	'Entertainment',
	'Environmental',
	'Finance',
	'Food & Beverage',
	'Government',
	'Healthcare',
	'Hospitality',
	'Insurance',
	'Machinery',
	'Manufacturing',
	'Media',
	'Not For Profit',
	'Recreation',
	'Retail',
	'Shipping',
	'Technology',
	'Telecommunications',
	'Transportation',
	'Utilities',
	'Other',
] as const;

export const ratings = ['Hot', 'Warm', 'Cold'] as const;
export const salutations = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'] as const;
export const leadSources = [
	'Web',
	'Phone Inquiry',
	'Partner Referral',
	'Purchased List',
	'Other',
] as const;

const text = (length: number): FieldOptions => ({length});

export const accountSchema: ObjectSchema = {
	name: 'Account',
	label: 'Account',
	labelPlural: 'Accounts',
	keyPrefix: '001',
	writable: true,
	fields: [
		field('Id', 'Account ID', 'id', readOnly),
		field('IsDeleted', 'Deleted', 'boolean', readOnly),
		field('Name', 'Account Name', 'string', {length: 255, nillable: false, required: true}),
		field('Type', 'Account Type', 'picklist', {length: 255, picklistValues: accountTypes}),
		field('Industry', 'Industry', 'picklist', {length: 255, picklistValues: industries}),
		field('Rating', 'Account Rating', 'picklist', {length: 255, picklistValues: ratings}),
		field('AccountNumber', 'Account Number', 'string', text(40)),
		field('BillingStreet', 'Billing Street', 'textarea', text(255)),
		field('BillingCity', 'Billing City', 'string', text(40)),
		field('BillingState', 'Billing State/Province', 'string', text(80)),
		field('BillingPostalCode', 'Billing Zip/Postal Code', 'string', text(20)),
		field('BillingCountry', 'Billing Country', 'string', text(80)),
		field('Phone', 'Account Phone', 'phone', text(40)),
		field('Website', 'Website', 'url', text(255)),
		field('AnnualRevenue', 'Annual Revenue', 'currency'),
		field('NumberOfEmployees', 'Employees', 'int'),
		field('Description', 'Account Description', 'textarea', text(32_000)),
		...auditFields(),
	],
	childRelationships: [
		{
			childSObject: 'Contact',
			field: 'AccountId',
			relationshipName: 'Contacts',
			cascadeDelete: true,
		},
	],
};

export const contactSchema: ObjectSchema = {
	name: 'Contact',
	label: 'Contact',
	labelPlural: 'Contacts',
	keyPrefix: '003',
	writable: true,
	fields: [
		field('Id', 'Contact ID', 'id', readOnly),
		field('IsDeleted', 'Deleted', 'boolean', readOnly),
		field('AccountId', 'Account ID', 'reference', {
			referenceTo: 'Account',
			relationshipName: 'Account',
		}),
		field('Salutation', 'Salutation', 'picklist', {length: 40, picklistValues: salutations}),
		field('FirstName', 'First Name', 'string', text(40)),
		field('LastName', 'Last Name', 'string', {length: 80, nillable: false, required: true}),
		field('Name', 'Full Name', 'string', {length: 121, ...readOnly}),
		field('Title', 'Title', 'string', text(128)),
		field('Department', 'Department', 'string', text(80)),
		field('Email', 'Email', 'email', text(80)),
		field('Phone', 'Business Phone', 'phone', text(40)),
		field('MobilePhone', 'Mobile Phone', 'phone', text(40)),
		field('MailingStreet', 'Mailing Street', 'textarea', text(255)),
		field('MailingCity', 'Mailing City', 'string', text(40)),
		field('MailingState', 'Mailing State/Province', 'string', text(80)),
		field('MailingPostalCode', 'Mailing Zip/Postal Code', 'string', text(20)),
		field('MailingCountry', 'Mailing Country', 'string', text(80)),
		field('LeadSource', 'Lead Source', 'picklist', {length: 255, picklistValues: leadSources}),
		...auditFields(),
	],
	childRelationships: [],
};

const nillableReadOnly = {...readOnly, nillable: true} as const;

/** The user of the request's token; read-only here (users are managed by the auth side). */
export const userSchema: ObjectSchema = {
	name: 'User',
	label: 'User',
	labelPlural: 'Users',
	keyPrefix: '005',
	writable: false,
	fields: [
		field('Id', 'User ID', 'id', readOnly),
		field('Username', 'Username', 'string', {length: 80, ...readOnly}),
		field('LastName', 'Last Name', 'string', {length: 80, ...readOnly}),
		field('FirstName', 'First Name', 'string', {length: 40, ...nillableReadOnly}),
		field('Name', 'Full Name', 'string', {length: 121, ...readOnly}),
		field('Alias', 'Alias', 'string', {length: 8, ...readOnly}),
		field('Email', 'Email', 'email', {length: 128, ...readOnly}),
		field('IsActive', 'Active', 'boolean', readOnly),
		field('UserType', 'User Type', 'picklist', {length: 40, ...readOnly}),
		field('TimeZoneSidKey', 'Time Zone', 'picklist', {length: 40, ...readOnly}),
		field('LocaleSidKey', 'Locale', 'picklist', {length: 40, ...readOnly}),
		field('LanguageLocaleKey', 'Language', 'picklist', {length: 40, ...readOnly}),
		field('EmailEncodingKey', 'Email Encoding', 'picklist', {length: 40, ...readOnly}),
	],
	childRelationships: [],
};

export const editions = [
	'Developer Edition',
	'Professional Edition',
	'Enterprise Edition',
	'Unlimited Edition',
	'Performance Edition',
] as const;

/**
 * The org of the request, one record per org; read-only (Setup changes it, not the data API).
 * Tools read its Name and IsSandbox after login, since userinfo does not name the org.
 */
export const organizationSchema: ObjectSchema = {
	name: 'Organization',
	label: 'Organization',
	labelPlural: 'Organizations',
	keyPrefix: '00D',
	writable: false,
	fields: [
		field('Id', 'Organization ID', 'id', readOnly),
		field('Name', 'Name', 'string', {length: 80, ...readOnly}),
		field('Country', 'Country', 'string', {length: 80, ...nillableReadOnly}),
		field('OrganizationType', 'Edition', 'picklist', {
			length: 40,
			...nillableReadOnly,
			picklistValues: editions,
		}),
		field('InstanceName', 'Instance Name', 'string', {length: 7, ...nillableReadOnly}),
		field('IsSandbox', 'Is Sandbox', 'boolean', readOnly),
		field('NamespacePrefix', 'Namespace Prefix', 'string', {length: 15, ...nillableReadOnly}),
		field('TrialExpirationDate', 'Trial Expiration Date', 'datetime', nillableReadOnly),
		field('LanguageLocaleKey', 'Language', 'picklist', {length: 40, ...readOnly}),
		field('TimeZoneSidKey', 'Time Zone', 'picklist', {length: 40, ...readOnly}),
		field('DefaultLocaleSidKey', 'Locale', 'picklist', {length: 40, ...readOnly}),
		field('CreatedDate', 'Created Date', 'datetime', readOnly),
		field('LastModifiedDate', 'Last Modified Date', 'datetime', readOnly),
		field('SystemModstamp', 'System Modstamp', 'datetime', readOnly),
	],
	childRelationships: [],
};

/** In name order, as the global describe lists them. */
export const objectSchemas: readonly ObjectSchema[] = [
	accountSchema,
	contactSchema,
	organizationSchema,
	userSchema,
];

const byLowerName = new Map(objectSchemas.map((schema) => [schema.name.toLowerCase(), schema]));

/** Object names are case-insensitive in URLs and SOQL. */
export function findObject(name: string): ObjectSchema | undefined {
	return byLowerName.get(name.toLowerCase());
}

const fieldMaps = new Map(
	objectSchemas.map((schema) => [
		schema,
		new Map(schema.fields.map((item) => [item.name.toLowerCase(), item])),
	]),
);

/** Field names are case-insensitive; the schema gives the canonical spelling. */
export function findField(schema: ObjectSchema, name: string): FieldSchema | undefined {
	return fieldMaps.get(schema)?.get(name.toLowerCase());
}

/** The reference field whose relationship name is `name` (`Account` → Contact.AccountId). */
export function findRelationship(schema: ObjectSchema, name: string): FieldSchema | undefined {
	const lower = name.toLowerCase();
	return schema.fields.find((item) => item.relationshipName?.toLowerCase() === lower);
}

/** Text-like types compare case-insensitively and accept LIKE. */
export function isTextType(type: FieldType): boolean {
	return (
		type === 'string' ||
		type === 'picklist' ||
		type === 'phone' ||
		type === 'url' ||
		type === 'email' ||
		type === 'textarea'
	);
}
