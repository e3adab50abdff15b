import { Body, Param, Query, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { DomainError } from './errors.ts';
import { FieldSizePipe } from './size-limits.ts';

type RequestPart = 'body' | 'query' | 'path';

/** A field's dotted path (`tests.0.id`); issues about the whole value are filed under `rootName`. */
function fieldsOf(error: z.ZodError, rootName: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= 'unknown field';
      continue;
    }
    const name = issue.path.length > 0 ? issue.path.map(String).join('.') : rootName;
    fields[name] ??= issue.message;
  }
  return fields;
}

export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  readonly schema: Schema;
  readonly part: RequestPart;
  /** What a problem with the whole value is called: the part (`body`), or a path parameter's name. */
  readonly rootName: string;

  constructor(schema: Schema, part: RequestPart, rootName: string = part) {
    this.schema = schema;
    this.part = part;
    this.rootName = rootName;
  }

  transform(value: unknown): z.output<Schema> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const fields = fieldsOf(parsed.error, this.rootName);
    const summary = Object.entries(fields)
      .map(([name, reason]) => `${name}: ${reason}`)
      .join('; ');
    throw new DomainError('VALIDATION_FAILED', `invalid ${this.part}: ${summary}`, { fields });
  }
}

/** What a route accepts, recorded for the OpenAPI document. */
export interface RouteInputs {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: Record<string, z.ZodType>;
}

const ROUTE_INPUTS = Symbol('oj:route-inputs');

function recordInput(target: object, method: string | symbol | undefined, update: (inputs: RouteInputs) => void): void {
  if (method === undefined) return;
  const handler = (target as Record<string | symbol, unknown>)[method] as object;
  const inputs = (Reflect.getOwnMetadata(ROUTE_INPUTS, handler) as RouteInputs | undefined) ?? {};
  update(inputs);
  Reflect.defineMetadata(ROUTE_INPUTS, inputs, handler);
}

export function routeInputsOf(handler: object): RouteInputs {
  return (Reflect.getOwnMetadata(ROUTE_INPUTS, handler) as RouteInputs | undefined) ?? {};
}

/**
 * The request body, validated by `schema` (400 naming each wrong field); string fields named in `maxBytes`
 * that are larger get 413 first.
 */
export function ValidBody(schema: z.ZodType, options: { maxBytes?: Record<string, number> } = {}): ParameterDecorator {
  return (target, method, index) => {
    recordInput(target, method, (inputs) => (inputs.body = schema));
    const pipes: PipeTransform[] = options.maxBytes ? [new FieldSizePipe(options.maxBytes)] : [];
    Body(...pipes, new ZodValidationPipe(schema, 'body'))(target, method, index);
  };
}

/** The query string, validated by `schema`. */
export function ValidQuery(schema: z.ZodType): ParameterDecorator {
  return (target, method, index) => {
    recordInput(target, method, (inputs) => (inputs.query = schema));
    Query(new ZodValidationPipe(schema, 'query'))(target, method, index);
  };
}

/** One path parameter, validated by `schema`. */
export function ValidParam(name: string, schema: z.ZodType): ParameterDecorator {
  return (target, method, index) => {
    recordInput(target, method, (inputs) => (inputs.params = { ...inputs.params, [name]: schema }));
    Param(name, new ZodValidationPipe(schema, 'path', name))(target, method, index);
  };
}
