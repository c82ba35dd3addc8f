/*
 * Reading the OpenAPI document's JSON Schemas for the reference page: a field's type in words and
 * an object's fields flattened ("need.area"), each with whether it is required and its description.
 */

export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  description?: string;
};

export interface FieldRow {
  name: string;
  type: string;
  /** the component a $ref names, linked from the type */
  ref: string | null;
  required: boolean;
  description: string;
}

export const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

/** The schema without its "or null" branch, and whether null is allowed. */
function nonNull(schema: Schema): { schema: Schema; nullable: boolean } {
  const branches = schema.anyOf?.filter((branch) => branch.type !== "null");
  if (schema.anyOf && branches?.length === 1)
    return { schema: { ...branches[0], description: schema.description ?? branches[0].description }, nullable: true };
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const rest = schema.type.filter((type) => type !== "null");
    return { schema: { ...schema, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  return { schema, nullable: false };
}

export function typeOf(input: Schema): { type: string; ref: string | null } {
  const { schema, nullable } = nonNull(input);
  const orNull = nullable ? " | null" : "";
  if (schema.$ref) return { type: refName(schema.$ref) + orNull, ref: refName(schema.$ref) };
  if (schema.const !== undefined) return { type: JSON.stringify(schema.const) + orNull, ref: null };
  if (schema.enum) return { type: schema.enum.map((value) => JSON.stringify(value)).join(" | ") + orNull, ref: null };
  if (schema.type === "array" && schema.items) {
    const item = typeOf(schema.items);
    return { type: `${item.type}[]${orNull}`, ref: item.ref };
  }
  if (schema.anyOf) return { type: schema.anyOf.map((branch) => typeOf(branch).type).join(" | "), ref: null };
  const base = [schema.type ?? "object"].flat().join(" | ");
  return { type: `${base}${schema.format ? ` (${schema.format})` : ""}${orNull}`, ref: null };
}

/** An object's fields, nested inline objects flattened with a dotted name. */
export function fieldsOf(schema: Schema, prefix = ""): FieldRow[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const inner = nonNull(property).schema;
    const { type, ref } = typeOf(property);
    const row: FieldRow = {
      name: prefix + name,
      type,
      ref,
      required: required.has(name),
      description: inner.description ?? "",
    };
    return inner.properties && !inner.$ref ? [row, ...fieldsOf(inner, `${prefix}${name}.`)] : [row];
  });
}
