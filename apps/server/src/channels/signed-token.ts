import { timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../secrets/secret-box.ts';

/**
 * What a customer's link or chat token grants: one case of one workspace, until it expires. The
 * purpose says what for: the status page, live chat, the satisfaction survey, choosing a solution
 * offer, or agreeing to a success story.
 */
export type CustomerGrant = {
  purpose: 'status' | 'chat' | 'survey' | 'offer' | 'story';
  workspaceId: string;
  caseId: string;
  expiresAt: Date;
};

const MAC_PURPOSE = 'customer-token';

/**
 * `<payload>.<mac>`, both base64url: the payload names the purpose, workspace, case and expiry, and the
 * MAC (from the server's secret key) makes it unforgeable. Nothing is stored: a token is valid until it
 * expires, and changing the secret key revokes every token.
 */
export function signGrant(secrets: SecretBox, grant: CustomerGrant): string {
  const payload = Buffer.from(
    JSON.stringify([
      grant.purpose,
      grant.workspaceId,
      grant.caseId,
      Math.floor(grant.expiresAt.getTime() / 1000),
    ]),
  ).toString('base64url');
  return `${payload}.${secrets.mac(MAC_PURPOSE, payload)}`;
}

/** The grant a token carries, when it is genuine, for this purpose and workspace, and not expired. */
export function readGrant(
  secrets: SecretBox,
  token: string,
  expected: { purpose: CustomerGrant['purpose']; workspaceId: string; now: Date },
): CustomerGrant | undefined {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined || token.length > 1000) return undefined;
  const wanted = Buffer.from(secrets.mac(MAC_PURPOSE, payload));
  const given = Buffer.from(mac);
  if (wanted.length !== given.length || !timingSafeEqual(wanted, given)) return undefined;
  try {
    const [purpose, workspaceId, caseId, expiresAt] = JSON.parse(
      Buffer.from(payload, 'base64url').toString(),
    ) as [string, string, string, number];
    if (purpose !== expected.purpose || workspaceId !== expected.workspaceId) return undefined;
    if (expiresAt * 1000 <= expected.now.getTime()) return undefined;
    return { purpose, workspaceId, caseId, expiresAt: new Date(expiresAt * 1000) };
  } catch {
    return undefined;
  }
}

const LIFETIME_DAYS: Record<CustomerGrant['purpose'], number> = {
  status: 180,
  chat: 30,
  survey: 30,
  offer: 30,
  story: 60,
};

/** A fresh token for one case, valid for the purpose's lifetime (status links 180 days, chats 30…). */
export function grantFor(
  secrets: SecretBox,
  purpose: CustomerGrant['purpose'],
  workspaceId: string,
  caseId: string,
  now: Date,
): string {
  const expiresAt = new Date(now.getTime() + LIFETIME_DAYS[purpose] * 86_400_000);
  return signGrant(secrets, { purpose, workspaceId, caseId, expiresAt });
}

/** The path of a case's status page with a signed link: what e-mails and confirmations point at. */
export function statusPathFor(
  secrets: SecretBox,
  workspace: { id: string; slug: string },
  caseId: string,
  now: Date,
) {
  return `/w/${workspace.slug}/status?t=${grantFor(secrets, 'status', workspace.id, caseId, now)}`;
}
