// Hostile input, permissions and faults (issue 8). One file, so the figures line sums every section.
import { startStrapi } from '../helpers/strapi';
import { prepareShared, type Shared } from './context';
import { runMalformed } from './malformed';
import { figures, leakLog, serverErrorLog } from './support';

let shared: Shared;

beforeAll(async () => {
  shared = await prepareShared(await startStrapi());
});
afterAll(async () => {
  await shared?.app.stop();
  process.stdout.write(
    `hostile: payloads tried ${figures.payloadsTried}, executable survivors ${figures.executableSurvivors}, ` +
      `malformed requests tried ${figures.malformedTried}, 5xx answers ${figures.serverErrors}, ` +
      `acknowledged writes lost ${figures.writesLost}\n`,
  );
});

describe('malformed requests', () => {
  test('each is answered 4xx with a message, never 5xx; nothing written; the server keeps answering', async () => {
    expect(await runMalformed(shared)).toEqual([]);
  });
});

describe('the figures', () => {
  test('no 5xx and no leak anywhere in the suite', () => {
    expect(serverErrorLog).toEqual([]);
    expect(leakLog).toEqual([]);
  });
});
