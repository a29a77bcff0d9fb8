// A wrong newsroom option in the host's config/plugins.ts stops the boot, naming the option,
// before the database is touched (the plugin's config validator, run by Strapi's plugin loader).
import { startStrapi } from '../helpers/strapi';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

test.each([
  ['NEWSROOM_REQUIRED_AGENCIES', 'Sputnik News', /Error regarding newsroom config: newsroom: requiredAgencies must be/],
  ['NEWSROOM_READ_CONCURRENCY', '0', /Error regarding newsroom config: newsroom: readQueue\.concurrency must be/],
  [
    'NEWSROOM_PUBLISHER_URL',
    'ftp://example.org',
    /Error regarding newsroom config: newsroom: feed\.publisherUrl must be/,
  ],
])('%s=%s stops the boot', async (variable, value, message) => {
  process.env[variable] = value;
  await expect(startStrapi()).rejects.toThrow(message);
});

test('a seed folder that does not exist stops the boot, naming the folder', async () => {
  process.env.NEWSROOM_SEED_DIR = 'database/no-such-folder';
  await expect(startStrapi()).rejects.toThrow(/seedDispatches names .*no-such-folder, which does not exist/);
});
