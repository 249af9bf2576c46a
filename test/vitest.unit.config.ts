import { defineConfig } from 'vitest/config'; export default defineConfig({ test: { include: ['test/forms/**/*.test.ts', 'test/platform/form-validation.test.ts', 'test/domain/**/*.test.ts'] } });
