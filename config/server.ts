import { refuseExampleSecrets } from '../src/newsroom/secrets';

export default ({ env }) => {
  refuseExampleSecrets(process.env, env('NODE_ENV', 'development'));
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    proxy: env.bool('IS_PROXIED', false),
    app: { keys: env.array('APP_KEYS') },
  };
};
