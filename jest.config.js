/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testTimeout: 120000,
  // Integration and end-to-end suites each start servers; running files one at a time keeps
  // a 2-core CI machine from timing them out.
  maxWorkers: 1,
  setupFiles: ['reflect-metadata', '<rootDir>/test/setup-env.ts'],
  // One embedded PostgreSQL server for the run (the suites need `npm run build` first, as `npm test` does).
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
