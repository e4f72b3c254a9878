/**
 * The one error shape of the public API: `{ error: { message, parameter?, allowed? } }`, so clients
 * handle every failure the same way. A 400 for invalid query parameters also lists every rejected
 * parameter in `errors` (the first one is repeated as `error`).
 */

/** One problem, as clients read it. */
export interface ApiErrorDetail {
  /** A sentence for people ("unknown country "ZZ": should be an ISO 3166-1 alpha-2 code"). */
  message: string;
  /** The query parameter at fault, when one is. */
  parameter?: string;
  /** The values the parameter accepts, for enumerated parameters. */
  allowed?: string[];
}

export interface ApiErrorBody {
  error: ApiErrorDetail;
  /** Every invalid parameter, for 400 responses to invalid queries. */
  errors?: ApiErrorDetail[];
}

/** The body of a 400 for invalid parameters; `errors` must not be empty. */
export function invalidParametersBody(errors: readonly ApiErrorDetail[]): ApiErrorBody {
  const [first] = errors;
  if (!first) throw new Error('invalidParametersBody needs at least one error');
  const message = first.parameter ? `Invalid parameter ${first.parameter}: ${first.message}` : first.message;
  return { error: { ...first, message }, errors: errors.map((error) => ({ ...error })) };
}

/** An error body with only a message. */
export function errorBody(message: string): ApiErrorBody {
  return { error: { message } };
}

/** Plain-text lines for the same errors, for responses that are not JSON (feeds). */
export function formatParameterErrors(errors: readonly ApiErrorDetail[]): string {
  return errors
    .map((error) => {
      const head = error.parameter ? `Invalid parameter ${error.parameter}: ${error.message}` : error.message;
      return error.allowed ? `${head}. Allowed: ${error.allowed.join(', ')}` : head;
    })
    .join('\n');
}
