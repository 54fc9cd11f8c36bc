/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  // The SDKs print a version banner per instance; tests print only what they mean to.
  setupFiles: ['<rootDir>/__tests__/helpers/quietSdkBanner.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
};
