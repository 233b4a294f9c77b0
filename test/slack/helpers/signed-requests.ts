// Requests as Slack sends them: signed with the signing secret (v0 HMAC-SHA256 of "v0:ts:body"), JSON for
// events, form-encoded for slash commands and `payload=` for interactivity.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

export function sign(body: string, secret: string = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface SendOptions {
  secret?: string;
  headers?: Record<string, string>;
}

export async function post(url: string, body: string, contentType: string, options: SendOptions = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...sign(body, options.secret), ...options.headers },
    body,
  });
}

let eventCounter = 0;

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${eventCounter++}`): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: 'T0001',
    api_app_id: 'A0001',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false }],
  };
}

export function sendEvent(url: string, envelope: Record<string, unknown>, options: SendOptions = {}): Promise<Response> {
  return post(url, JSON.stringify(envelope), 'application/json', options);
}

export function sendCommand(url: string, fields: Record<string, string>, options: SendOptions = {}): Promise<Response> {
  return post(url, new URLSearchParams({ team_id: 'T0001', ...fields }).toString(), 'application/x-www-form-urlencoded', options);
}

export function sendInteraction(url: string, payload: Record<string, unknown>, options: SendOptions = {}): Promise<Response> {
  return post(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
}

let tsCounter = 0;
export function nextTs(): string {
  return `${1_800_000_000 + tsCounter++}.000${String(tsCounter).padStart(3, '0')}`;
}
