/**
 * How the bot proves who it is and checks who calls it: botbuilder's
 * `ConfigurationBotFrameworkAuthentication` built from the Azure Bot registration (single-tenant by
 * default), with the public-cloud endpoints spelled out so two of them can be moved:
 *
 * - `TEAMS_OPENID_METADATA_URL` → `ToBotFromChannelOpenIdMetadataUrl`: where the signing keys of
 *   incoming requests are read (a local JWKS server in tests).
 * - `TEAMS_TOKEN_ENDPOINT` → the credentials factory's token URL: where the bot gets the token for its
 *   outgoing calls. The SDK's own factory goes through MSAL, which accepts only https authorities
 *   and runs instance discovery against login.microsoftonline.com, so this seam is a small OAuth 2.0
 *   client-credentials factory (the SDK's `ServiceClientCredentialsFactory` contract) instead.
 *
 * Two adjustments wrap the SDK's authentication: a token that fails signature checks comes back as
 * 401 (the SDK lets jsonwebtoken's own errors through as 500), and connector clients lose the
 * SDK's built-in retries (it would sleep through a 429's Retry-After inside the call) because the
 * outbox owns retries (see `SendOutcome`).
 */

import { createPublicKey } from 'node:crypto';
import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AppCredentials,
  type AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
  type AuthenticatorResult,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  ServiceClientCredentialsFactory,
  type UserTokenClient,
} from 'botframework-connector';
// Not re-exported by the package index: the SDK's signing-key cache lives on this class.
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor.js';
import type { IOpenIdMetadataKey } from 'botframework-connector/lib/auth/openIdMetadata.js';
import type { Settings } from '../../config/settings.ts';
import type { Outbound } from '../outbound.ts';

/** `CallerIdConstants.PublicAzureChannel`: the caller id stamped on activities from the public cloud. */
const PUBLIC_AZURE_CALLER_ID = 'urn:botframework:azure';
/** The SDK's pipeline retry policy (@azure/core-rest-pipeline's `defaultRetryPolicyName`). */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

export type TeamsAuthSettings = Pick<
  Settings,
  | 'MicrosoftAppId'
  | 'MicrosoftAppPassword'
  | 'MicrosoftAppTenantId'
  | 'MicrosoftAppType'
  | 'TEAMS_OPENID_METADATA_URL'
  | 'TEAMS_TOKEN_ENDPOINT'
>;

/** What is missing for the configured app type, as sentences for the operator; empty when complete. */
export function credentialProblems(settings: TeamsAuthSettings): string[] {
  const problems: string[] = [];
  const has = (value: string | undefined) => Boolean(value?.trim());
  if (!has(settings.MicrosoftAppId)) problems.push('MicrosoftAppId chưa được đặt (App ID của Azure Bot).');
  if (settings.MicrosoftAppType === 'UserAssignedMSI') {
    if (has(settings.MicrosoftAppPassword))
      problems.push('MicrosoftAppPassword phải để trống khi MicrosoftAppType=UserAssignedMSI.');
  } else if (!has(settings.MicrosoftAppPassword)) {
    problems.push('MicrosoftAppPassword chưa được đặt (client secret của ứng dụng).');
  }
  if (settings.MicrosoftAppType !== 'MultiTenant' && !has(settings.MicrosoftAppTenantId)) {
    problems.push(
      `MicrosoftAppTenantId chưa được đặt (bắt buộc khi MicrosoftAppType=${settings.MicrosoftAppType}).`,
    );
  }
  return problems;
}

/**
 * The authentication for the Azure Bot in `settings`; with `unauthenticated`, none at all (local
 * development only: every request is accepted and outgoing calls carry no token).
 */
export function createAuthentication(
  settings: TeamsAuthSettings,
  unauthenticated = false,
  outbound: Outbound | null = null,
): BotFrameworkAuthentication {
  const appId = unauthenticated ? '' : (settings.MicrosoftAppId ?? '').trim();
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: unauthenticated ? '' : (settings.MicrosoftAppPassword ?? ''),
    MicrosoftAppTenantId: unauthenticated ? '' : (settings.MicrosoftAppTenantId ?? ''),
    // botbuilder spells the managed identity type "UserAssignedMsi" (compared case-insensitively).
    MicrosoftAppType: unauthenticated ? 'MultiTenant' : settings.MicrosoftAppType,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl:
      settings.TEAMS_OPENID_METADATA_URL ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: PUBLIC_AZURE_CALLER_ID,
  };
  // The SDK asks Entra ID through MSAL, which takes no proxy: through one, the same client-credentials
  // grant is sent here, on the proxied fetch (managed identities ask the local IMDS, never proxied).
  const tokenEndpoint =
    settings.TEAMS_TOKEN_ENDPOINT ?? (outbound ? entraTokenEndpoint(settings) : undefined);
  const credentials =
    tokenEndpoint && !unauthenticated && settings.MicrosoftAppType !== 'UserAssignedMSI'
      ? new TokenEndpointCredentialsFactory(
          appId,
          settings.MicrosoftAppPassword ?? '',
          tokenEndpoint,
          outbound?.fetch ?? fetch,
        )
      : undefined;
  for (const url of [options.ToBotFromChannelOpenIdMetadataUrl, options.ToBotFromEmulatorOpenIdMetadataUrl]) {
    if (url) useSigningKeysTransport(url, outbound);
  }
  return new TeamsAuthentication(new ConfigurationBotFrameworkAuthentication(options, credentials), outbound);
}

/**
 * The SDK reads signing keys through `JwtTokenExtractor`'s process-wide cache of `OpenIdMetadata`
 * (node-fetch, no proxy unless given a bare host:port, and no NO_PROXY). The only seam is that cache:
 * through a proxy its entry for `url` becomes a `ProxiedOpenIdMetadata` on the proxied fetch; without
 * one the entry is dropped so the SDK makes its own again (the last authentication built wins).
 */
function useSigningKeysTransport(url: string, outbound: Outbound | null): void {
  const cache = (JwtTokenExtractor as unknown as { openIdMetadataCache?: Map<string, unknown> })
    .openIdMetadataCache;
  if (!(cache instanceof Map)) return;
  if (outbound) cache.set(url, new ProxiedOpenIdMetadata(url, outbound.fetch));
  else cache.delete(url);
}

interface JsonWebKey {
  kid?: string;
  kty?: string;
  n?: string;
  e?: string;
  endorsements?: string[];
}

/** `OpenIdMetadata.getKey` with the SDK's refresh rules (daily; hourly for an unknown key id). */
class ProxiedOpenIdMetadata {
  private keys: JsonWebKey[] = [];
  private lastUpdated = 0;

  constructor(
    private readonly url: string,
    private readonly fetchFn: typeof fetch,
  ) {}

  async getKey(keyId: string): Promise<IOpenIdMetadataKey | null> {
    const hour = 60 * 60 * 1000;
    if (this.lastUpdated < Date.now() - 24 * hour) {
      await this.refresh();
      return this.findKey(keyId);
    }
    const key = this.findKey(keyId);
    if (key || this.lastUpdated >= Date.now() - hour) return key;
    await this.refresh();
    return this.findKey(keyId);
  }

  private async refresh(): Promise<void> {
    const config = await this.fetchFn(this.url, { signal: AbortSignal.timeout(15_000) });
    if (!config.ok) throw new AuthenticationError(`Failed to load openID config: ${config.status}`, 500);
    const { jwks_uri: jwksUri } = (await config.json()) as { jwks_uri?: unknown };
    if (typeof jwksUri !== 'string')
      throw new AuthenticationError('Failed to load openID config: no jwks_uri', 500);
    const keys = await this.fetchFn(jwksUri, { signal: AbortSignal.timeout(15_000) });
    if (!keys.ok) throw new AuthenticationError(`Failed to load Keys: ${keys.status}`, 500);
    this.keys = ((await keys.json()) as { keys?: JsonWebKey[] }).keys ?? [];
    this.lastUpdated = Date.now();
  }

  private findKey(keyId: string): IOpenIdMetadataKey | null {
    const jwk = this.keys.find((key) => key.kid === keyId);
    if (!jwk?.n || !jwk.e) return null;
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    return {
      key: key.export({ type: 'spki', format: 'pem' }).toString(),
      endorsements: jwk.endorsements ?? [],
    };
  }
}

/** Entra ID's token endpoint for the bot's tenant (botframework.com for a multi-tenant bot). */
function entraTokenEndpoint(settings: TeamsAuthSettings): string {
  const tenant =
    settings.MicrosoftAppType === 'MultiTenant'
      ? 'botframework.com'
      : (settings.MicrosoftAppTenantId ?? '').trim();
  return `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
}

/** The SDK's authentication with signature failures as 401 and connector clients without SDK retries. */
class TeamsAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly outbound: Outbound | null,
  ) {
    super();
  }

  override async authenticateRequest(
    activity: Parameters<BotFrameworkAuthentication['authenticateRequest']>[0],
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      requireExpiry(authHeader);
      const result = await this.inner.authenticateRequest(activity, authHeader);
      return result.connectorFactory
        ? { ...result, connectorFactory: new NoRetryConnectorFactory(result.connectorFactory, this.outbound) }
        : result;
    } catch (error) {
      throw asAuthenticationError(error);
    }
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw asAuthenticationError(error);
    }
  }

  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    try {
      return await this.inner.authenticateChannelRequest(authHeader);
    } catch (error) {
      throw asAuthenticationError(error);
    }
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new NoRetryConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), this.outbound);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}

/**
 * jsonwebtoken accepts a token without `exp` (it checks expiry only when the claim is there), so a
 * token once leaked would be good forever. The Bot Framework always sets it; require it.
 */
function requireExpiry(authHeader: string): void {
  const token = /^Bearer\s+(\S+)$/i.exec(authHeader.trim())?.[1];
  if (!token) return; // no token: the SDK refuses it, or authentication is off
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return; // not a JWT: the SDK refuses it with its own message
  }
  const exp = (claims as { exp?: unknown } | null)?.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) {
    throw new AuthenticationError('Unauthorized: the token has no expiry (exp).', 401);
  }
}

/** jsonwebtoken's errors (bad signature, malformed, not yet valid) are a caller's fault: 401. */
function asAuthenticationError(error: unknown): unknown {
  if (error instanceof AuthenticationError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError') {
    return new AuthenticationError(`Unauthorized: ${(error as Error).message}`, 401);
  }
  return error;
}

class NoRetryConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly outbound: Outbound | null = null,
  ) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const client = await this.inner.create(serviceUrl, audience);
    const pipeline = (
      client as unknown as {
        client?: {
          pipeline?: {
            removePolicy(options: { name: string }): unknown;
            addPolicy(policy: unknown, options?: { afterPhase?: string }): void;
          };
        };
      }
    ).client?.pipeline;
    pipeline?.removePolicy({ name: SDK_RETRY_POLICY });
    // Through a proxy: the last policy sends the request on the proxied fetch instead of node:https.
    if (this.outbound) pipeline?.addPolicy(proxiedTransport(this.outbound), { afterPhase: 'Sign' });
    return client;
  }
}

/** The parts of @azure/core-rest-pipeline's request and response this transport uses. */
interface PipelineRequestLike {
  url: string;
  method: string;
  headers: { toJSON(): Record<string, string> };
  body?: unknown;
  abortSignal?: AbortSignal;
}

class ResponseHeaders {
  private readonly map = new Map<string, string>();
  constructor(headers: Headers) {
    headers.forEach((value, name) => {
      this.map.set(name.toLowerCase(), value);
    });
  }
  get(name: string) {
    return this.map.get(name.toLowerCase());
  }
  has(name: string) {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string | number | boolean) {
    this.map.set(name.toLowerCase(), String(value));
  }
  delete(name: string) {
    this.map.delete(name.toLowerCase());
  }
  toJSON() {
    return Object.fromEntries(this.map);
  }
  [Symbol.iterator]() {
    return this.map.entries();
  }
}

function proxiedTransport(outbound: Outbound) {
  return {
    name: 'da06ProxiedTransport',
    async sendRequest(request: PipelineRequestLike) {
      const response = await outbound.fetch(request.url, {
        method: request.method,
        headers: request.headers.toJSON(),
        body:
          typeof request.body === 'string' || request.body instanceof Uint8Array ? request.body : undefined,
        ...(request.abortSignal ? { signal: request.abortSignal } : {}),
      });
      return {
        request,
        status: response.status,
        headers: new ResponseHeaders(response.headers),
        bodyAsText: await response.text(),
      };
    },
  };
}

/** The OAuth 2.0 client-credentials grant against `TEAMS_TOKEN_ENDPOINT`, cached by the SDK. */
class TokenEndpointCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly password: string,
    private readonly tokenEndpoint: string,
    private readonly fetchFn: typeof fetch,
  ) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return this.appId === '';
  }

  async createCredentials(appId: string, audience: string | undefined): Promise<AppCredentials> {
    if (this.appId === '') return MicrosoftAppCredentials.Empty;
    if (appId !== this.appId) throw new Error('Invalid appId.');
    return new TokenEndpointCredentials(appId, this.password, this.tokenEndpoint, audience, this.fetchFn);
  }
}

class TokenEndpointCredentials extends AppCredentials {
  constructor(
    appId: string,
    private readonly password: string,
    private readonly tokenEndpoint: string,
    scope: string | undefined,
    private readonly fetchFn: typeof fetch,
  ) {
    super(appId, undefined, scope);
  }

  protected override async refreshToken(): Promise<AuthenticatorResult> {
    const scope = this.oAuthScope.endsWith('/.default') ? this.oAuthScope : `${this.oAuthScope}/.default`;
    const response = await this.fetchFn(this.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.appId,
        client_secret: this.password,
        scope,
      }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) {
      throw Object.assign(new Error(`token endpoint answered ${response.status}`), {
        tokenStatus: response.status,
      });
    }
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('token endpoint sent no access_token');
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
    return {
      accessToken: body.access_token,
      expiresOn: new Date(Date.now() + (Number.isFinite(seconds) ? seconds : 3600) * 1000),
    };
  }
}
