// Production must never run on the secrets printed in .env.example.

const SECRET_VARIABLES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

export const EXAMPLE_SECRET = 'change-me';

/** The names of the secrets that are missing or still hold the example value. */
export function unsafeSecrets(env: Record<string, string | undefined>): string[] {
  return SECRET_VARIABLES.filter((name) => {
    const value = env[name];
    return !value || value.split(',').some((part) => part.trim() === '' || part.includes(EXAMPLE_SECRET));
  });
}

export function refuseExampleSecrets(env: Record<string, string | undefined>, nodeEnv: string): void {
  if (nodeEnv !== 'production') return;
  const unsafe = unsafeSecrets(env);
  if (unsafe.length > 0) {
    throw new Error(
      `Refusing to start in production: ${unsafe.join(', ')} missing or left at the example value. ` +
        'Set fresh random values in the environment (see README, "Running in production").',
    );
  }
}

export { SECRET_VARIABLES };
