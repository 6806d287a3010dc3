import { type ServerResponse } from 'node:http';
import {
  HAL,
  PROBLEM,
  type ResponseFaults,
  problemBody,
  sendBlocked,
  sendHtml,
  sendJson,
  sendNoContent,
  sendRedirect,
  sendText,
} from './respond';

/** Writes one response and remembers its status for the request log. */
export class Reply {
  status = 0;

  constructor(
    readonly res: ServerResponse,
    readonly faults: ResponseFaults = { malformed: false },
  ) {}

  get sent(): boolean {
    return this.status !== 0;
  }

  hal(status: number, body: unknown): void {
    this.status = status;
    sendJson(this.res, status, HAL, body, this.faults);
  }

  /** A hal+json body already serialized (pages built from cached record fragments). */
  halText(status: number, json: string): void {
    this.status = status;
    sendText(this.res, status, HAL, json, this.faults);
  }

  json(status: number, body: unknown, contentType = 'application/json'): void {
    this.status = status;
    sendJson(this.res, status, contentType, body, this.faults);
  }

  noContent(): void {
    this.status = 204;
    sendNoContent(this.res);
  }

  problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): void {
    this.status = status;
    sendJson(this.res, status, PROBLEM, problemBody(status, title, detail, extra), this.faults);
  }

  /** A raw problem+json body (OAuth errors use their own envelope). */
  problemRaw(status: number, body: unknown): void {
    this.status = status;
    sendJson(this.res, status, PROBLEM, body, this.faults);
  }

  html(status: number, html: string, headers: Record<string, string> = {}): void {
    this.status = status;
    sendHtml(this.res, status, html, headers);
  }

  blocked(): void {
    this.status = 403;
    sendBlocked(this.res);
  }

  redirect(location: string): void {
    this.status = 302;
    sendRedirect(this.res, location);
  }

  /** Destroys the connection without an answer (fault injection). */
  reset(): void {
    this.status = -1;
    this.res.socket?.destroy();
  }

  // ---- Kommo's standard errors (docs/kommo-api.md §6) ----

  badRequest(detail: string): void {
    this.problem(400, 'Bad Request', detail);
  }

  validation(errors: Array<{ request_id: string; errors: Array<{ code: string; path: string; detail: string }> }>): void {
    this.status = 400;
    sendJson(
      this.res,
      400,
      PROBLEM,
      {
        'validation-errors': errors,
        title: 'Bad Request',
        type: 'https://httpstatus.es/400',
        status: 400,
        detail: 'Request validation failed',
      },
      this.faults,
    );
  }

  unauthorized(): void {
    this.problem(401, 'Unauthorized', 'Invalid user name or password');
  }

  tooMany(retryAfter: number): void {
    this.problem(429, 'Too Many Requests', 'You have sent too many requests in a given amount of time. Please try again later.', {
      retry_after: retryAfter,
    });
  }

  tooManyItems(max = 250): void {
    this.problem(422, 'Unprocessable Entity', `Limit ${max} per page`);
  }
}
