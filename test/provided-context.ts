import 'vitest';

// What test/global-setup.ts hands to every test file through inject().
declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    engineUrl: string;
    engineUser: string;
    enginePassword: string;
    engineAdmin: { user: string; password: string };
    tempDir: string;
  }
}
