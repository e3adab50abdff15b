import { Inject, Injectable } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { apiErrorSchema } from '@oj/shared';
import { z } from 'zod';
import { AUTH_REQUIREMENT, type AuthRequirement } from '../auth/authenticated.decorator.ts';
import { ENDPOINT_DESCRIPTION, type EndpointDescription } from '../common/endpoint.ts';
import { fullPathOf } from '../common/routes.ts';
import { routeInputsOf } from '../common/validation.ts';

type JsonSchema = Record<string, unknown>;

const HTTP_METHODS: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.DELETE]: 'delete',
  [RequestMethod.PATCH]: 'patch',
};

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return jsonSchema;
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const jsonSchema = jsonSchemaOf(schema, 'input');
  const properties = (jsonSchema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((jsonSchema['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

/**
 * The OpenAPI 3.1 document of every route, built from the controllers themselves: paths and methods from
 * Nest's metadata, inputs from the zod schemas the routes validate with, responses from @Endpoint.
 */
@Injectable()
export class OpenApiDocument {
  private document: JsonSchema | undefined;

  constructor(@Inject(DiscoveryService) private readonly discovery: DiscoveryService) {}

  get(): JsonSchema {
    this.document ??= this.build();
    return this.document;
  }

  private build(): JsonSchema {
    const paths: Record<string, Record<string, JsonSchema>> = {};
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const controllerPath = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const description = Reflect.getMetadata(ENDPOINT_DESCRIPTION, handler) as EndpointDescription | undefined;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const method = requestMethod === undefined ? undefined : HTTP_METHODS[requestMethod];
        if (!description || !method) continue;
        const methodPath = (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) ?? '';
        const path = fullPathOf(controllerPath, methodPath).replace(/:(\w+)/g, '{$1}');
        const requirement =
          (Reflect.getMetadata(AUTH_REQUIREMENT, handler) as AuthRequirement | undefined) ??
          (Reflect.getMetadata(AUTH_REQUIREMENT, controller) as AuthRequirement | undefined);
        const httpCode = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
        paths[path] ??= {};
        // Operation ids must be unique across the document: `problems.list`, `submissions.list`, ...
        const operationId = `${controller.name.replace(/Controller$/, '').replace(/^./, (first) => first.toLowerCase())}.${name}`;
        paths[path][method] = this.operation(operationId, method, description, handler, requirement, httpCode);
      }
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'oj API',
        version: '1',
        description:
          'Sign in with POST /api/auth/login (a session cookie), then send the csrfToken from GET /api/auth/me in the X-CSRF-Token header of every POST, PATCH, PUT and DELETE.',
      },
      paths,
      components: {
        schemas: { ApiError: jsonSchemaOf(apiErrorSchema, 'output') },
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'oj_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    };
  }

  private operation(
    operationId: string,
    method: string,
    description: EndpointDescription,
    handler: object,
    requirement: AuthRequirement | undefined,
    httpCode: number | undefined,
  ): JsonSchema {
    const inputs = routeInputsOf(handler);
    const unsafe = method !== 'get';
    const security: Record<string, string[]>[] = [
      { ...(requirement ? { session: [] } : {}), ...(unsafe ? { csrf: [] } : {}) },
    ].filter((scheme) => Object.keys(scheme).length > 0);
    const status = String(description.status ?? httpCode ?? (method === 'post' ? 201 : 200));
    const successContent = description.response
      ? { 'application/json': { schema: jsonSchemaOf(description.response, 'output') } }
      : description.contentType
        ? { [description.contentType]: { schema: { type: 'string' } } }
        : undefined;
    const roleNote = requirement
      ? `Requires ${requirement.role ? `the ${requirement.role} role or above` : 'signing in'}.`
      : '';
    return {
      operationId,
      summary: description.summary,
      description: [description.description, roleNote].filter(Boolean).join('\n\n') || undefined,
      tags: description.tags,
      ...(security.length > 0 ? { security } : {}),
      parameters: [
        ...Object.entries(inputs.params ?? {}).map(([param, schema]) => ({
          name: param,
          in: 'path',
          required: true,
          schema: jsonSchemaOf(schema, 'input'),
        })),
        ...(inputs.query ? queryParameters(inputs.query) : []),
      ],
      ...(inputs.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchemaOf(inputs.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [status]: { description: 'success', ...(successContent ? { content: successContent } : {}) },
        default: {
          description: 'an error (see error.code)',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
        },
      },
    };
  }
}
