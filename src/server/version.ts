/** Handoff's version, as `/api/v1/meta` and the OpenAPI document report it. */
export const VERSION = '0.1.0';
