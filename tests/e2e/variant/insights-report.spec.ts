import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { parseReport } from '../../../src/core/insights/report.ts';
import variant from '../../fixtures/site-variant/settings.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { countedStorage, countQuestionsInChat, InsightsPage } from '../support/insights-page.ts';

/*
 * SPEC 5.4 on the variant build, whose settings name an insights endpoint: the report is sent
 * only on an explicit click, once, only to that endpoint, and exactly as the page shows it. The
 * endpoint is a local server of this test (another origin than the site, so the browser asks
 * first with a CORS preflight, as it would for a real endpoint).
 */

// Both tests listen on the endpoint's one port.
test.describe.configure({ mode: 'serial' });

const endpoint = new URL(variant.insights.endpoint ?? 'http://127.0.0.1:0/');

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

interface Endpoint {
  readonly received: Received[];
  readonly server: Server;
  /** The status the next POST gets. */
  status: number;
}

/** The endpoint: records what arrives and answers as a CORS-enabled collector would. */
async function startEndpoint(pageOrigin: string, status: number): Promise<Endpoint> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.setHeader('Access-Control-Allow-Origin', pageOrigin);
      if (request.method === 'OPTIONS') {
        response.setHeader('Access-Control-Allow-Methods', 'POST');
        response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
        response.writeHead(204).end();
      } else if (request.method === 'POST' && request.url === endpoint.pathname) response.writeHead(collector.status).end();
      else response.writeHead(404).end();
    });
  });
  const collector: Endpoint = { received, server, status };
  server.listen(Number(endpoint.port), endpoint.hostname);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => {
      throw new Error(`the test endpoint cannot listen on ${endpoint.host} (set VERTRAUT_REPORT_PORT for the build and the test): ${String(error)}`);
    }),
  ]);
  return collector;
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

test('the report is sent only on the click, once, to the configured endpoint, byte for byte as shown', async ({ page, context, guard }) => {
  guard.allowRequestsTo(endpoint.href);
  const { received, server } = await startEndpoint(guard.origin, 204);
  try {
    await countQuestionsInChat(page, context);
    const insights = await InsightsPage.visit(page, 'de');
    await expect(insights.report).toContainText(insights.text('insights.report.sendIntro', { host: endpoint.host }));
    await expect(insights.downloadButton).toHaveCount(0);
    const shown = await insights.shownReport();
    expect(parseReport(shown).ok).toBe(true);
    await expectNoAxeViolations(page);
    // Chatting, counting and showing the report sent nothing anywhere.
    expect(received).toEqual([]);
    expect(guard.requests.foreign(guard.origin)).toEqual([]);

    await insights.sendButton.click();
    await expect(insights.reportStatus).toHaveText(insights.text('insights.report.sent'));
    const posts = received.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post?.path).toBe(endpoint.pathname);
    expect(post?.body.equals(Buffer.from(shown, 'utf8')), 'the body is exactly the shown JSON').toBe(true);
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.headers['origin']).toBe(guard.origin);
    // No cookie, no referrer: nothing but the report.
    expect(post?.headers['cookie']).toBeUndefined();
    expect(post?.headers['referer']).toBeUndefined();
    // Besides the POST only the browser's CORS preflight arrived, at most once.
    expect(received.filter((request) => request.method !== 'POST' && request.method !== 'OPTIONS')).toEqual([]);
    expect(received.filter((request) => request.method === 'OPTIONS').length).toBeLessThanOrEqual(1);
    expect(guard.requests.foreign(guard.origin)).toEqual([endpoint.href]);

    // One click, one report: the button stays off once it is sent.
    await expect(insights.sendButton).toBeDisabled();
    await expectNoAxeViolations(page);
    guard.expectStorage(countedStorage());
  } finally {
    await stop(server);
  }
});

test('a refused report says so, and the same report can be sent again', async ({ page, context, guard }) => {
  guard.allowRequestsTo(endpoint.href);
  const collector = await startEndpoint(guard.origin, 503);
  const { received, server } = collector;
  try {
    await countQuestionsInChat(page, context);
    const insights = await InsightsPage.visit(page, 'de');
    const shown = await insights.shownReport();
    await insights.sendButton.click();
    await expect(insights.reportStatus).toHaveText(
      insights.text('insights.report.failed', { reason: insights.text('insights.report.failedStatus', { status: 503 }) }),
    );
    await expect(insights.sendButton).toBeEnabled();
    // The browser logs the refused request itself; that one error is expected here.
    expect(guard.consoleErrors).toEqual([expect.stringContaining('503')]);
    guard.consoleErrors.length = 0;
    // The page still shows the very report it tried to send.
    expect(await insights.shownReport()).toBe(shown);
    expect(received.filter((request) => request.method === 'POST').map((request) => request.body.toString('utf8'))).toEqual([shown]);

    collector.status = 204;
    await insights.sendButton.click();
    await expect(insights.reportStatus).toHaveText(insights.text('insights.report.sent'));
    // The same report (same reportId): the editors count it once even though it arrived twice.
    expect(received.filter((request) => request.method === 'POST').map((request) => request.body.toString('utf8'))).toEqual([shown, shown]);
    guard.expectStorage(countedStorage());
  } finally {
    await stop(server);
  }
});
