/**
 * Holds every response the HTTP tests see to the OpenAPI document: the status must be one the
 * operation documents, and a JSON body must match the schema documented for that status. A
 * route that answers what its description does not say fails the test that made it answer.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';

type Operation = OpenAPIV3_1.OperationObject;

export function checkResponsesAgainstOpenApi(app: FastifyInstance, report: (m: string) => void) {
  let doc: OpenAPIV3_1.Document | undefined;
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const validators = new Map<string, ValidateFunction>();

  function operationOf(method: string, route: string): Operation | undefined {
    doc ??= app.swagger() as OpenAPIV3_1.Document;
    const path = route.replace(/:(\w+)/g, '{$1}');
    return doc.paths?.[path]?.[method.toLowerCase() as OpenAPIV3_1.HttpMethods];
  }

  function validatorFor(key: string, schema: object): ValidateFunction {
    let validate = validators.get(key);
    if (!validate) {
      // The schema's $refs point into the document's components.
      validate = ajv.compile({ ...schema, components: doc?.components });
      validators.set(key, validate);
    }
    return validate;
  }

  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (!route) return payload;
    const operation = operationOf(request.method, route);
    if (!operation) return payload;
    const where = `${request.method} ${route}`;
    const status = String(reply.statusCode);
    const documented = (operation.responses ?? {})[status] as
      OpenAPIV3_1.ResponseObject | undefined;
    if (!documented) {
      report(`${where} answered ${status}, which its OpenAPI operation does not document`);
      return payload;
    }
    const type = String(reply.getHeader('content-type') ?? '').split(';')[0] ?? '';
    if (!/json$/.test(type) || typeof payload !== 'string') return payload;
    const content = documented.content ?? {};
    const media = content[type] ?? Object.values(content)[0];
    if (!media?.schema) return payload;
    const validate = validatorFor(`${where} ${status} ${type}`, media.schema);
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      report(`${where} ${status}: the body is not JSON`);
      return payload;
    }
    if (!validate(body))
      report(
        `${where} ${status}: the body does not match the documented schema: ${ajv.errorsText(validate.errors)}`,
      );
    return payload;
  });
}
