/**
 * What a precompiled validator (ajv's standalone code in generated/validators.ts) leaves on its `errors`:
 * the part of ajv's `ErrorObject` this package reads, declared here so that neither the package at run time
 * nor its consumers' types need ajv.
 */
export interface ErrorObject {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  schema?: unknown;
  parentSchema?: unknown;
  data?: unknown;
}
