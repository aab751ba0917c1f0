/**
 * A stand-in for the Bot Framework's token issuer, at the process edge: an OpenID configuration and
 * its JWKS on 127.0.0.1 holding a test RSA key, and a signer that makes the tokens Teams would send
 * (issuer https://api.botframework.com, audience = the bot's App ID, the serviceUrl claim).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface TokenClaims {
  audience: string;
  serviceUrl: string;
  issuer?: string;
  /** Seconds from now; negative for an expired token; null for a token with no `exp` claim at all. */
  expiresIn?: number | null;
}

export interface IdentityServer {
  readonly metadataUrl: string;
  /** A token signed with the published key. */
  sign(claims: TokenClaims): Promise<string>;
  /** A token signed with a key nobody published, under the published key id. */
  forge(claims: TokenClaims): Promise<string>;
  /** How many times the metadata and the keys were fetched. */
  readonly fetches: number;
  close(): Promise<void>;
}

const KEY_ID = 'test-key-1';

export async function startIdentityServer(): Promise<IdentityServer> {
  const real = await generateKeyPair('RS256', { extractable: true });
  const forged = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(real.publicKey)), kid: KEY_ID, use: 'sig', alg: 'RS256' };
  let fetches = 0;
  let base = '';
  const server: Server = createServer((request, response) => {
    fetches++;
    const json = (body: unknown) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.url === '/v1/.well-known/openidconfiguration') {
      return json({
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${base}/authorize`,
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (request.url === '/v1/.well-known/keys') {
      // Teams' keys are endorsed for the msteams channel; the SDK checks the endorsement.
      return json({ keys: [{ ...publicJwk, endorsements: ['msteams'] }] });
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signWith = (key: Parameters<SignJWT['sign']>[0]) => async (claims: TokenClaims) => {
    const now = Math.floor(Date.now() / 1000);
    const expires = now + (claims.expiresIn ?? 3600);
    const jwt = new SignJWT({ serviceurl: claims.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
      .setIssuer(claims.issuer ?? BOT_FRAMEWORK_ISSUER)
      .setAudience(claims.audience)
      .setIssuedAt(Math.min(now, expires - 60))
      .setNotBefore(Math.min(now, expires - 60) - 60);
    return (claims.expiresIn === null ? jwt : jwt.setExpirationTime(expires)).sign(key);
  };

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    sign: signWith(real.privateKey),
    forge: signWith(forged.privateKey),
    get fetches() {
      return fetches;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
