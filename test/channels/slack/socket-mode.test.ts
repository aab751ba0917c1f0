/**
 * With SLACK_APP_TOKEN the app runs over Socket Mode: no HTTP route, `start()` opens the WebSocket
 * (apps.connections.open with the xapp token), commands arrive as envelopes, are acked on the socket,
 * and answered as over HTTP.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases.ts';
import { commandFields, type Harness, startHarness, textOf, USERS } from '../../support/slack/harness.ts';

describeEachDatabase('Slack Socket Mode', (db) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(db(), {
      env: { SLACK_APP_TOKEN: 'xapp-1-A1-test', SLACK_SIGNING_SECRET: undefined },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('connects with the app token and serves no HTTP route', async () => {
    expect(h.channel.routes).toEqual([]);
    expect(h.fake.callsOf('apps.connections.open')).toMatchObject([{ token: 'xapp-1-A1-test' }]);
    expect(h.fake.socketMode?.connected).toBe(true);
  });

  it('a command over the socket is acked there and answered through its response_url', async () => {
    const fields = commandFields(h, USERS.lan, 'tasks');
    h.fake.socketMode?.send({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: fields,
    });
    const ack = await h.fake.waitFor(() =>
      h.fake.socketMode?.received.find((m) => m.envelope_id === 'env-1'),
    );
    expect(ack).toMatchObject({ envelope_id: 'env-1' });
    const path = new URL(fields.response_url!).pathname;
    const reply = await h.fake.waitForResponse((post) => post.path === path);
    expect(textOf(reply.body.blocks)).toContain('*[1]* Tổ chức hội nghị');
  });
});
