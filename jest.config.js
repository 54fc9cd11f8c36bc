/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // The SDKs print a version banner per instance; tests print only what they mean to.
  setupFiles: ['<rootDir>/__tests__/helpers/quietSdkBanner.ts'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  // As tsconfig's `paths`: src/react imports the core as 'tim-redux'.
  moduleNameMapper: { '^tim-redux$': '<rootDir>/src/index.ts', '^tim-redux/react$': '<rootDir>/src/react/index.ts' },
};
